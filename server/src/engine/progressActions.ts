import { isoFromDay } from './calendar';
import { insertMapEntry } from './edits';
import type { Phase, Plan } from './model';
import { setMapEntry } from './planEdits';
import { nodeOffsets, positionAt } from './source';
import type { Fix } from './types';

/**
 * The editor's progress actions (issue "The living plan", part 5): at the cursor, mark a
 * checklist item done today (`done: <today>`), a milestone achieved today (`achieved:`), or a
 * phase started or finished today (`actual: { start }` / `end`). Each is one minimal edit that
 * keeps comments, and a suggestion (rules.md, "Fixes and suggestions"): it records a fact only
 * a person knows, so nothing applies it automatically. `today` is a day number, given by the
 * caller (the editor's as-of date), never read from the clock here.
 */

function contains(node: Parameters<typeof nodeOffsets>[0], offset: number): boolean {
  const o = nodeOffsets(node);
  return !!o && o[0] <= offset && offset <= o[1];
}

function phaseActions(phase: Phase, today: string): Fix[] {
  const actual = phase.actual;
  if (!actual) {
    return [{ title: `mark phase "${phase.id}" started today (${today})`, edits: [insertMapEntry(phase.source, phase.map, 'actual', `{ start: ${today} }`)], kind: 'suggestion' }];
  }
  const out: Fix[] = [];
  if (!actual.start) out.push({ title: `mark phase "${phase.id}" started today (${today})`, edits: [setMapEntry(phase.source, actual.map, 'start', today)], kind: 'suggestion' });
  if (!actual.end) out.push({ title: `mark phase "${phase.id}" finished today (${today})`, edits: [setMapEntry(phase.source, actual.map, 'end', today)], kind: 'suggestion' });
  return out;
}

/** The progress actions for what the cursor is in: the innermost item or milestone, else, on its id's line, the phase. */
export function progressActions(plan: Plan, offset: number, todayDay: number): Fix[] {
  const today = isoFromDay(todayDay);
  const phase = plan.phases.find((p) => p.source === plan.source && contains(p.map, offset));
  if (!phase) return [];
  const item = phase.checklist.find((i) => contains(i.map, offset));
  if (item) {
    if (item.done) return [];
    const name = item.entity?.id ?? item.task?.value ?? `#${item.index + 1}`;
    return [{ title: `mark item "${name}" done today (${today})`, edits: [setMapEntry(item.source, item.map, 'done', today)], kind: 'suggestion' }];
  }
  const milestone = phase.milestones.find((m) => contains(m.map, offset));
  if (milestone) {
    if (milestone.achieved) return [];
    return [{ title: `mark milestone "${milestone.id}" achieved today (${today})`, edits: [setMapEntry(milestone.source, milestone.map, 'achieved', today)], kind: 'suggestion' }];
  }
  // A phase's own actions only on the line of its id, so they do not crowd every quick-fix menu
  // inside the phase.
  const id = nodeOffsets(phase.idNode);
  if (!id || positionAt(plan.source, id[0]).line !== positionAt(plan.source, offset).line) return [];
  return phaseActions(phase, today);
}
