import { isoFromDay } from '../calendar';
import { milestoneDate, phasesPreparing } from '../definitions';
import { addToListKey, flowMapText } from '../edits';
import type { Milestone, Phase, Plan } from '../model';
import { unusedId } from '../planEdits';
import type { Fix } from '../types';
import type { Rule } from './types';

function gateFix(plan: Plan, goLive: Phase, date: string): Fix[] {
  const milestone = flowMapText({ id: unusedId(plan, `${goLive.id}-gate`), name: 'Go/no-go decision', date, gate: true });
  const edit = addToListKey(plan.source, goLive.map, 'milestones', goLive.milestonesNode, milestone);
  return edit ? [{ title: `add a go/no-go gate to "${goLive.id}" on ${date}`, edits: [edit], kind: 'suggestion' }] : [];
}

/** Days from `day` to the window [from, to]; 0 inside it. */
function distance(day: number, from: number, to: number): number {
  return day < from ? from - day : day > to ? day - to : 0;
}

export const goLiveGate: Rule = {
  meta: {
    id: 'go-live-gate',
    category: 'lifecycle',
    defaultSeverity: 'warning',
    description: 'each go-live has a gate milestone dated between the start of its latest testing phase and its own start (a go/no-go decision)',
    hasSuggestions: true,
    messages: {
      missing:
        'go-live "{{goLive}}" starts {{start}} but no gate milestone (gate: true) decides it; add a go/no-go gate dated between {{from}} (start of testing "{{testing}}") and {{start}}',
      outsideWindow:
        'go-live "{{goLive}}" starts {{start}} but its gate "{{gate}}" is dated {{date}}, {{side}}; date the go/no-go gate between {{from}} (start of testing "{{testing}}") and {{start}}',
    },
  },
  check({ plan, schedule, report }) {
    for (const goLive of schedule.goLives) {
      const gw = schedule.windowOf(goLive);
      if (!gw) continue;
      const preparing = phasesPreparing(goLive, plan, schedule);
      // The window opens when the latest testing phase preparing this go-live starts (ties: file order).
      let testing: { phase: Phase; start: number } | undefined;
      for (const phase of preparing) {
        const w = phase.phaseKind?.value === 'testing' ? schedule.windowOf(phase) : undefined;
        if (w && (!testing || w.start > testing.start)) testing = { phase, start: w.start };
      }
      // Without a dated testing phase the window has no start; uat-before-go-live and required-phases report that.
      if (!testing) continue;
      // Gates belong to the rollout they decide: only milestones of phases preparing this go-live count.
      const gates = preparing.flatMap((p) => p.milestones).filter((m) => m.gate);
      let nearest: { gate: Milestone; day: number } | undefined;
      let undated = false;
      for (const gate of gates) {
        const day = milestoneDate(gate, schedule);
        if (day === undefined) undated = true;
        else if (!nearest || distance(day, testing.start, gw.start) < distance(nearest.day, testing.start, gw.start)) nearest = { gate, day };
      }
      if (undated || (nearest && distance(nearest.day, testing.start, gw.start) === 0)) continue;
      const start = isoFromDay(gw.start);
      const data = { goLive: goLive.id, start, from: isoFromDay(testing.start), testing: testing.phase.id };
      // A testing phase that starts after its go-live leaves no valid date; phase-order reports it.
      const fixes = testing.start <= gw.start ? gateFix(plan, goLive, start) : [];
      if (!nearest) {
        report({ messageId: 'missing', data, node: goLive.idNode, fixes, idPath: goLive.idPath });
        continue;
      }
      const side = nearest.day > gw.start ? 'after the go-live starts' : `before testing "${testing.phase.id}" starts`;
      report({
        messageId: 'outsideWindow',
        data: { ...data, gate: nearest.gate.id, date: isoFromDay(nearest.day), side },
        node: goLive.idNode,
        related: [{ node: nearest.gate.idNode, source: plan.source, message: 'the gate closest to the go-live' }],
        fixes,
        idPath: goLive.idPath,
      });
    }
  },
};
