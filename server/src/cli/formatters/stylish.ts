import { capFindings, moreFindingsText } from '../../engine/capFindings';
import type { Severity } from '../../engine/types';
import { displayText } from '../../render/escape';
import type { Palette } from '../color';
import { hiddenSummary, oneBased, plural, problemSummary, wholeReport, type StreamedFormat } from '../report';

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
 * Past MAX_ALIKE findings of one kind in a file, one line counts the rest (capFindings.ts).
 */
export const stylishStream: StreamedFormat = {
  file(file, { color }) {
    if (file.findings.length === 0) return '';
    const display = displayText(file.display);
    const lines = [color.underline(display)];
    for (const entry of capFindings(file.findings)) {
      if ('more' in entry) {
        lines.push(`  ${color.dim(moreFindingsText(entry.more))}  ${color.dim(`[${displayText(entry.like.ruleId)}]`)}`);
        continue;
      }
      const f = entry.finding;
      const { line, column } = oneBased(f);
      lines.push(`  ${display}:${line}:${column}  ${severityLabel(f.severity, color)}  ${displayText(f.message)}  ${color.dim(`[${displayText(f.ruleId)}]`)}`);
    }
    return `${lines.join('\n')}\n\n`;
  },
  end(totals, { color }) {
    const total = totals.errorCount + totals.warningCount + totals.infoCount;
    const checked = plural(totals.fileCount, 'file');
    const hidden = hiddenSummary(totals);
    if (total === 0) return `${color.green(`✔ ${checked} checked, no problems${hidden}`)}\n`;
    const mark = totals.errorCount > 0 ? color.red('✖') : color.yellow('⚠');
    return `${color.bold(`${mark} ${problemSummary(totals)} in ${checked}${hidden}`)}\n`;
  },
};

export const stylish = wholeReport(stylishStream);
