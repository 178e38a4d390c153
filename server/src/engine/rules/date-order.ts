import { isoFromDay } from '../calendar';
import { replaceNode } from '../edits';
import { allChecklistItems, allMilestones, type DateValue, type Dependency, type Phase, type Plan } from '../model';
import type { PhaseWindow, Schedule } from '../schedule';
import type { Report, Rule } from './types';

function workingDays(n: number): string {
  return `${n} working day${n === 1 ? '' : 's'}`;
}

/** The `after` entry that lets a phase start the latest, and that day. */
interface LatestPrerequisite {
  dependency: Dependency;
  day: number;
}

/**
 * The entry whose date (plan-format.md, Dependencies) is the latest among the phase's `after`
 * entries; undefined when none is dated. An entry that closes a cycle is left out: that is
 * no-dependency-cycles' finding, not an ordering problem.
 */
function latestPrerequisite(phase: Phase, schedule: Schedule): LatestPrerequisite | undefined {
  const closesCycle = new Set(schedule.ignoredAfter.filter((i) => i.phase === phase).map((i) => i.ref));
  let latest: LatestPrerequisite | undefined;
  for (const dependency of phase.after) {
    if (closesCycle.has(dependency)) continue;
    const target = schedule.targetOf(dependency);
    if (!target || (target.phase === phase && !target.milestone)) continue;
    const day = schedule.dependencyDate(phase, dependency);
    if (day !== undefined && (!latest || day > latest.day)) latest = { dependency, day };
  }
  return latest;
}

/** What the entry waits for, as the message names it, and the date of that: the data shared by every prerequisite message. */
function prerequisiteData(phase: Phase, latest: LatestPrerequisite, schedule: Schedule): { messageId: string; data: Record<string, string> } {
  const { dependency } = latest;
  const target = schedule.targetOf(dependency)!;
  const lag = dependency.lag > 0 ? ` with a lag of ${workingDays(dependency.lag)}` : '';
  const base = { phase: phase.id, after: dependency.value, lag, suggested: isoFromDay(latest.day) };
  if (target.milestone) {
    const date = target.milestone.date?.day ?? schedule.windowOf(target.phase)?.end;
    return { messageId: 'milestone', data: { ...base, afterDate: date === undefined ? '' : isoFromDay(date) } };
  }
  const window = schedule.windowOf(target.phase)!;
  if (dependency.type === 'ss') return { messageId: 'start', data: { ...base, afterStart: isoFromDay(window.start) } };
  return { messageId: 'end', data: { ...base, afterEnd: isoFromDay(window.end) } };
}

/** A phase whose window is where its `actual` dates put it: facts, which prerequisites cannot move. */
function placedByActual(phase: Phase, window: PhaseWindow): boolean {
  return phase.actual?.start?.day === window.start || phase.actual?.end?.day === window.end;
}

/**
 * A fixed `start` earlier than an `after` entry allows (the prerequisite clause), or a fixed
 * `end` that the start its `after` entries give cannot meet (negative float). Returns whether it
 * reported, so the end/duration checks do not report the same contradiction again.
 */
