import type { TimelineData } from '../engine/timeline';
import { MAX_CRITICAL_CHAINS } from '../engine/criticalChains';
import { escapeXml } from './escape';
import { basePageCss, PAGE_COLOURS, renderHtmlPage } from './htmlPage';
import { el, text } from './svg';
import { phasesByLane } from './timelineLayout';
import { renderTimelineSvg, type TimelineSvgOptions } from './timelineSvg';
import { checklistText, findingsText, plural } from './timelineText';
import { TIMELINE_ROOT_CLASS } from './timelineTheme';

/**
 * The timeline as one self-contained HTML page (see htmlPage.ts: strict policy, nothing loaded,
 * nothing run): the SVG inline, a legend, and tables of the phases and milestones (the same
 * facts as text, for readers and screen readers).
 */

interface TimelineHtmlOptions extends Omit<TimelineSvgOptions, 'theme'> {
  theme?: 'light' | 'dark';
}

function pageCss(theme: 'light' | 'dark'): string {
  return [
    ...basePageCss(theme),
    'h1 { font-size: 22px; margin: 0 0 4px; }',
    'h2 { font-size: 17px; margin: 28px 0 8px; }',
    `.meta { color: ${PAGE_COLOURS[theme].muted}; margin: 0 0 16px; }`,
    '.chart { overflow-x: auto; }',
    '.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 12px 0; }',
    '.legend li { display: flex; align-items: center; gap: 6px; }',
    'caption { text-align: left; padding: 0 0 6px; }',
    '.chains { margin: 0; padding-left: 24px; }',
  ].join('\n');
}

/** A 28×16 swatch drawn with the chart's own classes, so the legend matches the chart. */
function swatch(content: string): string {
  return el('svg', { class: TIMELINE_ROOT_CLASS, width: 28, height: 16, viewBox: '0 0 28 16', 'aria-hidden': 'true' }, content);
}

const LEGEND: [string, string][] = [
  ['phase', el('g', { class: 'phase' }, el('rect', { class: 'bar', x: 1, y: 3, width: 26, height: 10, rx: 2 }))],
  ['critical (float 0 or less)', el('g', { class: 'phase critical' }, el('rect', { class: 'bar', x: 1, y: 3, width: 26, height: 10, rx: 2 }))],
  ['checklist done', el('g', { class: 'phase' }, [el('rect', { class: 'bar', x: 1, y: 3, width: 26, height: 10, rx: 2 }), el('rect', { class: 'progress', x: 1, y: 3, width: 13, height: 10, rx: 2 })])],
  ['float', [el('line', { class: 'slack', x1: 1, y1: 8, x2: 26, y2: 8 }), el('line', { class: 'slack', x1: 26, y1: 4, x2: 26, y2: 12 })].join('')],
  ['dependency', el('path', { class: 'dependency', d: 'M1 8H21' }) + el('path', { class: 'arrowhead', d: 'M20 4L27 8L20 12Z' })],
  ['milestone', el('g', { class: 'milestone' }, el('path', { class: 'diamond', d: 'M14 2L20 8L14 14L8 8Z' }))],
  ['gate', el('g', { class: 'milestone gate' }, [el('path', { class: 'gate-ring', d: 'M14 0L22 8L14 16L6 8Z' }), el('path', { class: 'diamond', d: 'M14 3L19 8L14 13L9 8Z' })])],
  ['weekend', el('rect', { class: 'nonworking', x: 1, y: 0, width: 26, height: 16 })],
  ['holiday', el('rect', { class: 'holiday', x: 1, y: 0, width: 26, height: 16 })],
  ['as-of date', el('line', { class: 'today', x1: 14, y1: 0, x2: 14, y2: 16 })],
  ['go-live', el('line', { class: 'go-live', x1: 14, y1: 0, x2: 14, y2: 16 })],
  ['findings', el('g', { class: 'badge badge-warning' }, [el('circle', { cx: 14, cy: 8, r: 7 }), text({ x: 14, y: 11.5, 'text-anchor': 'middle' }, '2')])],
];

/** Shown only when the chart has them: a forecast over its planned schedule, achieved and overdue milestones. */
const TRACKING_LEGEND: [string, string, (data: TimelineData) => boolean][] = [
  ['planned (ghost)', el('rect', { class: 'ghost', x: 1, y: 3, width: 26, height: 10, rx: 2 }), (d) => d.ghost !== undefined],
  ['slip in working days', text({ class: 'slip late', x: 14, y: 12, 'text-anchor': 'middle' }, '+3d'), (d) => d.ghost !== undefined],
  ['achieved', el('g', { class: 'milestone achieved' }, el('path', { class: 'diamond', d: 'M14 2L20 8L14 14L8 8Z' })), (d) => d.milestones.some((m) => m.achieved)],
  ['overdue', el('g', { class: 'milestone overdue' }, [text({ class: 'overdue-mark', x: 5, y: 12, 'text-anchor': 'middle' }, '!'), el('path', { class: 'diamond', d: 'M16 2L22 8L16 14L10 8Z' })]), (d) => d.milestones.some((m) => m.overdue)],
];

