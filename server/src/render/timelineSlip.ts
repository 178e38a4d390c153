import { dayFromIso, DEFAULT_WORKDAYS, WorkCalendar, type Weekday } from '../engine/calendar';
import { signedWorkingDays } from '../engine/float';
import type { TimelineData, TimelinePhase } from '../engine/timeline';
import { dayOf } from './timelineLayout';

/**
 * The calendars of a timeline, and how far each phase has slipped from its ghost (the planned
 * schedule under a forecast, or a baseline): the working days of the phase's own calendar
 * from the ghost's end to the bar's end, positive when later. One source for the SVG's slip
 * labels, the CSV's columns and the Mermaid chart's marks.
 */

/** A calendar of the timeline, ready to ask which days are worked. */
export interface LaneCalendar {
  label: string;
  work: WorkCalendar;
  workdays: ReadonlySet<Weekday>;
}

const daysOf = (isos: readonly string[]) => isos.map((h) => dayFromIso(h)).filter((d): d is number => d !== undefined);

function laneCalendar(label: string, workdays: readonly Weekday[], holidays: readonly string[], extra: readonly string[]): LaneCalendar {
  return { label, work: new WorkCalendar(workdays, daysOf(holidays), daysOf(extra)), workdays: new Set(workdays.length > 0 ? workdays : DEFAULT_WORKDAYS) };
}

/** The plan's calendar and each named one, by id (the plan's under undefined). */
export function calendarsOf(data: TimelineData): (id: string | undefined) => LaneCalendar {
  const plan = laneCalendar('plan calendar', data.workdays, data.holidays, data.extraWorkingDays ?? []);
  const named = new Map((data.calendars ?? []).map((c) => [c.id, laneCalendar(c.label, c.workdays, c.holidays, c.extraWorkingDays)]));
  return (id) => (id === undefined ? plan : (named.get(id) ?? plan));
}

/** `+3d` / `−2d`: a slip in working days. */
export function slipText(days: number): string {
  return days > 0 ? `+${days}d` : `\u2212${-days}d`;
}

/** A phase's ghost and its slip. */
export interface PhaseSlip {
  ghost: TimelinePhase;
  /** Working days of the phase's calendar from the ghost's end to the phase's end; positive means later. */
  days: number;
}

/** Each phase's ghost and slip; undefined for a phase the ghost lacks, or without a ghost. */
export function slipsOf(data: TimelineData, ghost: TimelineData | undefined): (phase: TimelinePhase) => PhaseSlip | undefined {
  const ghostPhases = new Map((ghost?.phases ?? []).map((p) => [p.id, p]));
  const calendarOf = calendarsOf(data);
  return (phase) => {
    const planned = ghostPhases.get(phase.id);
    return planned && { ghost: planned, days: signedWorkingDays(calendarOf(phase.calendar).work, dayOf(planned.end), dayOf(phase.end)) };
  };
}
