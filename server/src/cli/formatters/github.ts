import { capFindings, moreFindingsText } from '../../engine/capFindings';
import type { Severity } from '../../engine/types';
import { displayText } from '../../render/escape';
import { oneBased, wholeReport, type StreamedFormat } from '../report';

/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
 * which the runner turns into annotations on the pull request's changed lines. Paths are as
 * shown elsewhere (relative to the working directory), so run the linter from the repository
 * root, where the runner resolves them. The file property keeps the exact path (escaped, so
 * the runner finds the file); the message is human-readable text, shown through `displayText`
 * first, so no value can end the command early or start another one. Past MAX_ALIKE findings of
 * one kind in a file, one annotation on the file counts the rest (capFindings.ts).
 */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message part: `%`, CR and LF are escaped, as @actions/core's escapeData does. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as escapeData, plus `:` and `,`, which separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubStream: StreamedFormat = {
  file(file) {
    const lines: string[] = [];
    for (const entry of capFindings(file.findings)) {
      if ('more' in entry) {
        // One annotation on the file for the rest: the runner shows only the first few per step anyway.
        const properties = `file=${escapeProperty(file.display)},title=${escapeProperty(entry.like.ruleId)}`;
        lines.push(`::${COMMAND[entry.like.severity]} ${properties}::${escapeData(moreFindingsText(entry.more))}\n`);
        continue;
      }
      const f = entry.finding;
      const { line, column, endLine, endColumn } = oneBased(f);
      const properties = [
        `file=${escapeProperty(file.display)}`,
        `line=${line}`,
        `endLine=${endLine}`,
        `col=${column}`,
        `endColumn=${endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      lines.push(`::${COMMAND[f.severity]} ${properties}::${escapeData(displayText(f.message))}\n`);
    }
    return lines.join('');
  },
  end: () => '',
};

export const github = wholeReport(githubStream);
