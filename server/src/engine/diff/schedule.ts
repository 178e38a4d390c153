import { dayFromIso, WorkCalendar } from '../calendar';
import type { TimelineData } from '../timeline';
import type { PlanChange } from './types';
import { pushAll } from '../arrays';

/**
 * Schedule impact, from the two timelines: each phase's start and end shift, the go-live date,
 * the plan's total duration and the critical path. Shifts are counted in working days of the
 * head's calendar (the plan as it will be), positive when later.
 */

export function calendarOf(data: TimelineData): WorkCalendar {
  return new WorkCalendar(data.workdays, data.holidays.map((h) => dayFromIso(h)).filter((d): d is number => d !== undefined));
}

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`timeline date "${iso}" is not an ISO date`);
  return d;
}

/** Working days from `from` to `to`: positive when `to` is later, negative when earlier. */
function workingDayShift(from: string, to: string, calendar: WorkCalendar): number {
  const [a, b] = [day(from), day(to)];
  if (b > a) return calendar.workingDaysBetween(a + 1, b);
  if (b < a) return -calendar.workingDaysBetween(b + 1, a);
  return 0;
}

function workingDays(n: number): string {
  return `${n} working day${n === 1 ? '' : 's'}`;
}

/** `starts 3 working days later (2027-03-01 → 2027-03-04)`. */
function moved(verb: string, shift: number, from: string, to: string): string {
  const dates = `(${from} → ${to})`;
  if (shift > 0) return `${verb} ${workingDays(shift)} later ${dates}`;
  if (shift < 0) return `${verb} ${workingDays(-shift)} earlier ${dates}`;
  return `${verb} on ${to} instead of ${from}, the same working day count`;
}

export function planWorkingDays(data: TimelineData, calendar: WorkCalendar): number | undefined {
  if (!data.start || !data.end) return undefined;
  return calendar.workingDaysBetween(day(data.start), day(data.end));
}

function goLiveChange(base: TimelineData, head: TimelineData, calendar: WorkCalendar): PlanChange | undefined {
  const key = 'schedule/go-live';
  const extra = { subject: 'schedule' as const, action: 'moved' as const, key, field: 'go-live', before: base.goLive ?? null, after: head.goLive ?? null };
  if (base.goLive === head.goLive) return undefined;
  if (base.goLive && head.goLive) {
    const shift = workingDayShift(base.goLive, head.goLive, calendar);
    const later = head.goLive > base.goLive;
    return { severity: later ? 'breaking' : 'info', ...extra, shift, reason: later ? 'go-live-later' : undefined, message: moved('go-live moves', shift, base.goLive, head.goLive) };
  }
  if (base.goLive) return { severity: 'breaking', ...extra, reason: 'go-live-removed', message: `the plan no longer has a go-live date (was ${base.goLive}); add a phase of kind go-live` };
  return { severity: 'info', ...extra, message: `the plan now goes live on ${head.goLive}` };
}

function durationChange(base: TimelineData, head: TimelineData): PlanChange | undefined {
  const before = planWorkingDays(base, calendarOf(base));
  const after = planWorkingDays(head, calendarOf(head));
  if (before === after && base.start === head.start && base.end === head.end) return undefined;
  const span = (d: TimelineData) => (d.start && d.end ? `${d.start} → ${d.end}` : 'not scheduled');
  const extra = { severity: 'info' as const, subject: 'schedule' as const, action: 'moved' as const, key: 'schedule/duration', field: 'duration', before: before ?? null, after: after ?? null };
  if (before === undefined || after === undefined || before === after) {
    return { ...extra, message: `the plan's dates changed from ${span(base)} to ${span(head)}` };
  }
  return { ...extra, shift: after - before, message: `total duration changed from ${workingDays(before)} to ${workingDays(after)} (${span(base)} became ${span(head)})` };
}

function criticalPathChange(base: TimelineData, head: TimelineData): PlanChange | undefined {
  const [b, h] = [base.criticalPath, head.criticalPath];
  if (b.length === h.length && b.every((id, i) => id === h[i])) return undefined;
  const path = (ids: string[]) => (ids.length ? `"${ids.join(' → ')}"` : 'none');
  return {
    severity: 'warning',
    subject: 'schedule',
    action: 'changed',
    key: 'schedule/critical-path',
    field: 'critical-path',
    before: [...b],
    after: [...h],
    reason: 'critical-path-changed',
    message: `critical path changed from ${path(b)} to ${path(h)}`,
  };
}

/**
 * Shifts of phases present (and scheduled) on both sides, and phases that lost or gained a
 * place on the calendar while staying in the plan (`headPhaseIds` / `basePhaseIds` are the
 * phases each plan declares, scheduled or not).
 */
function phaseChanges(base: TimelineData, head: TimelineData, calendar: WorkCalendar, basePhaseIds: ReadonlySet<string>, headPhaseIds: ReadonlySet<string>): PlanChange[] {
  const out: PlanChange[] = [];
  const baseById = new Map(base.phases.map((p) => [p.id, p]));
  const headById = new Map(head.phases.map((p) => [p.id, p]));
  for (const p of head.phases) {
    const key = `schedule/phases/${p.id}`;
    const before = baseById.get(p.id);
    if (!before) {
      if (basePhaseIds.has(p.id)) out.push({ severity: 'info', subject: 'schedule', action: 'moved', key, id: p.id, before: null, after: [p.start, p.end], message: `phase "${p.id}" is now on the calendar (${p.start} → ${p.end})` });
      continue;
    }
    if (before.start === p.start && before.end === p.end) continue;
    const startShift = workingDayShift(before.start, p.start, calendar);
    const endShift = workingDayShift(before.end, p.end, calendar);
    const parts: string[] = [];
    if (before.start !== p.start) parts.push(moved('starts', startShift, before.start, p.start));
    if (before.end !== p.end) parts.push(moved('ends', endShift, before.end, p.end));
    const critical = p.critical || before.critical;
    const slips = p.end > before.end && critical;
    const note = p.critical ? '; it is on the critical path' : before.critical ? '; it was on the critical path' : '';
    out.push({
      severity: slips ? 'warning' : 'info',
      subject: 'schedule',
      action: 'moved',
      key,
      id: p.id,
      before: [before.start, before.end],
      after: [p.start, p.end],
      shift: endShift,
      reason: slips ? 'critical-slip' : undefined,
      message: `phase "${p.id}" ${parts.join(' and ')}${note}`,
    });
  }
  for (const p of base.phases) {
    if (headById.has(p.id) || !headPhaseIds.has(p.id)) continue;
    out.push({
      severity: 'warning',
      subject: 'schedule',
      action: 'moved',
      key: `schedule/phases/${p.id}`,
      id: p.id,
      before: [p.start, p.end],
      after: null,
      reason: 'unscheduled',
      message: `phase "${p.id}" can no longer be placed on the calendar (was ${p.start} → ${p.end}); give it a start, an after or set calendar.start`,
    });
  }
  return out;
}

export function diffSchedule(base: TimelineData, head: TimelineData, basePhaseIds: ReadonlySet<string>, headPhaseIds: ReadonlySet<string>): PlanChange[] {
  const calendar = calendarOf(head);
  const out: PlanChange[] = [];
  for (const c of [goLiveChange(base, head, calendar), durationChange(base, head), criticalPathChange(base, head)]) if (c) out.push(c);
  pushAll(out, phaseChanges(base, head, calendar, basePhaseIds, headPhaseIds));
  return out;
}

