import { isAlias, isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { durationText, isoFromDay, type WorkCalendar } from './calendar';
import { applyEdits, insertMapEntry, replaceNode } from './edits';
import { checkFix, parsedForCheck } from './fixCheck';
import type { Dependency, Milestone, Phase, Plan } from './model';
import type { PhaseWindow, Schedule } from './schedule';
import type { SourceFile } from './source';
import type { TextEdit } from './types';

/**
 * Gestures on the timeline (drag a bar, resize it, drag a milestone's diamond, or the same with
 * the keyboard) turned into the smallest edit of the plan's text that gives the new dates.
 * Which key changes depends on how the phase is placed (plan-format.md, "Scheduling"):
 * - its own `start`: the new `start` (and `end`, when it has one);
 * - `after`: moved later, a `lag` on the entry that binds its start; moved earlier, the lags
 *   that hold it back shrink, and a move earlier than the prerequisites allow is refused;
 * - `calendar.start`: a `start` is added;
 * - its `end` only (scheduled backwards): the new `end`.
 * Resizing keeps the start: it changes `end` when the phase has one (and `duration` with it when
 * the start is counted back from the end), else `duration` (weeks when whole weeks).
 * Amounts are working days of the phase's own calendar. The edits keep comments, key order and
 * quoting: they replace single scalars or add one key, and pass the same re-parse check as
 * every quick fix. History (`actual`, `achieved`) is not dragged, and a value written through
 * an anchor or alias is not edited on behalf of one use.
 */

/**
 * `days` are working days of the phase's calendar (the keyboard moves one at a time); with
 * `unit: 'calendar'` they are calendar days, as a pointer measures them on the axis, and are
 * counted into working days here, so the webview needs no calendar of its own.
 */
export type TimelineGesture = (
  | { kind: 'move'; phase: string; days: number }
  | { kind: 'resize'; phase: string; days: number }
  | { kind: 'move-milestone'; milestone: string; days: number }
) & { unit?: 'working' | 'calendar' };

export interface GestureEdit {
  ok: true;
  edits: TextEdit[];
  /** What moved, for the label on the bar and for screen readers: "build: 2027-03-04 – 2027-03-31 (3 working days later)". */
  summary: string;
}

export interface GestureRefusal {
  ok: false;
  /** Why nothing is edited, in a sentence that names what blocks the gesture. */
  reason: string;
}

export type GestureResult = GestureEdit | GestureRefusal;

const refuse = (reason: string): GestureRefusal => ({ ok: false, reason });

/** Why no gesture at all can edit the plan in this file, or undefined when it can be edited from the timeline. */
export function planNotEditable(source: SourceFile): string | undefined {
  if (source.doc.errors.length > 0) return 'the plan has YAML errors: fix them in the editor before dragging on the timeline';
  return undefined;
}

/** Why a phase's bar cannot be dragged or resized, or undefined when it can. */
function phaseNotDraggable(plan: Plan, schedule: Schedule, phase: Phase): string | undefined {
  const whole = planNotEditable(plan.source);
  if (whole) return whole;
  if (phase.source !== plan.source) return `phase "${phase.id}" is declared in an imported file: edit it there`;
  if (phase.actual) return `phase "${phase.id}" has actual dates: history is not dragged (edit \`actual\` in the plan)`;
  if (!schedule.windowOf(phase)) return `phase "${phase.id}" has no dates to move`;
  if (phase.map.anchor || isAliasedItem(plan, phase)) return `phase "${phase.id}" is written through an anchor or alias: edit it in the plan`;
  return undefined;
}

/** Why a milestone's diamond cannot be dragged, or undefined when it can. */
function milestoneNotDraggable(plan: Plan, schedule: Schedule, milestone: Milestone): string | undefined {
  const whole = planNotEditable(plan.source);
  if (whole) return whole;
  if (milestone.source !== plan.source) return `milestone "${milestone.id}" is declared in an imported file: edit it there`;
  if (milestone.achieved) return `milestone "${milestone.id}" was achieved on ${milestone.achieved.value}: history is not dragged`;
  if (!milestone.date && !schedule.windowOf(milestone.phase)) return `milestone "${milestone.id}" has no date to move`;
  if (milestone.map.anchor || milestone.phase.map.anchor || isAliasedItem(plan, milestone.phase)) {
    return `milestone "${milestone.id}" is written through an anchor or alias: edit it in the plan`;
  }
  return undefined;
}

function isAliasedItem(plan: Plan, phase: Phase): boolean {
  const item: unknown = plan.phasesNode?.items[phase.index];
  return isAlias(item);
}

const NOTHING = 'the gesture moves nothing: give a whole, non-zero number of working days';

/**
 * Working days between `from` and `from + calendarDays` on `cal`, signed: how far a pointer
 * that moved `calendarDays` along the axis moves a date that starts at `from`.
 */
function workingDaysAcross(cal: WorkCalendar, from: number, calendarDays: number): number {
  const to = from + calendarDays;
  return calendarDays > 0 ? cal.workingDaysBetween(from + 1, to) : -cal.workingDaysBetween(to, from - 1);
}

/** The edit for a gesture, or why it is refused. */
export function gestureEdit(plan: Plan, schedule: Schedule, gesture: TimelineGesture): GestureResult {
  if (!Number.isInteger(gesture.days) || gesture.days === 0) return refuse(NOTHING);
  const calendarDays = gesture.unit === 'calendar';
  if (gesture.kind === 'move-milestone') {
    const milestone = schedule.milestoneById.get(gesture.milestone);
    if (!milestone) return refuse(`no milestone "${gesture.milestone}" in the plan`);
    const blocked = milestoneNotDraggable(plan, schedule, milestone);
    if (blocked) return refuse(blocked);
    const { day, cal } = milestonePlace(schedule, milestone);
    const days = calendarDays ? workingDaysAcross(cal, day, gesture.days) : gesture.days;
    return days === 0 ? refuse(NOTHING) : checked(plan, moveMilestone(schedule, milestone, days));
  }
  const phase = schedule.phaseById.get(gesture.phase);
  if (!phase) return refuse(`no phase "${gesture.phase}" in the plan`);
  const blocked = phaseNotDraggable(plan, schedule, phase);
  if (blocked) return refuse(blocked);
  const window = schedule.windowOf(phase) as PhaseWindow;
  const from = gesture.kind === 'move' ? window.start : window.end;
  const days = calendarDays ? workingDaysAcross(window.calendar.work, from, gesture.days) : gesture.days;
  if (days === 0) return refuse(NOTHING);
  return checked(plan, gesture.kind === 'move' ? movePhase(schedule, window, days) : resizePhase(window, days));
}

/** Refuses an edit that would not re-parse to exactly the intended change (the quick fixes' check). */
function checked(plan: Plan, result: GestureResult): GestureResult {
  if (!result.ok) return result;
  const verdict = checkFix(parsedForCheck(plan.source.text), applyEdits(plan.source.text, result.edits), result.edits);
  if (verdict === 'ok') return result;
  return refuse(
    verdict === 'sideEffect'
      ? 'the edit would change other values too (an anchor or alias shares them): edit the plan by hand'
      : 'the edit could not be written safely into this plan: edit it by hand',
  );
}

/** The day itself when worked, else the last working day before it. */
function onOrBefore(cal: WorkCalendar, day: number): number {
  return cal.isWorkingDay(day) ? day : cal.previousBefore(day);
}

/** A scalar written directly under `key` in `map` (not through a merge key, anchor or alias), or why not. */
function ownScalar(map: YAMLMap, key: string, what: string): Node | string {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) return `${what} is not written in this entry (it comes from a merge key): edit the plan by hand`;
  const value = pair.value as Node | null;
  if (isAlias(value) || !isScalar(value) || value.anchor || !value.range) return `${what} is written through an anchor or alias: edit the plan by hand`;
  return value;
}

