import { dayFromIso, isoFromDay, weekdayOf, type WorkCalendar } from '../engine/calendar';
import type { TimelineData, TimelineDependency, TimelineMilestone, TimelinePhase } from '../engine/timeline';
import { escapeXml } from './escape';
import { el, text, title, truncate } from './svg';
import { axisFor } from './timelineAxis';
import { BAR_HEIGHT, dayOf, FOOTER_ROW, milestoneDay, layoutTimeline, px, type LayoutOptions, type LayoutRow, type TimelineLayout } from './timelineLayout';
import {
  milestoneAriaLabel,
  milestoneTooltip,
  phaseAriaLabel,
  phaseTooltip,
  plural,
  progressPercent,
  totalFindings,
  worstSeverity,
} from './timelineText';
import { calendarsOf, slipsOf, slipText, type LaneCalendar } from './timelineSlip';
import { timelineCss, TIMELINE_ROOT_CLASS, type TimelineTheme } from './timelineTheme';
import { zoomLayout, type TimelineZoom } from './timelineZoom';
import { pushAll } from '../engine/arrays';

/**
 * The timeline as a standalone SVG Gantt chart, shared by `crm-rollout timeline --format svg`,
 * the HTML export and the VS Code webview. Pure and deterministic: the same data and options
 * give the same bytes. No scripts and no external resources; all plan text is escaped.
 *
 * Hooks for interactive hosts: every phase and milestone is a `<g>` with `data-id` (the plan
 * id), `data-kind` (`phase` or `milestone`), `tabindex="0"`, `role="graphics-symbol"`, an
 * `aria-label` and a `<title>` tooltip. Phases also carry `data-start`, `data-end` and
 * `data-critical`; milestones `data-date`, `data-gate` and `data-phase`. Colours come only
 * from classes (see timelineTheme.ts): with `theme: 'vscode'` no stylesheet is embedded.
 */

export interface TimelineSvgOptions extends Omit<LayoutOptions, 'ghost'> {
  /** `light` (default) and `dark` embed a fixed palette; `vscode` embeds none (classes only). */
  theme?: TimelineTheme;
  /**
   * Ghost bars: another schedule of the same plan (the planned one under a forecast, or a
   * baseline), drawn as faint bars under the bars of `data`, phase by phase (matched by id),
   * each bar labelled with its slip: the working days (of its calendar) from the ghost's end
   * to its end, `+3d` later, `−2d` earlier. `data.ghost` unless given; pass `null` for none.
   */
  ghost?: TimelineData | null;
  /** What the ghost bars are, for their tooltips: `planned` (default) or `baseline`. */
  ghostLabel?: string;
  /** Draw at a zoom level for a drawing `width` px wide (EXPORT_WIDTH unless given); see timelineZoom.ts. */
  zoom?: TimelineZoom;
}

/** The width an export is zoomed for when `zoom` is given without `width`. */
const EXPORT_WIDTH = 1200;

const LABEL_CHARS = 32;
const MILESTONE_LABEL_CHARS = 28;
/** Average advance of a character of 12px text, to size names to the space they have. */
const CHAR_PX = 6.5;

/**
 * Shading of one band of rows on its calendar: runs of days off by weekday (unless worked as
 * extra working days), and each holiday that falls on a workday (unless worked).
 */
function shadeBand(layout: TimelineLayout, band: { y: number; height: number }, calendar: LaneCalendar): string[] {
  const out: string[] = [];
  let runStart: number | undefined;
  const flush = (end: number) => {
    if (runStart === undefined) return;
    out.push(el('rect', { class: 'nonworking', x: layout.x(runStart), y: band.y, width: (end - runStart) * layout.dayWidth, height: band.height }));
    runStart = undefined;
  };
  for (let d = layout.firstDay; d <= layout.lastDay; d++) {
    const offByWeekday = !calendar.workdays.has(weekdayOf(d));
    if (offByWeekday && !calendar.work.isWorkingDay(d)) {
      runStart ??= d;
      continue;
    }
    flush(d);
    if (!offByWeekday && calendar.work.isHoliday(d) && !calendar.work.isWorkingDay(d)) {
      const name = calendar.label === 'plan calendar' ? '' : ` (${calendar.label})`;
      out.push(el('rect', { class: 'holiday', x: layout.x(d), y: band.y, width: layout.dayWidth, height: band.height }, title(`holiday ${isoFromDay(d)}${name}`)));
    }
  }
  flush(layout.lastDay + 1);
  return out;
}

