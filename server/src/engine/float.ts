import type { WorkCalendar } from './calendar';
import type { Edge } from './dependencyGraph';
import type { Phase } from './model';

/**
 * Float by a backward pass (plan-format.md, "Scheduling, precisely"). Each placed phase's
 * latest start is found from its successors' latest starts, in reverse dependency order, and
 * its float is the working days (of its own calendar) between where it is and the latest it
 * may be:
 *
 * - its end may not pass the plan's last end;
 * - for each `fs` successor (and each successor waiting for an undated milestone of it), the
 *   successor's latest start, moved back by the lag on the successor's calendar, must still be
 *   "the first working day after" its end: its end may reach the calendar day before that;
 * - for each `ss` successor, its start may reach the successor's latest start moved back by
 *   the lag (ignored when its own start is fixed: then only its end can slip);
 * - a successor waiting for a dated milestone is not held by the milestone's phase.
 *
 * A phase whose end is fixed has float 0; a phase whose start or end is fixed keeps its start
 * as its latest start, which is how fixed dates hold their prerequisites (negative float when
 * those cannot meet them).
 */

export interface FloatSlot {
  phase: Phase;
  start: number;
  end: number;
  calendar: WorkCalendar;
  fixedStart: boolean;
  fixedEnd: boolean;
}

/** Working days of `calendar` from `from` (exclusive) to `to` (inclusive); negative going back. */
export function signedWorkingDays(calendar: WorkCalendar, from: number, to: number): number {
  return to >= from ? calendar.workingDaysBetween(from + 1, to) : -calendar.workingDaysBetween(to + 1, from);
}

/**
 * `order` lists positions prerequisites first; `edges[u]` are u's kept `after` edges (cycle-
 * closing ones removed). Returns the float of every placed position (0 for unplaced ones).
 */
export function floats(order: readonly number[], edges: readonly (readonly Edge[])[], slots: readonly (FloatSlot | undefined)[], planEnd: number): Int32Array {
  const n = slots.length;
  const successors: { of: number; edge: Edge }[][] = Array.from({ length: n }, () => []);
  edges.forEach((list, s) => {
    for (const edge of list) successors[edge.target].push({ of: s, edge });
  });
  const float = new Int32Array(n);
  const latestStart = new Float64Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k];
    const slot = slots[u];
    if (!slot) continue;
    if (slot.fixedEnd) {
      float[u] = 0;
      latestStart[u] = slot.start;
      continue;
    }
    let latestEnd = planEnd;
    let latestStartBySs = Infinity;
    for (const { of: s, edge } of successors[u]) {
      const successor = slots[s];
      if (!successor || edge.milestone?.date) continue;
      const bound = successor.calendar.addWorkingDays(latestStart[s], -edge.dependency.lag);
      if (edge.dependency.type === 'ss' && !edge.milestone) latestStartBySs = Math.min(latestStartBySs, bound);
      else latestEnd = Math.min(latestEnd, bound - 1);
    }
    let f = signedWorkingDays(slot.calendar, slot.end, latestEnd);
    if (!slot.fixedStart && latestStartBySs !== Infinity) f = Math.min(f, signedWorkingDays(slot.calendar, slot.start, latestStartBySs));
    float[u] = f;
    latestStart[u] = slot.fixedStart ? slot.start : slot.calendar.addWorkingDays(slot.start, f);
  }
  return float;
}
