import type { Severity } from '../../engine/types';
import { displayText } from '../../render/escape';
import type { Palette } from '../color';
import { hiddenSummary, oneBased, plural, problemSummary, type Formatter } from '../report';

function severityLabel(severity: Severity, color: Palette): string {
  const padded = severity.padEnd(7);
  if (severity === 'error') return color.red(padded);
  if (severity === 'warning') return color.yellow(padded);
  return color.blue(padded);
}

/**
 * `file:line:col  severity  message  [rule-id]`, grouped by file, then a summary line. File
 * names and messages (which quote plan values) are shown through `displayText`: one finding
 * is one line, and no value can write a control sequence or a workflow command to the log.
 */
export const stylish: Formatter = (report, { color }) => {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const display = displayText(file.display);
    lines.push(color.underline(display));
    for (const f of file.findings) {
      const { line, column } = oneBased(f);
      lines.push(`  ${display}:${line}:${column}  ${severityLabel(f.severity, color)}  ${displayText(f.message)}  ${color.dim(`[${displayText(f.ruleId)}]`)}`);
    }
    lines.push('');
  }
  const total = report.errorCount + report.warningCount + report.infoCount;
  const checked = plural(report.files.length, 'file');
  const hidden = hiddenSummary(report);
  if (total === 0) {
    lines.push(color.green(`✔ ${checked} checked, no problems${hidden}`));
  } else {
    const mark = report.errorCount > 0 ? color.red('✖') : color.yellow('⚠');
    lines.push(color.bold(`${mark} ${problemSummary(report)} in ${checked}${hidden}`));
  }
  return `${lines.join('\n')}\n`;
};