/**
 * Each lane shades the non-working days of its own calendar (its wave's, else the plan's);
 * neighbouring lanes on the same calendar are shaded as one band.
 */
function shading(data: TimelineData, layout: TimelineLayout, calendarOf: (id: string | undefined) => LaneCalendar): string[] {
  const merged: { y: number; height: number; calendar?: string }[] = [];
  for (const band of layout.bands) {
    const calendar = band.lane === undefined ? undefined : data.lanes[band.lane]?.calendar;
    const last = merged[merged.length - 1];
    if (last && last.calendar === calendar && last.y + last.height === band.y) last.height += band.height;
    else merged.push({ y: band.y, height: band.height, calendar });
  }
  const out: string[] = [];
  for (const band of merged) pushAll(out, shadeBand(layout, band, calendarOf(band.calendar)));
  return out;
}

function axis(layout: TimelineLayout): string[] {
  const out: string[] = [];
  const { major, minor, majorTicks, minorTicks, labels } = axisFor(layout);
  for (const day of majorTicks) out.push(el('line', { class: 'month-line', x1: layout.x(day), y1: 32, x2: layout.x(day), y2: layout.bottom }));
  for (const day of minorTicks) out.push(el('line', { class: 'week-line', x1: layout.x(day), y1: 52, x2: layout.x(day), y2: layout.top }));
  for (const label of labels) {
    const unit = label.row === 'major' ? major : minor;
    const rowClass = label.row === 'major' ? 'month-label' : 'week-label';
    out.push(text({ class: `axis-label ${rowClass}`, x: label.x, y: label.row === 'major' ? 46 : 64, 'data-unit': unit }, label.text));
  }
  return out;
}

function header(data: TimelineData, layout: TimelineLayout): string[] {
  const lines = [text({ class: 'title', x: 12, y: 22 }, truncate(data.name, Math.max(8, Math.floor((layout.width - 24) / 8.5))))];
  const goLives = data.goLives ?? [];
  const goLive = goLives.length > 1 ? `${goLives.length} go-lives, first ${goLives[0].date}` : data.goLive ? `go-live ${data.goLive}` : 'no go-live phase';
  lines.push(text({ class: 'subtitle', x: 12, y: 46 }, truncate(goLive, Math.floor((layout.labelWidth - 18) / 7))));
  const span = data.start && data.end ? `${data.start} → ${data.end}` : 'not scheduled';
  lines.push(text({ class: 'subtitle', x: 12, y: 64 }, truncate(span, Math.floor((layout.labelWidth - 18) / 7))));
  return lines;
}

/** A phase's name in the name column, cut to the column; the full name shows on hover. */
function phaseName(name: string, attrs: Record<string, string | number>, room: number): string {
  const shown = truncate(name, room);
  if (shown === name) return text(attrs, name);
  return el('text', attrs, [title(name), escapeXml(shown)]);
}

function rowLabels(rows: LayoutRow[], layout: TimelineLayout, indent: number): string[] {
  const out: string[] = [];
  const room = Math.max(4, Math.min(LABEL_CHARS, Math.floor((layout.labelWidth - indent - 8) / CHAR_PX)));
  for (const row of rows) {
    if (row.type === 'lane') {
      out.push(el('rect', { class: 'lane-band', x: 0, y: row.y, width: layout.width, height: row.height }));
      out.push(text({ class: 'lane-label', x: 8, y: row.y + 15 }, row.label));
    } else if (row.type === 'phase') {
      out.push(phaseName(row.phase.name, { class: 'row-label', x: indent, y: row.y + row.height / 2 + 4, 'data-for': row.phase.id }, room));
    } else if (row.phaseId === undefined) {
      out.push(text({ class: 'milestone-row-label', x: indent, y: row.y + row.height / 2 + 4 }, 'milestones of unscheduled phases'));
    }
  }
  return out;
}

