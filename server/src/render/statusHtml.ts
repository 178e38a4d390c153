import type { StatusReport } from '../engine/status';
import type { TimelineData } from '../engine/timeline';
import { escapeXml } from './escape';
import { basePageCss, PAGE_COLOURS, renderHtmlPage } from './htmlPage';
import { renderTimelineSvg } from './timelineSvg';
import { timelineCss } from './timelineTheme';
import { baselineHeading, baselineLabel, findingsLine, goLiveLabel, progressLine, reasonAfterColour, signedDays, STATE_LABELS, titleLine, workLabel, type AsOfSource } from './statusWords';

/**
 * The status reports as one self-contained HTML page: inline CSS, no script, nothing loaded
 * from anywhere (the same Content-Security-Policy as the timeline export), the forecast
 * timeline embedded as SVG, and a print stylesheet for A4. The VS Code report shows the same
 * page with the editor's theme (`theme: 'vscode'`: the timeline's classes styled once in the
 * page's own `<style>`, which carries the webview's nonce) and the webview's policy.
 */

/** One plan's report and the forecast timeline drawn in it. */
export interface StatusPage {
  report: StatusReport;
  timeline?: TimelineData;
}

interface StatusHtmlOptions {
  /** `light` for a file; `vscode` takes colours from the editor's theme variables. */
  theme?: 'light' | 'vscode';
  /** The webview's policy and the nonce its `<style>` elements carry. */
  csp?: { policy: string; nonce: string };
}

/** The progress bars' colours, beside the page's (htmlPage.ts). */
const BAR_COLOURS = {
  light: { track: '#e6e9ed', fill: '#2f7d32' },
  vscode: { track: 'var(--vscode-editorWidget-border, #8884)', fill: 'var(--vscode-charts-green, #2f7d32)' },
};

function pageCss(theme: 'light' | 'vscode'): string {
  const bars = BAR_COLOURS[theme];
  return [
    ...basePageCss(theme),
    'h1 { font-size: 20px; margin: 0 0 12px; }',
    'h2 { font-size: 18px; margin: 28px 0 4px; }',
    'h3 { font-size: 15px; margin: 18px 0 6px; }',
    `.meta { color: ${PAGE_COLOURS[theme].muted}; margin: 0 0 8px; }`,
    '.verdict { font-weight: 600; padding: 6px 10px; border-radius: 4px; border-left: 6px solid; margin: 8px 0; }',
    '.verdict.red { border-color: #cf222e; } .verdict.amber { border-color: #bf8700; } .verdict.green { border-color: #1a7f37; }',
    '.reasons { margin: 4px 0 8px 18px; padding: 0; }',
    '.chart { overflow-x: auto; margin: 8px 0; }',
    '.chart svg { max-width: 100%; height: auto; }',
    'table { margin: 4px 0; }',
    `svg.bar .track { fill: ${bars.track}; } svg.bar .fill { fill: ${bars.fill}; }`,
    '.late { font-weight: 600; }',
    '@page { size: A4; margin: 14mm; }',
    '@media print { body { margin: 0; font-size: 11px; } .chart { overflow: visible; } .chart svg { max-width: 100%; height: auto; } tr, .verdict { break-inside: avoid; } section.plan + section.plan { break-before: page; } h3 { break-after: avoid; } }',
  ].join('\n');
}

type Cell = string | { html: string } | { num: string | number };

function cell(value: Cell): string {
  if (typeof value === 'string') return `<td>${escapeXml(value)}</td>`;
  if ('html' in value) return `<td>${value.html}</td>`;
  return `<td class="num">${escapeXml(String(value.num))}</td>`;
}