/** Replaces the scalar under `key` with `text` (a date or duration), quoted as the old one was. */
function setScalar(map: YAMLMap, key: string, text: string, what: string): TextEdit | string {
  const node = ownScalar(map, key, what);
  if (typeof node === 'string') return node;
  const type = isScalar(node) ? node.type : undefined;
  const quoted = type === 'QUOTE_DOUBLE' ? `"${text}"` : type === 'QUOTE_SINGLE' ? `'${text}'` : text;
  return replaceNode(node, quoted);
}

function direction(days: number): string {
  const n = Math.abs(days);
  return `${n} working day${n === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'}`;
}

function span(start: number, end: number): string {
  return start === end ? isoFromDay(start) : `${isoFromDay(start)} – ${isoFromDay(end)}`;
}

function collect(parts: (TextEdit | string)[], summary: string): GestureResult {
  const reason = parts.find((p): p is string => typeof p === 'string');
  if (reason) return refuse(reason);
  return { ok: true, edits: parts as TextEdit[], summary };
}

/** Keys that come before `key` in a phase, in the order plan-format.md writes them. */
const PHASE_KEY_ORDER = ['id', 'name', 'kind', 'owner', 'wave', 'calendar', 'start', 'end', 'duration', 'after'];

/** Adds `key: text` to a phase after the last key that precedes it in PHASE_KEY_ORDER. */
function addPhaseKey(phase: Phase, key: string, text: string): TextEdit {
  const earlier = new Set(PHASE_KEY_ORDER.slice(0, PHASE_KEY_ORDER.indexOf(key)));
  const present = phase.map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => earlier.has(k));
  return insertMapEntry(phase.source, phase.map, key, text, present[present.length - 1]);
}