type Point = { x: number; y: number };

/** From the right of a predecessor (its end, or a milestone's diamond) to the left of the successor. */
function finishToStartPath(from: Point, to: Point): string {
  if (to.x - from.x >= 10) return `M${px(from.x)} ${px(from.y)}H${px(from.x + 5)}V${px(to.y)}H${px(to.x)}`;
  // The successor starts at or before the predecessor's end: go round between the rows.
  const between = to.y > from.y ? to.y - BAR_HEIGHT / 2 - 3 : to.y + BAR_HEIGHT / 2 + 3;
  return `M${px(from.x)} ${px(from.y)}H${px(from.x + 5)}V${px(between)}H${px(to.x - 6)}V${px(to.y)}H${px(to.x)}`;
}

/** Start-to-start: from the left of the predecessor's bar, round its left, to the successor's start. */
function startToStartPath(from: Point, to: Point): string {
  const left = Math.min(from.x, to.x) - 6;
  return `M${px(from.x)} ${px(from.y)}H${px(left)}V${px(to.y)}H${px(to.x)}`;
}

/** `ss +5d`, `+3d` or nothing: how the dependency is read, beside its arrowhead. */
function dependencyLabel(type: TimelineDependency['type'], lag: number): string {
  const shift = lag > 0 ? `+${lag}d` : '';
  return type === 'ss' ? `ss${shift ? ` ${shift}` : ''}` : shift;
}

function dependencyTitle(dep: TimelineDependency): string {
  const what = dep.milestone ? `milestone ${dep.milestone} (phase ${dep.from})` : dep.from;
  const how = dep.type === 'ss' ? 'starts with' : 'after';
  const lag = dep.lag > 0 ? ` + ${plural(dep.lag, 'working day')}` : '';
  return `${dep.to} ${how} ${what}${lag}${dep.critical ? ' (critical)' : ''}`;
}

function dependencies(data: TimelineData, layout: TimelineLayout): string[] {
  const byId = new Map(data.phases.map((p) => [p.id, p]));
  const milestones = new Map(data.milestones.map((m) => [m.id, m]));
  const out: string[] = [];
  for (const dep of data.dependencies) {
    const from = byId.get(dep.from);
    const to = byId.get(dep.to);
    const toY = layout.barMiddle.get(dep.to);
    if (!from || !to || toY === undefined) continue;
    const end: Point = { x: layout.x(dayOf(to.start)), y: toY };
    let d: string;
    if (dep.milestone) {
      const m = milestones.get(dep.milestone);
      const y = layout.milestoneMiddle.get(dep.milestone);
      if (!m || y === undefined) continue;
      d = finishToStartPath({ x: milestoneX(m, layout) + DIAMOND_RADIUS, y }, end);
    } else {
      const fromY = layout.barMiddle.get(dep.from);
      if (fromY === undefined) continue;
      d = dep.type === 'ss'
        ? startToStartPath({ x: layout.x(dayOf(from.start)), y: fromY }, end)
        : finishToStartPath({ x: layout.x(dayOf(from.end)) + layout.dayWidth, y: fromY }, end);
    }
    const marker = dep.critical ? 'url(#crm-timeline-arrow-critical)' : 'url(#crm-timeline-arrow)';
    const attrs = {
      class: dep.critical ? 'dependency critical' : 'dependency',
      'data-from': dep.from,
      'data-to': dep.to,
      'data-milestone': dep.milestone,
      'data-type': dep.type,
      'data-lag': dep.lag,
    };
    const label = dependencyLabel(dep.type, dep.lag);
    const parts = [title(dependencyTitle(dep)), el('path', { d, 'marker-end': marker })];
    if (label) parts.push(text({ class: 'dependency-label', x: end.x - 4, y: end.y - BAR_HEIGHT / 2 - 2, 'text-anchor': 'end' }, label));
    out.push(el('g', attrs, parts));
  }
  return out;
}

