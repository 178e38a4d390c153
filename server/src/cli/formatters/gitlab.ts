import { createHash } from 'node:crypto';
import type { Severity } from '../../engine/types';
import { jsonChunks, StreamedArray } from '../jsonChunks';
import { inOneString, oneBased, type ChunkedFormatter, type FileReport, type LintReport } from '../report';

/**
 * GitLab Code Quality JSON (a subset of the Code Climate spec): an array of issues with
 * description, check_name, fingerprint, severity and location { path, lines { begin, end } }.
 *
 * The fingerprint must stay the same while an issue stays unfixed, or GitLab reports it as
 * fixed and new on every unrelated edit: it is the SHA-256 of the rule, the file and the
 * finding's idPath with its messageId (or, without an idPath, its message), never line
 * numbers. GitLab keeps only the first issue of a fingerprint, so a second finding with the
 * same key gets its ordinal (2, 3, ...) hashed in as well.
 */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

function* issues(files: readonly FileReport[]) {
  for (const file of files) {
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      const key = [f.ruleId, file.display, f.idPath ? `${f.idPath}\u0000${f.messageId}` : f.message].join('\u0000');
      const ordinal = (seen.get(key) ?? 0) + 1;
      seen.set(key, ordinal);
      const fingerprint = createHash('sha256')
        .update(ordinal === 1 ? key : `${key}\u0000${ordinal}`)
        .digest('hex');
      const { line, endLine } = oneBased(f);
      yield {
        description: f.message,
        check_name: f.ruleId,
        fingerprint,
        severity: SEVERITY[f.severity],
        location: { path: file.display, lines: { begin: line, end: endLine } },
      };
    }
  }
}

/** The issues as data, streamed (jsonChunks.ts). */
export function gitlabDocument(report: LintReport): StreamedArray {
  return new StreamedArray(issues(report.files));
}

export const gitlabChunks: ChunkedFormatter = (report) => jsonChunks(gitlabDocument(report));

export const gitlab = inOneString(gitlabChunks);