function movePhase(schedule: Schedule, window: PhaseWindow, days: number): GestureResult {
  const { phase } = window;
  const cal = window.calendar.work;
  const start = cal.addWorkingDays(cal.onOrAfter(window.start), days);
  const end = phase.end ? cal.addWorkingDays(onOrBefore(cal, window.end), days) : cal.endOf(start, Math.max(1, window.workingDays));
  const summary = `${phase.id}: ${span(start, end)} (${direction(days)})`;
  const endEdit = () => (phase.end ? [setScalar(phase.map, 'end', isoFromDay(end), `the end of "${phase.id}"`)] : []);
  switch (window.startSource) {
    case 'start':
      return collect([setScalar(phase.map, 'start', isoFromDay(start), `the start of "${phase.id}"`), ...endEdit()], summary);
    case 'calendar':
      return collect([addPhaseKey(phase, 'start', isoFromDay(start)), ...endEdit()], summary);
    case 'none':
      return collect(endEdit(), summary);
    case 'after': {
      const lags = days > 0 ? laterLag(window, days) : earlierLags(schedule, window, start);
      return typeof lags === 'string' ? refuse(lags) : collect([...lags, ...endEdit()], summary);
    }
  }
}

/** `lag` written in the unit it had (weeks stay weeks when whole), else in days. */
function lagText(days: number, previous: Node | undefined): string {
  const wasWeeks = isScalar(previous) && typeof previous.value === 'string' && previous.value.endsWith('w');
  return wasWeeks && days % 5 === 0 ? `${days / 5}w` : `${days}d`;
}

/** The edit that gives `dependency` a lag of `lag` working days. */
function setLag(dependency: Dependency, lag: number): TextEdit | string {
  const what = `the "${dependency.value}" entry of \`after\``;
  if (isMap(dependency.entry)) {
    if (dependency.entry.anchor) return `${what} is written through an anchor or alias: edit the plan by hand`;
    if (dependency.lagNode) return setScalar(dependency.entry, 'lag', lagText(lag, dependency.lagNode), `the lag of ${what}`);
    return insertMapEntry(dependency.source, dependency.entry, 'lag', lagText(lag, undefined));
  }
  const id = dependency.entry;
  if (!isScalar(id) || id.anchor || !id.range || dependency.node !== id) return `${what} is written through an anchor or alias: edit the plan by hand`;
  const idText = dependency.source.text.slice(id.range[0], id.range[1]);
  return replaceNode(id, `{ id: ${idText}, lag: ${lagText(lag, undefined)} }`);
}

/** Moving later: one more lag on the entry that binds the start (one is enough when several tie). */
function laterLag(window: PhaseWindow, days: number): TextEdit[] | string {
  const binding = window.drivenBy[0];
  if (!binding) return `phase "${window.phase.id}" has no prerequisite that sets its start`;
  const edit = setLag(binding, binding.lag + days);
  return typeof edit === 'string' ? edit : [edit];
}