function badge(phase: TimelinePhase, x: number, y: number): string {
  const worst = worstSeverity(phase.findings);
  if (!worst) return '';
  const count = totalFindings(phase.findings);
  return el('g', { class: `badge badge-${worst}` }, [
    el('circle', { cx: x + 8, cy: y, r: 8 }),
    text({ x: x + 8, y: y + 3.5, 'text-anchor': 'middle' }, count > 99 ? '99+' : String(count)),
  ]);
}

/** The phase in the ghost schedule a bar is compared with, its slip, and what the ghost is called. */
interface GhostOf {
  phase: TimelinePhase;
  slip: number;
  label: string;
}

function ghostBar(ghost: GhostOf, barY: number, layout: TimelineLayout): string {
  const x0 = layout.x(dayOf(ghost.phase.start));
  const width = layout.x(dayOf(ghost.phase.end)) + layout.dayWidth - x0;
  return el('rect', { class: 'ghost', x: x0, y: barY, width, height: BAR_HEIGHT, rx: 3 }, title(`${ghost.label} ${ghost.phase.start} → ${ghost.phase.end}`));
}

function phaseGroup(phase: TimelinePhase, row: LayoutRow, layout: TimelineLayout, calendar: WorkCalendar, calendarNames: ReadonlyMap<string, string>, ghost?: GhostOf): string {
  const float = phase.float ?? phase.slack;
  const start = dayOf(phase.start);
  const end = dayOf(phase.end);
  const x0 = layout.x(start);
  const x1 = layout.x(end) + layout.dayWidth;
  const width = x1 - x0;
  const barY = row.y + (row.height - BAR_HEIGHT) / 2;
  const middle = row.y + row.height / 2;
  const slip = ghost?.slip ?? 0;
  const tooltip = phaseTooltip(phase, calendarNames) + (ghost ? `\n${ghost.label}: ${ghost.phase.start} → ${ghost.phase.end}${slip === 0 ? ', on time' : `, ${slipText(slip)} (${plural(Math.abs(slip), 'working day')} ${slip > 0 ? 'later' : 'earlier'})`}` : '');
  const parts = [title(tooltip)];
  if (ghost) parts.push(ghostBar(ghost, barY, layout));
  parts.push(el('rect', { class: 'bar', x: x0, y: barY, width, height: BAR_HEIGHT, rx: 3 }));
  const percent = phase.progress.complete ? 100 : progressPercent(phase);
  if (percent !== undefined && percent > 0) {
    parts.push(el('rect', { class: 'progress', x: x0, y: barY, width: (width * percent) / 100, height: BAR_HEIGHT, rx: 3 }));
  }
  let right = x1;
  if (float > 0) {
    const slackEnd = layout.x(calendar.addWorkingDays(end, float)) + layout.dayWidth;
    parts.push(el('line', { class: 'slack', x1, y1: middle, x2: slackEnd, y2: middle }));
    parts.push(el('line', { class: 'slack', x1: slackEnd, y1: middle - 4, x2: slackEnd, y2: middle + 4 }));
    right = slackEnd;
  }
  if (ghost) right = Math.max(right, layout.x(dayOf(ghost.phase.end)) + layout.dayWidth);
  const findings = badge(phase, right + 4, middle);
  if (findings) {
    parts.push(findings);
    right += 4 + 16;
  }
  if (slip !== 0) {
    parts.push(text({ class: slip > 0 ? 'slip late' : 'slip early', x: right + 5, y: middle + 4 }, slipText(slip)));
    right += 5 + slipText(slip).length * CHAR_PX;
  }
  if (percent !== undefined) {
    const inside = width >= 44;
    parts.push(text({ class: 'bar-label', x: inside ? x0 + 5 : right + 5, y: middle + 4 }, `${percent}%`));
  }
  return el(
    'g',
    {
      class: phase.critical ? 'phase critical' : 'phase',
      'data-id': phase.id,
      'data-kind': 'phase',
      'data-start': phase.start,
      'data-end': phase.end,
      'data-critical': phase.critical ? 'true' : 'false',
      'data-float': float,
      'data-calendar': phase.calendar,
      'data-slip': ghost ? slip : undefined,
      tabindex: '0',
      role: 'graphics-symbol',
      'aria-label': phaseAriaLabel(phase),
    },
    parts,
  );
}