function legend(data: TimelineData): string {
  const entries = [...LEGEND, ...TRACKING_LEGEND.filter(([, , shown]) => shown(data)).map(([label, drawing]): [string, string] => [label, drawing])];
  const items = entries.map(([label, drawing]) => `<li>${swatch(drawing)}<span>${escapeXml(label)}</span></li>`);
  return `<ul class="legend" aria-label="legend">\n${items.join('\n')}\n</ul>`;
}

function table(caption: string, headers: string[], rows: (string | number)[][], numeric: ReadonlySet<number>): string {
  const head = `<tr>${headers.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${escapeXml(String(cell))}</td>`).join('')}</tr>`);
  return `<table>\n<caption class="meta">${escapeXml(caption)}</caption>\n<thead>${head}</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

function phaseTable(data: TimelineData): string {
  const calendars = new Map(data.calendars.map((c) => [c.id, c.label]));
  const rows: (string | number)[][] = [];
  for (const { lane, phases } of phasesByLane(data)) {
    for (const p of phases) {
      rows.push([
        p.id,
        p.name,
        p.kind ?? '',
        lane.label,
        p.calendar === undefined ? 'plan' : (calendars.get(p.calendar) ?? p.calendar),
        p.owner ?? '',
        p.start,
        p.end,
        p.workingDays,
        p.critical ? `critical (${p.float})` : p.float,
        p.progress.total ? `${p.progress.done}/${p.progress.total}` : '',
        findingsText(p.findings),
      ]);
    }
  }
  const headers = ['id', 'name', 'kind', 'lane', 'calendar', 'owner', 'start', 'end', 'working days', 'float', 'checklist', 'findings'];
  return table(`${plural(data.phases.length, 'phase')}`, headers, rows, new Set([8, 9]));
}

function milestoneTable(data: TimelineData): string {
  const rows = data.milestones.map((m) => [m.id, m.name, m.gate ? 'gate' : 'milestone', m.phaseId, m.date, m.owner ?? '', m.criteria.join('; ')]);
  return table(`${plural(data.milestones.length, 'milestone')}`, ['id', 'name', 'type', 'phase', 'date', 'owner', 'criteria'], rows, new Set());
}

function goLivesText(data: TimelineData): string {
  if (data.goLives.length <= 1) return data.goLive ? `go-live ${data.goLive}` : 'no go-live phase';
  return `go-lives: ${data.goLives.map((g) => `${g.name ?? (g.wave === undefined ? 'plan' : `wave ${g.wave}`)} ${g.date}`).join(', ')}`;
}

/** Every critical chain on a line of its own: ties are separate chains, never one joined path. */
function chainList(data: TimelineData): string {
  if (data.criticalChains.length === 0) return '<p class="meta">no critical phase</p>';
  const items = data.criticalChains.map((chain) => `<li>${escapeXml(chain.join(' → '))}</li>`);
  const more = data.criticalChains.length >= MAX_CRITICAL_CHAINS ? `\n<li>${escapeXml(`… more chains tie; every critical phase is marked in the chart and the table`)}</li>` : '';
  return `<ol class="chains" aria-label="critical chains">\n${items.join('\n')}${more}\n</ol>`;
}

function summary(data: TimelineData): string {
  const parts = [data.start && data.end ? `${data.start} → ${data.end}` : 'no phase could be scheduled'];
  parts.push(goLivesText(data));
  parts.push(`as of ${data.asOf}`);
  const findings = findingsText(data.findings);
  parts.push(findings ? `findings: ${findings}` : 'no findings');
  return parts.join(' · ');
}

export function renderTimelineHtml(data: TimelineData, options: TimelineHtmlOptions = {}): string {
  const theme = options.theme ?? 'light';
  const svg = renderTimelineSvg(data, { ...options, theme });
  const phases = data.phases.map((p) => p.progress);
  const done = phases.reduce((n, p) => n + p.done, 0);
  const total = phases.reduce((n, p) => n + p.total, 0);
  const checklist = checklistText(done, total);
  return renderHtmlPage({
    title: `${data.name}: timeline`,
    css: pageCss(theme),
    main: `<h1>${escapeXml(data.name)}</h1>
<p class="meta">${escapeXml(summary(data))}</p>
<p class="meta">${escapeXml(`${checklist}; source ${data.path}`)}</p>
<div class="chart">
${svg}</div>
${legend(data)}
<h2>${data.criticalChains.length === 1 ? 'Critical chain' : 'Critical chains'}</h2>
${chainList(data)}
<h2>Phases</h2>
${phaseTable(data)}
<h2>Milestones</h2>
${milestoneTable(data)}`,
  });
}