function table(headers: string[], rows: Cell[][], empty: string): string {
  if (rows.length === 0) return `<p class="meta">${escapeXml(empty)}</p>`;
  const head = `<tr>${headers.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr>`;
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`;
}

/** A progress bar drawn as SVG attributes, so it needs no inline style a strict policy would block. */
function bar(done: number, total: number): string {
  const width = 100;
  const filled = total === 0 ? 0 : Math.round((width * done) / total);
  return `<svg class="bar" width="${width}" height="10" viewBox="0 0 ${width} 10" role="img" aria-label="${done} of ${total} done"><rect class="track" width="${width}" height="10" rx="2"/><rect class="fill" width="${filled}" height="10" rx="2"/></svg>`;
}

function section(page: StatusPage, theme: 'light' | 'vscode'): string {
  const { report } = page;
  const parts: string[] = [];
  parts.push(`<h2>${escapeXml(report.name)}</h2>`);
  parts.push(`<p class="meta">${escapeXml(`${report.path}; compared with ${baselineLabel(report.baseline)}`)}</p>`);
  parts.push(`<p class="verdict ${report.status.colour}" data-status="${report.status.colour}">${escapeXml(`${report.status.colour.toUpperCase()}: ${reasonAfterColour(report.status)}`)}</p>`);
  if (report.status.reasons.length > 1) parts.push(`<ul class="reasons">${report.status.reasons.slice(1).map((r) => `<li>${escapeXml(r)}</li>`).join('')}</ul>`);
  parts.push('<h3>Go-lives</h3>');
  parts.push(
    table(
      ['Wave', baselineHeading(report.baseline), 'Forecast', 'Variance (working days)'],
      report.goLives.map((g) => [goLiveLabel(g), g.baseline ?? '—', g.forecast, { num: signedDays(g.variance) }]),
      'No go-live phase is scheduled.',
    ),
  );
  if (page.timeline) {
    parts.push(`<div class="chart">\n${renderTimelineSvg(page.timeline, { theme, ghostLabel: report.baseline.kind === 'planned' ? 'planned' : 'baseline' })}</div>`);
  }
  parts.push('<h3>Progress</h3>', `<p>${escapeXml(progressLine(report))}</p>`);
  parts.push(
    table(
      ['Phase', 'State', 'Checklist', '', 'Forecast', 'Variance', 'Float'],
      report.phases.map((p) => [p.name, STATE_LABELS[p.state], { num: `${p.done}/${p.total}` }, { html: bar(p.done, p.total) }, `${p.forecast.start} – ${p.forecast.end}`, { num: signedDays(p.variance) }, p.critical ? 'critical' : { num: p.float }]),
      'No phase is scheduled.',
    ),
  );
  parts.push('<h3>Late work</h3>');
  parts.push(
    table(
      ['Work', 'Phase', 'Owner', 'Due', 'Days late', 'Critical'],
      report.late.map((w) => [workLabel(w), w.phase, w.owner ?? '—', w.due, { num: w.daysLate }, w.critical ? { html: '<span class="late">critical</span>' } : '']),
      'Nothing is late.',
    ),
  );
  parts.push(`<h3>${escapeXml(`Coming up (next ${report.horizon} working days)`)}</h3>`);
  parts.push(table(['Work', 'Phase', 'Owner', 'Due'], report.comingUp.map((w) => [workLabel(w), w.phase, w.owner ?? '—', w.due]), 'Nothing is due.'));
  parts.push('<h3>High risks</h3>');
  parts.push(table(['Risk', 'Owner', 'Mitigation'], report.risks.map((r) => [r.description ?? r.id, r.owner ?? '—', r.mitigation ?? 'none']), 'No risk is rated high.'));
  parts.push('<h3>KPIs</h3>');
  parts.push(table(['KPI', 'Target', 'Review', 'Owner'], report.kpis.map((k) => [k.name ?? k.id, k.target ?? '—', k.review ?? '—', k.owner ?? '—']), 'No KPI is defined.'));
  parts.push('<h3>Findings</h3>', `<p>${escapeXml(findingsLine(report))}</p>`);
  if (report.findings.errors.length > 0) parts.push(table(['Line', 'Error', 'Rule'], report.findings.errors.map((e) => [{ num: e.line }, e.message, e.ruleId]), ''));
  return `<section class="plan" data-plan="${escapeXml(report.path)}">\n${parts.join('\n')}\n</section>`;
}

export function renderStatusHtml(pages: readonly StatusPage[], asOfSource: AsOfSource, options: StatusHtmlOptions = {}): string {
  const theme = options.theme ?? 'light';
  const title = titleLine(pages[0]?.report.asOf ?? '', asOfSource);
  return renderHtmlPage({
    title: pages.length === 1 ? `${pages[0].report.name}: status` : title,
    css: `${pageCss(theme)}${theme === 'vscode' ? `\n${timelineCss('vscode')}` : ''}`,
    main: `<h1>${escapeXml(title)}</h1>
${pages.map((page) => section(page, theme)).join('\n')}`,
    ...(options.csp ? { csp: options.csp } : {}),
  });
}
