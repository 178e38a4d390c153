import { dayFromIso, WorkCalendar } from '../calendar';
import type { TimelineData, TimelineGoLive } from '../timeline';
import type { PlanChange } from './types';
import { pushAll } from '../arrays';

/**
 * Schedule impact, from the two timelines: each phase's start and end shift, the go-live date,
 * the plan's total duration and the critical path. Shifts are counted in working days of the
 * head's calendar (the plan as it will be), positive when later.
 */

function days(isos: readonly string[]): number[] {
  return isos.map((h) => dayFromIso(h)).filter((d): d is number => d !== undefined);
}

/** The plan's calendar, as the timeline carries it. */
export function calendarOf(data: TimelineData): WorkCalendar {
  return new WorkCalendar(data.workdays, days(data.holidays), days(data.extraWorkingDays));
}

/** The calendar a phase of the timeline is counted on: its named calendar, else the plan's. */
function phaseCalendarOf(data: TimelineData, phaseId: string): WorkCalendar {
  const id = data.phases.find((p) => p.id === phaseId)?.calendar;
  const named = id === undefined ? undefined : data.calendars.find((c) => c.id === id);
  return named ? new WorkCalendar(named.workdays, days(named.holidays), days(named.extraWorkingDays)) : calendarOf(data);
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

/** `wave 2 "Germany"`, `wave 2`, or undefined for a go-live of no wave. */
function waveLabel(goLive: TimelineGoLive): string | undefined {
  if (goLive.wave === undefined) return undefined;
  return goLive.name ? `wave ${goLive.wave} "${goLive.name}"` : `wave ${goLive.wave}`;
}

function goLiveKey(wave: number | undefined): string {
  return wave === undefined ? 'schedule/go-live' : `schedule/go-live/wave-${wave}`;
}

/** One wave's go-live on both sides: later is breaking, earlier is info. */
function movedGoLive(was: TimelineGoLive, now: TimelineGoLive, head: TimelineData): PlanChange | undefined {
  if (was.date === now.date) return undefined;
  const label = waveLabel(now) ?? waveLabel(was);
  const shift = workingDayShift(was.date, now.date, phaseCalendarOf(head, now.phase));
  const later = now.date > was.date;
  return {
    severity: later ? 'breaking' : 'info',
    subject: 'schedule',
    action: 'moved',
    key: goLiveKey(now.wave),
    field: 'go-live',
    before: was.date,
    after: now.date,
    shift,
    reason: later ? 'go-live-later' : undefined,
    message: moved(label ? `${label} go-live moves` : 'go-live moves', shift, was.date, now.date),
  };
}

/**
 * Every wave's go-live compared (plan-format.md, Waves; rules.md, Plan diff): a later one is
 * breaking, an earlier one info, a wave whose go-live appears or disappears a warning. A plan
 * that loses every go-live is breaking, and one that gains its first go-live is info.
 */
function goLiveChanges(base: TimelineData, head: TimelineData): PlanChange[] {
  const extra = { subject: 'schedule' as const, action: 'moved' as const, field: 'go-live' };
  if (base.goLives.length > 0 && head.goLives.length === 0) {
    const was = base.goLive ?? base.goLives[0].date;
    return [{ severity: 'breaking', ...extra, key: goLiveKey(undefined), before: was, after: null, reason: 'go-live-removed', message: `the plan no longer has a go-live date (was ${was}); add a phase of kind go-live` }];
  }
  if (base.goLives.length === 0 && head.goLives.length > 0) {
    const now = head.goLive ?? head.goLives[0].date;
    return [{ severity: 'info', ...extra, key: goLiveKey(undefined), before: null, after: now, message: `the plan now goes live on ${now}` }];
  }
  const baseByWave = new Map(base.goLives.map((g) => [g.wave, g] as const));
  const headByWave = new Map(head.goLives.map((g) => [g.wave, g] as const));
  const out: PlanChange[] = [];
  for (const now of head.goLives) {
    const was = baseByWave.get(now.wave);
    if (was) {
      const change = movedGoLive(was, now, head);
      if (change) out.push(change);
      continue;
    }
    const label = waveLabel(now) ?? 'the go-live of no wave';
    out.push({ severity: 'warning', ...extra, key: goLiveKey(now.wave), before: null, after: now.date, reason: 'wave-added', message: `${label} is new: it goes live on ${now.date}` });
  }
  for (const was of base.goLives) {
    if (headByWave.has(was.wave)) continue;
    const label = waveLabel(was) ?? 'the go-live of no wave';
    out.push({ severity: 'warning', ...extra, key: goLiveKey(was.wave), before: was.date, after: null, reason: 'wave-removed', message: `${label} no longer has a go-live (was ${was.date})` });
  }
  return out;
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

/** `"a → b → c"`, `"a → b" and "a → c"`, or `none`. */
export function chainsText(chains: readonly string[]): string {
  if (chains.length === 0) return 'none';
  const quoted = chains.map((c) => `"${c}"`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Each critical chain as `a → b → c`. */
export function chainStrings(data: TimelineData): string[] {
  return data.criticalChains.map((chain) => chain.join(' → '));
}

/** Every critical chain on each side, so a tie that appears or goes away is a change too. */
function criticalPathChange(base: TimelineData, head: TimelineData): PlanChange | undefined {
  const [b, h] = [chainStrings(base), chainStrings(head)];
  if (b.length === h.length && b.every((chain, i) => chain === h[i])) return undefined;
  return {
    severity: 'warning',
    subject: 'schedule',
    action: 'changed',
    key: 'schedule/critical-path',
    field: 'critical-path',
    before: b,
    after: h,
    reason: 'critical-path-changed',
    message: `critical path changed from ${chainsText(b)} to ${chainsText(h)}`,
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
  const out: PlanChange[] = goLiveChanges(base, head);
  for (const c of [durationChange(base, head), criticalPathChange(base, head)]) if (c) out.push(c);
  pushAll(out, phaseChanges(base, head, calendar, basePhaseIds, headPhaseIds));
  return out;
}

