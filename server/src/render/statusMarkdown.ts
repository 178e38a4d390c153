import type { StatusReport } from '../engine/status';
import { escapeMarkdown } from './escape';
import { baselineHeading, baselineLabel, findingsLine, goLiveLabel, progressLine, reasonAfterColour, signedDays, STATE_LABELS, titleLine, workLabel, type AsOfSource } from './statusWords';

/**
 * The status reports as GitHub-flavoured Markdown, for a pull-request or issue comment or a
 * wiki page. Every plan string goes through escapeMarkdown: no raw HTML, no @mention.
 */

const COLOUR_BADGE = { red: '🔴 Red', amber: '🟠 Amber', green: '🟢 Green' } as const;

function table(head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function section(report: StatusReport): string[] {
  const m = escapeMarkdown;
  const lines = [`## ${m(report.name)}`, '', `**${COLOUR_BADGE[report.status.colour]}**: ${m(reasonAfterColour(report.status))}`, ''];
  for (const reason of report.status.reasons.slice(1)) lines.push(`- ${m(reason)}`);
  if (report.status.reasons.length > 1) lines.push('');
  lines.push(`Plan ${m(report.path)}, compared with ${m(baselineLabel(report.baseline))}.`, '');
  lines.push('### Go-lives', '');
  if (report.goLives.length === 0) lines.push('No go-live phase is scheduled.');
  lines.push(...table(['Wave', baselineHeading(report.baseline), 'Forecast', 'Variance (working days)'], report.goLives.map((g) => [m(goLiveLabel(g)), g.baseline ?? '—', g.forecast, signedDays(g.variance)])));
  lines.push('', '### Progress', '', m(progressLine(report)), '');
  lines.push(...table(['Phase', 'State', 'Done', 'Forecast', 'Variance', 'Float'], report.phases.map((p) => [m(p.name), STATE_LABELS[p.state], `${p.done}/${p.total}`, `${p.forecast.start} – ${p.forecast.end}`, signedDays(p.variance), p.critical ? '**critical**' : String(p.float)])));
  lines.push('', '### Late work', '');
  if (report.late.length === 0) lines.push('Nothing is late.');
  lines.push(...table(['Work', 'Phase', 'Owner', 'Due', 'Days late', 'Critical'], report.late.map((w) => [m(workLabel(w)), m(w.phase), m(w.owner ?? '—'), w.due, String(w.daysLate), w.critical ? '**yes**' : 'no'])));
  lines.push('', `### Coming up (next ${report.horizon} working days)`, '');
  if (report.comingUp.length === 0) lines.push('Nothing is due.');
  lines.push(...table(['Work', 'Phase', 'Owner', 'Due'], report.comingUp.map((w) => [m(workLabel(w)), m(w.phase), m(w.owner ?? '—'), w.due])));
  lines.push('', '### High risks', '');
  if (report.risks.length === 0) lines.push('No risk is rated high.');
  lines.push(...table(['Risk', 'Owner', 'Mitigation'], report.risks.map((r) => [m(r.description ?? r.id), m(r.owner ?? '—'), m(r.mitigation ?? 'none')])));
  lines.push('', '### KPIs', '');
  if (report.kpis.length === 0) lines.push('No KPI is defined.');
  lines.push(...table(['KPI', 'Target', 'Review', 'Owner'], report.kpis.map((k) => [m(k.name ?? k.id), m(k.target ?? '—'), m(k.review ?? '—'), m(k.owner ?? '—')])));
  lines.push('', '### Findings', '', findingsLine(report) + (report.findings.errors.length > 0 ? ':' : '.'), '');
  for (const e of report.findings.errors) lines.push(`- line ${e.line}: ${m(e.message)} (${m(e.ruleId)})`);
  return lines;
}

export function renderStatusMarkdown(reports: readonly StatusReport[], asOfSource: AsOfSource): string {
  const lines = [`# ${titleLine(reports[0]?.asOf ?? '', asOfSource).replace('--as-of', '`--as-of`')}`];
  for (const report of reports) lines.push('', ...section(report));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
