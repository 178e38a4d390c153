import type { RuleMeta } from '../engine/rules/types';
import type { Finding, Fix } from '../engine/types';
import type { WaivedFinding } from '../engine/waivers';
import type { Palette } from './color';

/**
 * What a report shows of a finding: no data, related locations or fix edits, only each fix's
 * kind. A reported file keeps nothing of its parse (the engine's findings can hold nodes of
 * the Document), so a batch of a thousand plans holds a thousand small reports, not a
 * thousand parses, and a report crosses from a worker thread as plain data.
 */
export type ReportedFinding = Pick<Finding, 'ruleId' | 'messageId' | 'severity' | 'message' | 'range' | 'offsets' | 'idPath'> & {
  fixes?: readonly Pick<Fix, 'kind'>[];
};

/** A waived finding as reported: the finding and what the audit needs of its waiver. */
export interface ReportedWaiver {
  finding: ReportedFinding;
  waiver: Pick<WaivedFinding['waiver'], 'target' | 'reason' | 'owner' | 'until'>;
}

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user: relative to the working directory, with forward slashes. */
  display: string;
  findings: ReportedFinding[];
  /** Findings the plan's `x-waivers` silence (never in `findings`). */
  waived?: ReportedWaiver[];
  /** How many findings the `--baseline` file hid. */
  baselined?: number;
}

/** The counts every summary line shows; a streamed report knows them only at its end. */
export interface ReportTotals {
  fileCount: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  waivedCount: number;
  baselinedCount: number;
}

export interface LintReport extends ReportTotals {
  files: FileReport[];
}

export interface FormatContext {
  color: Palette;
  rules: readonly RuleMeta[];
  toolVersion: string;
}

export type Formatter = (report: LintReport, context: FormatContext) => string;

/**
 * A format's output as a sequence of pieces written one after another (jsonChunks.ts), so no
 * report has to be one string, however many findings it has; what the CLI writes.
 */
export type ChunkedFormatter = (report: LintReport, context: FormatContext) => Iterable<string>;

/** A format whose output is small enough (or capped) to be one string. */
export function inOneChunk(format: Formatter): ChunkedFormatter {
  return (report, context) => [format(report, context)];
}

/** The whole output of a chunked format as one string: for small reports and tests. */
export function inOneString(format: ChunkedFormatter): Formatter {
  return (report, context) => [...format(report, context)].join('');
}

/** How long a piece the CLI writes at once grows (in UTF-16 code units) before it is written. */
export const PIECE_LENGTH = 64 * 1024;

/**
 * Joins small chunks into pieces of about `length` (one write each, not one per finding); a
 * piece is longer only by its last chunk. A piece never ends between the two halves of a
 * surrogate pair, so each piece can be encoded to UTF-8 on its own.
 */
export function* pieces(chunks: Iterable<string>, length = PIECE_LENGTH): Generator<string, void, undefined> {
  let piece = '';
  for (const chunk of chunks) {
    piece += chunk;
    if (piece.length < length) continue;
    const last = piece.charCodeAt(piece.length - 1);
    const cut = last >= 0xd800 && last <= 0xdbff ? piece.length - 1 : piece.length;
    yield piece.slice(0, cut);
    piece = piece.slice(cut);
  }
  if (piece !== '') yield piece;
}

/**
 * A format whose output is each file's part in file order and then a summary, so a long run
 * can print each file as soon as it is linted and keep nothing of it.
 */
export interface StreamedFormat {
  file(file: FileReport, context: FormatContext): string;
  end(totals: ReportTotals, context: FormatContext): string;
}

/** The whole report of a streamed format, file by file: exactly what streaming it prints. */
export function streamedReport(format: StreamedFormat): ChunkedFormatter {
  return function* (report, context) {
    for (const file of report.files) yield format.file(file, context);
    yield format.end(report, context);
  };
}

/** The whole report of a streamed format at once: exactly what streaming it prints. */
export function wholeReport(format: StreamedFormat): Formatter {
  return inOneString(streamedReport(format));
}

export function summarize(files: FileReport[]): LintReport {
  const totals = emptyTotals();
  for (const file of files) addToTotals(totals, file);
  return { files, ...totals };
}

export function emptyTotals(): ReportTotals {
  return { fileCount: 0, errorCount: 0, warningCount: 0, infoCount: 0, waivedCount: 0, baselinedCount: 0 };
}

/** Counts one more file's findings into `totals`. */
export function addToTotals(totals: ReportTotals, file: FileReport): void {
  totals.fileCount++;
  for (const f of file.findings) {
    if (f.severity === 'error') totals.errorCount++;
    else if (f.severity === 'warning') totals.warningCount++;
    else totals.infoCount++;
  }
  totals.waivedCount += file.waived?.length ?? 0;
  totals.baselinedCount += file.baselined ?? 0;
}

/** A finding as a report keeps it (see ReportedFinding). */
export function reportedFinding(f: ReportedFinding): ReportedFinding {
  const reported: ReportedFinding = { ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, message: f.message, range: f.range, offsets: f.offsets };
  if (f.idPath) reported.idPath = f.idPath;
  if (f.fixes) reported.fixes = f.fixes.map((x) => ({ kind: x.kind }));
  return reported;
}

/** A waived finding as a report keeps it. */
export function reportedWaiver({ finding, waiver }: ReportedWaiver): ReportedWaiver {
  return {
    finding: reportedFinding(finding),
    waiver: { target: waiver.target, reason: waiver.reason, owner: waiver.owner, ...(waiver.until ? { until: waiver.until } : {}) },
  };
}

/** 1-based line and column of a finding's start and end, as every report format shows them. */
export function oneBased(f: ReportedFinding) {
  return {
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `8 problems (5 errors, 3 warnings, 0 info)`: the one summary every human-readable format shows. */
export function problemSummary(report: ReportTotals): string {
  const total = report.errorCount + report.warningCount + report.infoCount;
  const parts = [plural(report.errorCount, 'error'), plural(report.warningCount, 'warning'), `${report.infoCount} info`];
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}

/** `; 2 waived, 3 in the baseline`, or nothing when no finding was hidden. */
export function hiddenSummary(report: ReportTotals): string {
  const parts: string[] = [];
  if (report.waivedCount > 0) parts.push(`${report.waivedCount} waived`);
  if (report.baselinedCount > 0) parts.push(`${report.baselinedCount} in the baseline`);
  return parts.length ? `; ${parts.join(', ')}` : '';
}
