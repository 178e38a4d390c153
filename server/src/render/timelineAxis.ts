import { addMonths, isoFromDay } from '../engine/calendar';

/**
 * The timeline's date axis: two rows of labels whose units follow the zoom (days under
 * months, weeks under months, months under quarters or years, quarters under years), with
 * each label's box estimated so that no two labels of a row ever overlap: a label that would
 * touch the one before it is left out (its tick line stays). Pure geometry, shared by the
 * SVG writer and its tests.
 */

type AxisUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Where the axis goes: the layout's day columns. */
interface AxisFrame {
  firstDay: number;
  lastDay: number;
  dayWidth: number;
  /** The drawing's width: no label reaches past it. */
  width: number;
  x(day: number): number;
}

export interface AxisLabel {
  text: string;
  /** Left edge of the text (its anchor is the start). */
  x: number;
  /** Estimated width of the text in px; never less than the drawn width. */
  width: number;
  row: 'major' | 'minor';
}

interface Axis {
  major: AxisUnit;
  minor: AxisUnit;
  /** Days where a major or a minor period starts: where tick lines go. */
  majorTicks: number[];
  minorTicks: number[];
  labels: AxisLabel[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * An upper bound of one character's advance in the axis font (11px, semibold for the major
 * row); the widest glyphs used ("M", "W" and digits) stay under it in common sans-serif fonts.
 */
const AXIS_CHAR_PX = 7.5;
/** Space kept between two labels of a row, and between a tick and its label. */
export const AXIS_LABEL_GAP = 6;
const AXIS_LABEL_INSET = 3;

/** The units for a day width: the finest minor unit whose labels still fit their period. */
export function axisUnits(dayWidth: number): { major: AxisUnit; minor: AxisUnit } {
  if (dayWidth >= 20) return { major: 'month', minor: 'day' };
  if (dayWidth * 7 >= 26) return { major: 'month', minor: 'week' };
  if (dayWidth * 30 >= 34) return { major: dayWidth * 91 >= 72 ? 'quarter' : 'year', minor: 'month' };
  return { major: 'year', minor: 'quarter' };
}

function civil(day: number): { year: number; month: number; date: number } {
  const iso = isoFromDay(day);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), date: Number(iso.slice(8, 10)) };
}

/** The first day of the period of `unit` that holds `day`. */
function periodStart(day: number, unit: AxisUnit): number {
  const { month, date } = civil(day);
  const monthStart = day - (date - 1);
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      return day - ((((day + 3) % 7) + 7) % 7);
    case 'month':
      return monthStart;
    case 'quarter':
      return addMonths(monthStart, -((month - 1) % 3));
    case 'year':
      return addMonths(monthStart, -(month - 1));
  }
}

function nextPeriod(start: number, unit: AxisUnit): number {
  switch (unit) {
    case 'day':
      return start + 1;
    case 'week':
      return start + 7;
    case 'month':
      return addMonths(start, 1);
    case 'quarter':
      return addMonths(start, 3);
    case 'year':
      return addMonths(start, 12);
  }
}

function labelOf(day: number, unit: AxisUnit, row: 'major' | 'minor'): string {
  const { year, month, date } = civil(day);
  switch (unit) {
    case 'day':
    case 'week':
      return String(date);
    case 'month':
      return row === 'major' ? `${MONTHS[month - 1]} ${year}` : month === 1 ? `${MONTHS[0]} ${year}` : MONTHS[month - 1];
    case 'quarter':
      return row === 'major' || month === 1 ? `Q${Math.ceil(month / 3)} ${year}` : `Q${Math.ceil(month / 3)}`;
    case 'year':
      return String(year);
  }
}

function labelWidth(text: string): number {
  return [...text].length * AXIS_CHAR_PX;
}

/** Period starts on the axis, plus the axis's first day when it falls inside a period. */
function periods(frame: AxisFrame, unit: AxisUnit): { ticks: number[]; labelDays: number[] } {
  const ticks: number[] = [];
  let start = periodStart(frame.firstDay, unit);
  const labelDays = start < frame.firstDay ? [frame.firstDay] : [];
  if (start < frame.firstDay) start = nextPeriod(start, unit);
  for (; start <= frame.lastDay; start = nextPeriod(start, unit)) ticks.push(start);
  return { ticks, labelDays: [...labelDays, ...ticks] };
}

/** Labels of one row, left to right, leaving out any that would overlap the one before. */
function rowLabels(frame: AxisFrame, unit: AxisUnit, row: 'major' | 'minor', labelDays: number[]): AxisLabel[] {
  const out: AxisLabel[] = [];
  let right = -Infinity;
  for (const day of labelDays) {
    const text = labelOf(day, unit, row);
    const x = frame.x(day) + AXIS_LABEL_INSET;
    const width = labelWidth(text);
    if (x < right + AXIS_LABEL_GAP || x + width > frame.width) continue;
    out.push({ text, x, width, row });
    right = x + width;
  }
  return out;
}

export function axisFor(frame: AxisFrame): Axis {
  const { major, minor } = axisUnits(frame.dayWidth);
  const majors = periods(frame, major);
  const minors = periods(frame, minor);
  return {
    major,
    minor,
    majorTicks: majors.ticks,
    minorTicks: minors.ticks,
    labels: [...rowLabels(frame, major, 'major', majors.labelDays), ...rowLabels(frame, minor, 'minor', minors.labelDays)],
  };
}