function relation(dependency: Dependency, schedule: Schedule): string {
  const target = schedule.targetOf(dependency);
  if (target?.milestone) return `milestone "${dependency.value}"`;
  return dependency.type === 'ss' ? `the start of "${dependency.value}"` : `"${dependency.value}" finishing`;
}

/**
 * Moving earlier to `start`: each entry whose date is later loses just enough lag; an entry
 * whose date without any lag is still later refuses the move, naming that prerequisite.
 */
function earlierLags(schedule: Schedule, window: PhaseWindow, start: number): TextEdit[] | string {
  const { phase } = window;
  const cal = window.calendar.work;
  const edits: TextEdit[] = [];
  for (const dependency of phase.after) {
    const date = schedule.dependencyDate(phase, dependency);
    if (date === undefined || date <= start) continue;
    const base = schedule.dependencyDate(phase, { ...dependency, lag: 0 }) as number;
    if (base > start) {
      return `"${phase.id}" cannot start before ${isoFromDay(base)}: it waits for ${relation(dependency, schedule)}`;
    }
    const edit = setLag(dependency, cal.workingDaysBetween(base + 1, start));
    if (typeof edit === 'string') return edit;
    edits.push(edit);
  }
  return edits;
}

function resizePhase(window: PhaseWindow, days: number): GestureResult {
  const { phase } = window;
  const cal = window.calendar.work;
  const start = cal.onOrAfter(window.start);
  if (phase.end) {
    const end = cal.addWorkingDays(onOrBefore(cal, window.end), days);
    if (end < start) return refuse(`"${phase.id}" cannot end before it starts on ${isoFromDay(start)}`);
    const edits = [setScalar(phase.map, 'end', isoFromDay(end), `the end of "${phase.id}"`)];
    // Scheduled backwards, the start is counted back from the end: the duration grows with the end, so the start stays.
    if (window.startSource === 'none' && phase.duration) {
      edits.push(setScalar(phase.map, 'duration', durationText(phase.duration.value + days), `the duration of "${phase.id}"`));
    }
    return collect(edits, `${phase.id}: ${span(window.start, end)} (${direction(days)} end)`);
  }
  const workingDays = Math.max(1, phase.duration?.value ?? window.workingDays) + days;
  if (workingDays < 1) return refuse(`"${phase.id}" cannot be shorter than one working day`);
  const text = durationText(workingDays);
  const end = cal.endOf(start, workingDays);
  const summary = `${phase.id}: ${span(window.start, end)} (${workingDays} working days)`;
  return collect([phase.duration ? setScalar(phase.map, 'duration', text, `the duration of "${phase.id}"`) : addPhaseKey(phase, 'duration', text)], summary);
}

/**
 * Where a milestone's diamond stands: its own `date`, else the end of its phase, and the
 * calendar of its phase that counts its moves (milestoneNotDraggable refuses one with neither).
 */
function milestonePlace(schedule: Schedule, milestone: Milestone): { day: number; cal: WorkCalendar } {
  const day = milestone.date?.day ?? (schedule.windowOf(milestone.phase) as PhaseWindow).end;
  return { day, cal: schedule.calendarOf(milestone.phase).work };
}

function moveMilestone(schedule: Schedule, milestone: Milestone, days: number): GestureResult {
  const { day: from, cal } = milestonePlace(schedule, milestone);
  const date = cal.addWorkingDays(cal.isWorkingDay(from) ? from : days > 0 ? cal.previousBefore(from) : cal.nextAfter(from), days);
  const summary = `${milestone.id}: ${isoFromDay(date)} (${direction(days)})`;
  if (milestone.date) return collect([setScalar(milestone.map, 'date', isoFromDay(date), `the date of "${milestone.id}"`)], summary);
  const keys = milestone.map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  const after = ['name', 'id'].find((k) => keys.includes(k));
  return collect([insertMapEntry(milestone.source, milestone.map, 'date', isoFromDay(date), after)], summary);
}
