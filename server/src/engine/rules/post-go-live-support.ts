import { isoFromDay } from '../calendar';
import { goLiveDate, lastGoLiveStart } from '../definitions';
import { keyNodeOf, type Phase, type Plan } from '../model';
import { insertPhase, unusedId } from '../planEdits';
import type { PhaseWindow } from '../schedule';
import type { Fix } from '../types';
import type { Rule } from './types';

/** Four weeks of hypercare: this project's default, for the author to adjust. */
const SUPPORT_DURATION = '4w';

/** A support phase right after the go-live that starts last, waiting for it. */
function insertFix(plan: Plan, lastGoLive: Phase): Fix[] {
  const next = plan.phases.find((p) => p.index > lastGoLive.index);
  const id = unusedId(plan, 'support');
  const edit = insertPhase(plan, { id, name: 'Post-go-live support', kind: 'support', after: lastGoLive.id, duration: SUPPORT_DURATION }, next?.index);
  return edit ? [{ title: `add a support phase "${id}" after "${lastGoLive.id}"`, edits: [edit], kind: 'suggestion' }] : [];
}

export const postGoLiveSupport: Rule = {
  meta: {
    id: 'post-go-live-support',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    description: 'a support or optimization phase starts on or after the first go-live and ends after the last go-live starts',
    hasSuggestions: true,
    messages: {
      missing:
        'the plan has no support or optimization phase after go-live; plan hypercare and ongoing support after "{{lastGoLive}}" so users get help once the system is live',
      mistimed:
        '{{kind}} phase "{{phase}}" runs {{start}} to {{end}}, but post-go-live support must start on or after {{goLive}} (the first go-live) and end after {{lastStart}} (when "{{lastGoLive}}" starts); move it, or add a support phase after "{{lastGoLive}}"',
    },
  },
  check({ plan, schedule, report }) {
    const first = goLiveDate(schedule);
    const lastStart = lastGoLiveStart(schedule);
    const lastGoLive = schedule.goLives[schedule.goLives.length - 1];
    // No dated go-live, nothing to support yet: required-phases reports a missing go-live.
    if (first === undefined || lastStart === undefined || !lastGoLive) return;
    const support = plan.phases.filter((p) => p.phaseKind?.value === 'support' || p.phaseKind?.value === 'optimization');
    const windows: PhaseWindow[] = [];
    for (const phase of support) {
      const w = schedule.windowOf(phase);
      // An undated support phase might cover go-live: the rule cannot tell, so it stays silent.
      if (!w) return;
      if (w.start >= first && w.end > lastStart) return;
      windows.push(w);
    }
    if (windows.length === 0) {
      const phasesKey = plan.root ? keyNodeOf(plan.source, plan.root, 'phases') : undefined;
      report({
        messageId: 'missing',
        data: { lastGoLive: lastGoLive.id },
        node: phasesKey ?? lastGoLive.idNode,
        fixes: insertFix(plan, lastGoLive),
        idPath: 'phases',
      });
      return;
    }
    // The support phase that ends last is the one closest to covering go-live (ties: file order).
    const closest = windows.reduce((best, w) => (w.end > best.end ? w : best));
    const phase = closest.phase;
    report({
      messageId: 'mistimed',
      data: {
        kind: phase.phaseKind?.value ?? 'support',
        phase: phase.id,
        start: isoFromDay(closest.start),
        end: isoFromDay(closest.end),
        goLive: isoFromDay(first),
        lastStart: isoFromDay(lastStart),
        lastGoLive: lastGoLive.id,
      },
      node: phase.idNode,
      related: [{ node: lastGoLive.idNode, source: plan.source, message: 'the go-live that starts last' }],
      idPath: phase.idPath,
    });
  },
};