function checkPrerequisites(phase: Phase, window: PhaseWindow, schedule: Schedule, report: (r: Report) => void): boolean {
  if (placedByActual(phase, window)) return false;
  const latest = latestPrerequisite(phase, schedule);
  if (!latest) return false;
  const cal = window.calendar.work;
  if (phase.start && latest.day > window.start) {
    const { messageId, data } = prerequisiteData(phase, latest, schedule);
    // The working days from the fixed start up to the day the prerequisite allows: the float the chain before it lacks.
    const days = cal.workingDaysBetween(window.start, latest.day - 1);
    report({
      messageId: `startsBefore${messageId[0].toUpperCase()}${messageId.slice(1)}`,
      data: { ...data, start: phase.start.value, days: workingDays(days) },
      node: phase.start.node,
      fixes: [{ title: `move the start to ${isoFromDay(latest.day)}`, edits: [replaceNode(phase.start.node, isoFromDay(latest.day))], kind: 'fix' }],
      idPath: phase.idPath,
    });
    return true;
  }
  if (phase.start || !phase.end || window.startSource !== 'after') return false;
  const earliestEnd = phase.duration ? cal.endOf(window.start, phase.duration.value) : window.start;
  if (earliestEnd <= phase.end.day) return false;
  const { messageId, data } = prerequisiteData(phase, latest, schedule);
  report({
    messageId: `endUnmetBy${messageId[0].toUpperCase()}${messageId.slice(1)}`,
    data: {
      ...data,
      end: phase.end.value,
      start: isoFromDay(window.start),
      duration: phase.duration ? ` and takes ${String((phase.duration.node as { source?: string }).source ?? phase.duration.value)}` : '',
      earliestEnd: isoFromDay(earliestEnd),
      days: workingDays(cal.workingDaysBetween(phase.end.day + 1, earliestEnd)),
    },
    node: phase.end.node,
    idPath: phase.idPath,
  });
  return true;
}

function checkWindow(phase: Phase, window: PhaseWindow, report: (r: Report) => void): void {
  const start = isoFromDay(window.start);
  if (window.end < window.start) {
    if (placedByActual(phase, window)) return;
    report({ messageId: 'endBeforeStart', data: { phase: phase.id, start, end: isoFromDay(window.end) }, node: phase.end?.node ?? phase.start?.node ?? phase.idNode, idPath: phase.idPath });
    return;
  }
  if (!phase.end || !phase.duration || placedByActual(phase, window)) return;
  const computed = window.calendar.work.endOf(window.start, phase.duration.value);
  if (computed === phase.end.day) return;
  const duration = String((phase.duration.node as { source?: string }).source ?? phase.duration.value);
  report({
    messageId: 'durationMismatch',
    data: { phase: phase.id, duration, start, computed: isoFromDay(computed), end: phase.end.value },
    node: phase.duration.node,
    idPath: phase.idPath,
  });
}

function checkMilestones(phase: Phase, window: PhaseWindow, report: (r: Report) => void): void {
  if (window.end < window.start) return;
  for (const m of phase.milestones) {
    if (!m.date || (m.date.day >= window.start && m.date.day <= window.end)) continue;
    report({
      messageId: 'milestoneOutside',
      data: { milestone: m.id, date: m.date.value, phase: phase.id, start: isoFromDay(window.start), end: isoFromDay(window.end) },
      node: m.date.node,
      idPath: m.idPath,
    });
  }
}

/** `actual.end` not before `actual.start`. */
function checkActualOrder(phase: Phase, report: (r: Report) => void): void {
  const actual = phase.actual;
  if (!actual?.start || !actual.end || actual.end.day >= actual.start.day) return;
  report({ messageId: 'actualEndBeforeStart', data: { phase: phase.id, start: actual.start.value, end: actual.end.value }, node: actual.end.node, idPath: phase.idPath });
}

/**
 * Recorded facts dated after the as-of date: `actual` dates, `done` dates and `achieved` dates.
 * Like `overdue`, only with an as-of date, so results do not change overnight.
 */
function checkFacts(plan: Plan, asOfDay: number, report: (r: Report) => void): void {
  const asOf = isoFromDay(asOfDay);
  const future = (date: DateValue | undefined): date is DateValue => date !== undefined && date.day > asOfDay;
  for (const phase of plan.phases) {
    for (const which of ['start', 'end'] as const) {
      const date = phase.actual?.[which];
      if (future(date)) report({ messageId: 'actualAfterAsOf', data: { phase: phase.id, which, date: date.value, asOf }, node: date.node, idPath: phase.idPath });
    }
  }
  for (const item of allChecklistItems(plan)) {
    if (!future(item.doneDate)) continue;
    const name = item.entity ? `"${item.entity.id}"` : item.task ? `"${item.task.value}"` : `#${item.index + 1} of phase "${item.phase.id}"`;
    report({ messageId: 'doneAfterAsOf', data: { item: name, date: item.doneDate.value, asOf }, node: item.doneDate.node, idPath: item.idPath });
  }
  for (const m of allMilestones(plan)) {
    if (future(m.achieved)) report({ messageId: 'achievedAfterAsOf', data: { milestone: m.id, date: m.achieved.value, asOf }, node: m.achieved.node, idPath: m.idPath });
  }
}

