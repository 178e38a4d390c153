import type { RuleMeta } from '../engine/rules/types';
import type { Finding } from '../engine/types';
import type { WaivedFinding } from '../engine/waivers';
import type { Palette } from './color';

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user: relative to the working directory, with forward slashes. */
  display: string;
  findings: Finding[];
  /** Findings the plan's `x-waivers` silence (never in `findings`). */
  waived?: WaivedFinding[];
  /** How many findings the `--baseline` file hid. */
  baselined?: number;
}

interface LintReport {
  files: FileReport[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  waivedCount: number;
  baselinedCount: number;
}

export interface FormatContext {
  color: Palette;
  rules: readonly RuleMeta[];
  toolVersion: string;
}

export type Formatter = (report: LintReport, context: FormatContext) => string;

export function summarize(files: FileReport[]): LintReport {
  const all = files.flatMap((f) => f.findings);
  return {
    files,
    errorCount: all.filter((f) => f.severity === 'error').length,
    warningCount: all.filter((f) => f.severity === 'warning').length,
    infoCount: all.filter((f) => f.severity === 'info').length,
    waivedCount: files.reduce((n, f) => n + (f.waived?.length ?? 0), 0),
    baselinedCount: files.reduce((n, f) => n + (f.baselined ?? 0), 0),
  };
}

/** 1-based line and column of a finding's start and end, as every report format shows them. */
export function oneBased(f: Finding) {
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
export function problemSummary(report: LintReport): string {
  const total = report.errorCount + report.warningCount + report.infoCount;
  const parts = [plural(report.errorCount, 'error'), plural(report.warningCount, 'warning'), `${report.infoCount} info`];
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}

/** `; 2 waived, 3 in the baseline`, or nothing when no finding was hidden. */
export function hiddenSummary(report: LintReport): string {
  const parts: string[] = [];
  if (report.waivedCount > 0) parts.push(`${report.waivedCount} waived`);
  if (report.baselinedCount > 0) parts.push(`${report.baselinedCount} in the baseline`);
  return parts.length ? `; ${parts.join(', ')}` : '';
}
