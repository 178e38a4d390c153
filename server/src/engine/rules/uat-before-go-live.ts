import { isoFromDay } from '../calendar';
import { findTagHint, hasTag, phasesOfKind, phasesPreparing } from '../definitions';
import { flowMapText } from '../edits';
import type { Phase } from '../model';
import { insertChecklistItem } from '../planEdits';
import { judge } from '../ruleSupport/deadlines';
import type { Schedule } from '../schedule';
import type { Fix } from '../types';
import type { Rule } from './types';

const UAT_ITEM = { task: 'User acceptance testing with end users from every affected team', tags: ['uat'] };

/**
 * Testing phases that could hold the missing UAT item: those that end before the go-live
 * starts, else (none does) every testing phase preparing it.
 */
function uatHomes(schedule: Schedule, testing: Phase[], goLiveStart: number): Phase[] {
  const endsBefore = testing.filter((p) => {
    const w = schedule.windowOf(p);
    return w !== undefined && w.end < goLiveStart;
  });
  return endsBefore.length > 0 ? endsBefore : testing;
}

/**
 * The item for `phase`. A phase that runs into the go-live gets the item due on the last
 * working day before it (when the phase has started by then), so the item really precedes it.
 */
function uatItem(phase: Phase, schedule: Schedule, goLiveStart: number): string {
  const w = schedule.windowOf(phase);
  const lastDay = schedule.calendar.previousBefore(goLiveStart);
  const runsIntoGoLive = w !== undefined && w.end >= goLiveStart && w.start <= lastDay;
  return flowMapText(runsIntoGoLive ? { ...UAT_ITEM, due: isoFromDay(lastDay) } : UAT_ITEM);
}

/** A suggestion per testing phase that could hold the UAT item (a new item is work someone plans). */
function insertFixes(schedule: Schedule, candidates: Phase[], goLiveStart: number): Fix[] {
  const fixes: Fix[] = [];
  for (const phase of candidates) {
    const edit = insertChecklistItem(phase, uatItem(phase, schedule, goLiveStart));
    if (edit) fixes.push({ title: `add a UAT item to "${phase.id}"`, edits: [edit], kind: 'suggestion' });
  }
  return fixes;
}

/** What to do when no testing phase prepares `goLive`, given how waves decide preparation. */
function waveAdvice(goLive: Phase, schedule: Schedule, start: string): string {
  const wave = goLive.wave?.value;
  if (wave !== undefined) return `add a testing phase with wave: ${wave} and an item tagged uat due before ${start}`;
  if (schedule.goLives[0] === goLive) return `add a testing phase without a wave and an item tagged uat due before ${start}`;
  return `give it a wave number and add a testing phase with the same wave and an item tagged uat due before ${start}`;
}

export const uatBeforeGoLive: Rule = {
  meta: {
    id: 'uat-before-go-live',
    category: 'lifecycle',
    defaultSeverity: 'error',
    description: 'each go-live is preceded by user acceptance testing: an item tagged uat in a testing phase preparing it, dated before it starts',
    hasSuggestions: true,
    messages: {
      missing:
        'go-live "{{goLive}}" starts {{start}} but no testing phase preparing it has an item tagged uat; let end users accept the system in "{{testing}}" before go-live{{hint}}',
      noTestingPhase: 'no testing phase prepares go-live "{{goLive}}"; {{advice}}',
      late: 'go-live "{{goLive}}" starts {{start}} but user acceptance testing ends {{end}}; make "{{testing}}" a prerequisite with after: [{{testing}}]',
      lateStart: 'go-live "{{goLive}}" starts {{start}} but user acceptance testing in "{{testing}}" ends {{end}}; start the go-live after {{end}}',
      lateDue:
        'go-live "{{goLive}}" starts {{start}} but user acceptance testing "{{task}}" is due {{end}}; finish UAT before go-live by moving its due date before {{start}}',
    },
  },
  check({ plan, schedule, report }) {
    // Without any testing phase, required-phases reports what is missing.
    if (phasesOfKind(plan, 'testing').length === 0) return;
    for (const goLive of schedule.goLives) {
      const gw = schedule.windowOf(goLive);
      if (!gw) continue;
      const start = isoFromDay(gw.start);
      const preparing = phasesPreparing(goLive, plan, schedule);
      const testing = preparing.filter((p) => p.phaseKind?.value === 'testing');
      const base = { node: goLive.idNode, idPath: goLive.idPath };
      if (testing.length === 0) {
        report({ ...base, messageId: 'noTestingPhase', data: { goLive: goLive.id, advice: waveAdvice(goLive, schedule, start) } });
        continue;
      }
      const uat = testing.flatMap((p) => p.checklist).filter((item) => hasTag(item, 'uat'));
      if (uat.length === 0) {
        const homes = uatHomes(schedule, testing, gw.start);
        const hint = findTagHint(plan, 'uat', (item) => preparing.includes(item.phase)) ?? '';
        const data = { goLive: goLive.id, start, testing: homes[homes.length - 1].id, hint };
        report({ ...base, messageId: 'missing', data, fixes: insertFixes(schedule, homes, gw.start) });
        continue;
      }
      // Silent when some UAT item is dated before the go-live starts, and when one is undated: it might be on time.
      const verdict = judge(uat, schedule, { day: gw.start, relation: 'before' });
      if (verdict.status !== 'missed') continue;
      const { item, day } = verdict;
      const related = [{ node: item.map, source: plan.source, message: 'the earliest user acceptance testing item' }];
      const data = { goLive: goLive.id, start, end: isoFromDay(day), testing: item.phase.id, task: item.task?.value ?? '' };
      const messageId = item.due ? 'lateDue' : goLive.after.some((a) => a.value === item.phase.id) ? 'lateStart' : 'late';
      report({ ...base, messageId, data, related });
    }
  },
};
