import type { RuleMeta } from '../engine/rules/types';
import type { Finding } from '../engine/types';
import type { Palette } from './color';

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user: relative to the working directory, with forward slashes. */
  display: string;
  findings: Finding[];
}

export interface LintReport {
  files: FileReport[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
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
