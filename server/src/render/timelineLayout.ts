import { dayFromIso, weekdayOf } from '../engine/calendar';
import type { TimelineData, TimelineLane, TimelineMilestone, TimelinePhase } from '../engine/timeline';

/**
 * Where everything of the timeline goes, in pixels: the geometry the SVG writer draws, kept
 * apart from the markup so each can be read on its own. The axis is one column per calendar
 * day from the Monday on or before the first date to the Sunday on or after the last, so
 * weekends and holidays keep their place and can be shaded.
 */

export interface LayoutOptions {
  /** Total width in px; the day width is fitted to it. */
  width?: number;
  /** Width of one day in px when `width` is not given; by default fitted to the plan's length. */
  dayWidth?: number;
  /** Width of the column of phase names on the left. */
  labelWidth?: number;
  /** Room right of the last day; RIGHT_PAD unless given. */
  rightPad?: number;
  /** A schedule drawn under this one (ghost bars): the axis covers its dates too. */
  ghost?: TimelineData;
}

const ROW_HEIGHT = 28;
const MILESTONE_ROW_HEIGHT = 22;
const LANE_HEIGHT = 22;
export const BAR_HEIGHT = 16;
const HEADER_HEIGHT = 70;
/** Room under the chart for the date lines' labels: the as-of date and each wave's go-live. */
const FOOTER_HEIGHT = 44;
/** Height of one footer label row. */
export const FOOTER_ROW = 16;
/** Room right of the last day for slack whiskers' badges and milestone names. */
const RIGHT_PAD = 140;
export const DEFAULT_LABEL_WIDTH = 230;

export type LayoutRow =
  | { type: 'lane'; y: number; height: number; label: string; lane: number }
  | { type: 'phase'; y: number; height: number; phase: TimelinePhase }
  | { type: 'milestones'; y: number; height: number; phaseId?: string; milestones: TimelineMilestone[] };

export interface TimelineLayout {
  width: number;
  height: number;
  labelWidth: number;
  /** Day numbers of the first and last column. */
  firstDay: number;
  lastDay: number;
  dayWidth: number;
  /** y of the first row and of the bottom of the last row. */
  top: number;
  bottom: number;
  rows: LayoutRow[];
  /** The bar's vertical middle of each phase, by id. */
  barMiddle: Map<string, number>;
  /** The diamond's vertical middle of each milestone, by id. */
  milestoneMiddle: Map<string, number>;
  /**
   * Vertical bands of the chart, each with the lane whose calendar shades it (undefined: the
   * plan's calendar), top to bottom, covering [top, bottom].
   */
  bands: { y: number; height: number; lane?: number }[];
  /** Left edge of a day's column. */
  x(day: number): number;
}