export const dateOrder: Rule = {
  meta: {
    id: 'date-order',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'phases end after they start, end and duration agree, prerequisites (with lags) come first, fixed dates can be met, milestones lie inside their phase, recorded dates are in order',
    fixable: true,
    messages: {
      endBeforeStart: 'phase "{{phase}}" ends {{end}}, before it starts ({{start}}); move the end to or after the start',
      durationMismatch: 'phase "{{phase}}" has duration {{duration}}, which from {{start}} ends {{computed}}, but its end is {{end}}; keep only one of "end" and "duration", or make them agree',
      startsBeforeEnd: 'phase "{{phase}}" starts {{start}} but "{{after}}", which it waits for{{lag}}, ends {{afterEnd}}; start it on {{suggested}} or later ({{days}} of negative float)',
      startsBeforeStart: 'phase "{{phase}}" starts {{start}} but "{{after}}", whose start it waits for{{lag}}, starts {{afterStart}}; start it on {{suggested}} or later ({{days}} of negative float)',
      startsBeforeMilestone: 'phase "{{phase}}" starts {{start}} but milestone "{{after}}", which it waits for{{lag}}, is dated {{afterDate}}; start it on {{suggested}} or later ({{days}} of negative float)',
      endUnmetByEnd: 'phase "{{phase}}" must end by {{end}}, but "{{after}}", which it waits for{{lag}}, ends {{afterEnd}}, so it starts {{start}}{{duration}} and ends {{earliestEnd}} at the earliest ({{days}} of negative float); move the end or bring "{{after}}" forward',
      endUnmetByStart: 'phase "{{phase}}" must end by {{end}}, but "{{after}}", whose start it waits for{{lag}}, starts {{afterStart}}, so it starts {{start}}{{duration}} and ends {{earliestEnd}} at the earliest ({{days}} of negative float); move the end or bring "{{after}}" forward',
      endUnmetByMilestone: 'phase "{{phase}}" must end by {{end}}, but milestone "{{after}}", which it waits for{{lag}}, is dated {{afterDate}}, so it starts {{start}}{{duration}} and ends {{earliestEnd}} at the earliest ({{days}} of negative float); move the end or bring "{{after}}" forward',
      milestoneOutside: 'milestone "{{milestone}}" on {{date}} lies outside its phase "{{phase}}" ({{start}} to {{end}}); move the date inside the phase or the milestone to the phase it belongs to',
      actualEndBeforeStart: 'phase "{{phase}}" has actual end {{end}}, before its actual start {{start}}; correct one of the two dates',
      actualAfterAsOf: 'phase "{{phase}}" has actual {{which}} {{date}}, after the as-of date {{asOf}}; an actual date records what has happened: correct it, or remove it until it happens',
      doneAfterAsOf: 'checklist item {{item}} is marked done on {{date}}, after the as-of date {{asOf}}; correct the date, or set done when it happens',
      achievedAfterAsOf: 'milestone "{{milestone}}" is marked achieved on {{date}}, after the as-of date {{asOf}}; correct the date, or set achieved when it happens',
    },
  },
  check({ plan, schedule, asOfDay, report }) {
    for (const phase of plan.phases) {
      checkActualOrder(phase, report);
      const window = schedule.windowOf(phase);
      if (!window) continue;
      if (!checkPrerequisites(phase, window, schedule, report)) checkWindow(phase, window, report);
      checkMilestones(phase, window, report);
    }
    if (asOfDay !== undefined) checkFacts(plan, asOfDay, report);
  },
};
