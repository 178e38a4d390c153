import { ruleDocUrl } from '../../engine/ruleDocs';
import { escapeMarkdown } from '../../render/escape';
import { hiddenSummary, oneBased, plural, problemSummary, type Formatter } from '../report';

/**
 * A Markdown report for a pull-request comment: a summary line, then one table per file with
 * findings (severity, line, rule linked to its page, message). Cell text is escaped
 * (render/escape.ts) so a `|`, markup, a line break or an `@` mention in a message cannot break
 * the table or notify anyone. GitHub refuses comments over 65,536
 * characters, so past MAX_LENGTH the remaining rows are counted instead of listed.
 */
export const MAX_LENGTH = 60_000;

export const markdown: Formatter = (report) => {
  const total = report.errorCount + report.warningCount + report.infoCount;
  const checked = plural(report.files.length, 'file');
  const hidden = hiddenSummary(report);
  const head = total === 0 ? `### crm-rollout: no problems in ${checked}${hidden}` : `### crm-rollout: ${problemSummary(report)} in ${checked}${hidden}`;
  const out: string[] = [head];
  let length = head.length;
  let omitted = 0;
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const table = ['', `**${escapeMarkdown(file.display)}**`, '', '| Severity | Line | Rule | Message |', '| --- | ---: | --- | --- |'];
    const rows: string[] = [];
    for (const f of file.findings) {
      const row = `| ${f.severity} | ${oneBased(f).line} | [${escapeMarkdown(f.ruleId)}](${ruleDocUrl(f.ruleId)}) | ${escapeMarkdown(f.message)} |`;
      const added = row.length + 1 + (rows.length === 0 ? table.join('\n').length + 1 : 0);
      if (omitted > 0 || length + added > MAX_LENGTH) {
        omitted++;
        continue;
      }
      rows.push(row);
      length += added;
    }
    if (rows.length > 0) out.push(...table, ...rows);
  }
  if (omitted > 0) out.push('', `…and ${plural(omitted, 'more problem')} not shown here; see the full report in the job log.`);
  return `${out.join('\n')}\n`;
};