const DIAMOND_RADIUS = 6;

function diamond(cx: number, cy: number, r: number): string {
  return `M${px(cx)} ${px(cy - r)}L${px(cx + r)} ${px(cy)}L${px(cx)} ${px(cy + r)}L${px(cx - r)} ${px(cy)}Z`;
}

/** The diamond's centre: the middle of its day's column (the day it was achieved, else its date). */
function milestoneX(m: TimelineMilestone, layout: TimelineLayout): number {
  return layout.x(dayOf(milestoneDay(m))) + layout.dayWidth / 2;
}

/**
 * Characters of each milestone's label that fit before the next diamond on the same row (the
 * tooltip keeps the whole name); the last one may use the full label length.
 */
function labelRoom(milestones: TimelineMilestone[], layout: TimelineLayout): Map<TimelineMilestone, number> {
  const sorted = [...milestones].sort((a, b) => milestoneDay(a).localeCompare(milestoneDay(b)));
  const room = new Map<TimelineMilestone, number>();
  sorted.forEach((m, i) => {
    const next = sorted[i + 1];
    const gap = (next ? milestoneX(next, layout) : layout.width) - milestoneX(m, layout) - 22;
    room.set(m, Math.max(0, Math.min(MILESTONE_LABEL_CHARS, Math.floor(gap / 6.2))));
  });
  return room;
}

function milestoneGroup(m: TimelineMilestone, row: LayoutRow, layout: TimelineLayout, room: number): string {
  const cx = milestoneX(m, layout);
  const cy = row.y + row.height / 2;
  const parts = [title(milestoneTooltip(m))];
  if (m.gate) parts.push(el('path', { class: 'gate-ring', d: diamond(cx, cy, 9) }));
  parts.push(el('path', { class: 'diamond', d: diamond(cx, cy, DIAMOND_RADIUS) }));
  // Overdue: a "!", achieved: a "✓", left of the diamond, so the label on its right stays where it was.
  if (m.overdue) parts.push(text({ class: 'overdue-mark', x: cx - 12, y: cy + 4, 'text-anchor': 'middle' }, '!'));
  if (m.achieved) parts.push(text({ class: 'achieved-mark', x: cx - 13, y: cy + 4, 'text-anchor': 'middle' }, '✓'));
  if (room >= 2) parts.push(text({ class: 'milestone-label', x: cx + 11, y: cy + 4 }, truncate(m.name, room)));
  const classes = ['milestone', m.gate && 'gate', m.achieved && 'achieved', m.overdue && 'overdue'].filter(Boolean).join(' ');
  return el(
    'g',
    {
      class: classes,
      'data-id': m.id,
      'data-kind': 'milestone',
      'data-date': m.date,
      'data-gate': m.gate ? 'true' : 'false',
      'data-phase': m.phaseId,
      'data-achieved': m.achieved,
      'data-overdue': m.overdue ? 'true' : undefined,
      tabindex: '0',
      role: 'graphics-symbol',
      'aria-label': milestoneAriaLabel(m),
    },
    parts,
  );
}

