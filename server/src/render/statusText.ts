import type { StatusReport } from '../engine/status';
import { displayText } from './escape';
import { baselineHeading, baselineLabel, findingsLine, goLiveLabel, progressLine, signedDays, STATE_LABELS, titleLine, workLabel, type AsOfSource } from './statusWords';

/** The status reports for a terminal or a plain-text email: one section per plan. */

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')}`.trimEnd());
}

function section(report: StatusReport): string[] {
  const t = displayText;
  const lines = [`${t(report.name)} (${t(report.path)})`, t(report.status.reason)];
  for (const reason of report.status.reasons.slice(1)) lines.push(`  also: ${t(reason)}`);
  lines.push(`Compared with ${t(baselineLabel(report.baseline))}.`, '');
  lines.push('Go-lives');
  if (report.goLives.length === 0) lines.push('  no go-live phase is scheduled');
  else lines.push(...table([['wave', baselineHeading(report.baseline).toLowerCase(), 'forecast', 'variance'], ...report.goLives.map((g) => [t(goLiveLabel(g)), g.baseline ?? '—', g.forecast, signedDays(g.variance)])]));
  lines.push('', `Progress: ${t(progressLine(report))}`);
  if (report.phases.length > 0) {
    lines.push(...table(report.phases.map((p) => [t(p.id), STATE_LABELS[p.state], `${p.done}/${p.total}`, `${p.forecast.start} .. ${p.forecast.end}`, `variance ${signedDays(p.variance)}`, p.critical ? 'critical' : `float ${p.float}`])));
  }
  lines.push('', 'Late work');
  if (report.late.length === 0) lines.push('  nothing is late');
  else lines.push(...table(report.late.map((w) => [t(workLabel(w)), `phase ${t(w.phase)}`, `owner ${t(w.owner ?? '—')}`, `due ${w.due}`, `${w.daysLate} working day${w.daysLate === 1 ? '' : 's'} late`, w.critical ? 'critical' : ''])));
  lines.push('', `Coming up (next ${report.horizon} working days)`);
  if (report.comingUp.length === 0) lines.push('  nothing is due');
  else lines.push(...table(report.comingUp.map((w) => [t(workLabel(w)), `phase ${t(w.phase)}`, `owner ${t(w.owner ?? '—')}`, `due ${w.due}`])));
  lines.push('', 'High risks');
  if (report.risks.length === 0) lines.push('  none rated high');
  for (const r of report.risks) lines.push(`  ${t(r.id)}: ${t(r.description ?? '')} (owner ${t(r.owner ?? '—')}; mitigation: ${t(r.mitigation ?? 'none')})`);
  lines.push('', 'KPIs');
  if (report.kpis.length === 0) lines.push('  none');
  for (const k of report.kpis) lines.push(`  ${t(k.name ?? k.id)}: target ${t(k.target ?? '—')}, review ${t(k.review ?? '—')}`);
  lines.push('', `Findings: ${findingsLine(report)}`);
  for (const e of report.findings.errors) lines.push(`  ${e.line}:${e.column}  ${t(e.message)}  [${t(e.ruleId)}]`);
  return lines;
}

export function renderStatusText(reports: readonly StatusReport[], asOfSource: AsOfSource): string {
  const first = reports[0];
  const lines = [titleLine(first?.asOf ?? '', asOfSource)];
  for (const report of reports) lines.push('', ...section(report));
  return `${lines.join('\n')}\n`;
}