/** Rounds to two decimals so output is short and the same on every platform. */
export function px(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Day number of a TimelineData date. */
export function dayOf(iso: string): number {
  const d = dayFromIso(iso);
  // TimelineData dates come from the scheduler, so an unreadable one is a bug, not input.
  if (d === undefined) throw new Error(`timeline date "${iso}" is not an ISO date`);
  return d;
}

function mondayOnOrBefore(d: number): number {
  const offset = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(weekdayOf(d));
  return d - offset;
}

/** The range of days the axis must show: every phase and milestone, of the timeline and its ghost. */
function dateRange(data: TimelineData, ghost: TimelineData | undefined): [number, number] | undefined {
  let range: [number, number] | undefined;
  const include = (d: number) => {
    range = range ? [Math.min(range[0], d), Math.max(range[1], d)] : [d, d];
  };
  for (const timeline of ghost ? [data, ghost] : [data]) {
    for (const p of timeline.phases) {
      include(dayOf(p.start));
      include(dayOf(p.end));
    }
    for (const m of timeline.milestones) include(dayOf(milestoneDay(m)));
  }
  return range;
}

/** Where a milestone's diamond goes: the day it was achieved, else its date. */
export function milestoneDay(m: TimelineMilestone): string {
  return m.achieved ?? m.date;
}

/** A day width that keeps short plans readable and long ones on a screen or two. */
function fittedDayWidth(days: number): number {
  return Math.max(2, Math.min(18, Math.floor((1100 / days) * 4) / 4));
}

/**
 * Each lane with its phases (in file order), in the order of `data.lanes`, which every view
 * keeps: the lane of phases in no wave first, then the waves by number (see buildTimeline).
 */
export function phasesByLane(data: TimelineData): { lane: TimelineLane; index: number; phases: TimelinePhase[] }[] {
  return data.lanes.map((lane, index) => ({ lane, index, phases: data.phases.filter((p) => p.lane === index) }));
}

export function layoutTimeline(data: TimelineData, options: LayoutOptions = {}): TimelineLayout {
  const labelWidth = options.labelWidth ?? DEFAULT_LABEL_WIDTH;
  const rightPad = options.rightPad ?? RIGHT_PAD;
  const range = dateRange(data, options.ghost);
  const firstDay = range ? mondayOnOrBefore(range[0]) : 0;
  const lastDay = range ? mondayOnOrBefore(range[1]) + 6 : 6;
  const days = lastDay - firstDay + 1;
  const dayWidth = options.width !== undefined
    ? Math.max(0.1, (options.width - labelWidth - rightPad) / days)
    : (options.dayWidth ?? fittedDayWidth(days));

  const rows: LayoutRow[] = [];
  const barMiddle = new Map<string, number>();
  const milestoneMiddle = new Map<string, number>();
  const bands: TimelineLayout['bands'] = [];
  const addMilestones = (row: Extract<LayoutRow, { type: 'milestones' }>) => {
    rows.push(row);
    for (const m of row.milestones) if (!milestoneMiddle.has(m.id)) milestoneMiddle.set(m.id, row.y + row.height / 2);
  };
  let y = HEADER_HEIGHT;
  const byPhase = new Map<string, TimelineMilestone[]>();
  for (const m of data.milestones) byPhase.set(m.phaseId, [...(byPhase.get(m.phaseId) ?? []), m]);
  const placed = new Set(data.phases.map((p) => p.id));
  const showLanes = data.lanes.length > 1 || data.lanes.some((l) => l.wave !== undefined);
  for (const { lane, index, phases } of phasesByLane(data)) {
    if (phases.length === 0) continue;
    const laneTop = y;
    if (showLanes) {
      rows.push({ type: 'lane', y, height: LANE_HEIGHT, label: lane.label, lane: index });
      y += LANE_HEIGHT;
    }
    for (const phase of phases) {
      rows.push({ type: 'phase', y, height: ROW_HEIGHT, phase });
      barMiddle.set(phase.id, y + ROW_HEIGHT / 2);
      y += ROW_HEIGHT;
      const milestones = byPhase.get(phase.id);
      if (milestones) {
        addMilestones({ type: 'milestones', y, height: MILESTONE_ROW_HEIGHT, phaseId: phase.id, milestones });
        y += MILESTONE_ROW_HEIGHT;
      }
    }
    bands.push({ y: laneTop, height: y - laneTop, lane: index });
  }
  // A milestone with its own date keeps it even when its phase could not be scheduled.
  const orphans = data.milestones.filter((m) => !placed.has(m.phaseId));
  if (orphans.length > 0) {
    addMilestones({ type: 'milestones', y, height: MILESTONE_ROW_HEIGHT, milestones: orphans });
    bands.push({ y, height: MILESTONE_ROW_HEIGHT });
    y += MILESTONE_ROW_HEIGHT;
  }
  const bottom = rows.length > 0 ? y : y + ROW_HEIGHT;
  if (rows.length === 0) bands.push({ y, height: ROW_HEIGHT });
  const chartWidth = days * dayWidth;
  return {
    width: options.width ?? Math.ceil(labelWidth + chartWidth + rightPad),
    // Two footer rows (as-of, go-live) fit FOOTER_HEIGHT; each further wave's go-live adds one.
    height: bottom + FOOTER_HEIGHT + Math.max(0, data.goLives.length - 1) * FOOTER_ROW,
    labelWidth,
    firstDay,
    lastDay,
    dayWidth,
    top: HEADER_HEIGHT,
    bottom,
    rows,
    barMiddle,
    milestoneMiddle,
    bands,
    x: (d: number) => labelWidth + (d - firstDay) * dayWidth,
  };
}