function marker(id: string, className: string): string {
  return el('marker', { id, viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, el('path', { class: className, d: 'M0 0L8 4L0 8Z' }));
}

/** A vertical line across the chart with its label in the footer. */
function dateLine(layout: TimelineLayout, iso: string | undefined, className: string, label: string, footerRow: number): string[] {
  const d = iso === undefined ? undefined : dayFromIso(iso);
  if (d === undefined || d < layout.firstDay || d > layout.lastDay) return [];
  const x = layout.x(d);
  const nearRight = x > layout.width - 150;
  return [
    el('line', { class: className, x1: x, y1: 32, x2: x, y2: layout.bottom + 4 + footerRow * FOOTER_ROW }),
    text({ class: `${className}-label`, x: nearRight ? x - 4 : x + 4, y: layout.bottom + 16 + footerRow * FOOTER_ROW, 'text-anchor': nearRight ? 'end' : undefined }, label),
  ];
}

/** A go-live line per wave (`Germany go-live 2027-06-18`), or the plan's one go-live. */
function goLiveLines(data: TimelineData): { date: string; label: string }[] {
  const waves = data.goLives ?? [];
  if (waves.length <= 1) return data.goLive ? [{ date: data.goLive, label: `go-live ${data.goLive}` }] : [];
  return waves.map((g) => ({ date: g.date, label: `${g.name ?? (g.wave === undefined ? 'plan' : `wave ${g.wave}`)} go-live ${g.date}` }));
}

export function renderTimelineSvg(data: TimelineData, options: TimelineSvgOptions = {}): string {
  const theme = options.theme ?? 'light';
  const ghost = options.ghost === null ? undefined : (options.ghost ?? data.ghost);
  const layout = layoutTimeline(data, { ...(options.zoom ? zoomLayout(options.zoom, options.width ?? EXPORT_WIDTH) : options), ghost });
  const ghostLabel = options.ghostLabel ?? data.ghostLabel ?? 'planned';
  const slipOf = slipsOf(data, ghost);
  const ghostOf = (phase: TimelinePhase): GhostOf | undefined => {
    const slip = slipOf(phase);
    return slip && { phase: slip.ghost, slip: slip.days, label: ghostLabel };
  };
  const calendarOf = calendarsOf(data);
  const calendarNames = new Map((data.calendars ?? []).map((c) => [c.id, c.label]));
  const indent = layout.rows.some((r) => r.type === 'lane') ? 20 : 12;

  const body: string[] = [el('rect', { class: 'background', x: 0, y: 0, width: layout.width, height: layout.height })];
  for (const part of [shading(data, layout, calendarOf), axis(layout), header(data, layout), rowLabels(layout.rows, layout, indent)]) pushAll(body, part);
  if (data.phases.length === 0 && data.milestones.length === 0) {
    body.push(text({ class: 'empty', x: 12, y: layout.top + 18 }, 'no phase could be scheduled: give the first phase a start date or set calendar.start'));
  }
  pushAll(body, dependencies(data, layout));
  for (const row of layout.rows) {
    if (row.type === 'phase') body.push(phaseGroup(row.phase, row, layout, calendarOf(row.phase.calendar).work, calendarNames, ghostOf(row.phase)));
    if (row.type === 'milestones') {
      const room = labelRoom(row.milestones, layout);
      for (const m of row.milestones) body.push(milestoneGroup(m, row, layout, room.get(m) ?? 0));
    }
  }
  goLiveLines(data).forEach((line, i) => pushAll(body, dateLine(layout, line.date, 'go-live', line.label, 1 + i)));
  pushAll(body, dateLine(layout, data.asOf, 'today', `as of ${data.asOf}`, 0));

  const head = [title(`Timeline of ${data.name}`)];
  if (theme !== 'vscode') head.push(`<style>\n${timelineCss(theme)}\n</style>`);
  head.push(el('defs', {}, [marker('crm-timeline-arrow', 'arrowhead'), marker('crm-timeline-arrow-critical', 'arrowhead critical')]));
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: `${TIMELINE_ROOT_CLASS} theme-${theme}`,
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${px(layout.width)} ${px(layout.height)}`,
      role: 'graphics-document',
      'aria-label': `Timeline of ${data.name}`,
      'data-as-of': data.asOf,
    },
    `\n${[...head, ...body].join('\n')}\n`,
  );
  return `${svg}\n`;
}
