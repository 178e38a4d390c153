import * as path from 'node:path';
import { lintFile, type LintOptions } from '../engine/lint';
import { projectRoot } from '../engine/projectRoot';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import { reportedFinding, reportedWaiver, type FileReport } from './report';

/**
 * Linting one plan for a report, the same on the main thread and in a worker thread
 * (lintWorker.ts): what the command line fixed for every file, and what comes back, as plain
 * data that crosses threads.
 */

/** What `lint` settles once for all its files. */
export interface LintSetup {
  cwd: string;
  asOf?: string;
  configPath?: string;
}

/**
 * A plan's report, then one report per configuration file with problems (their findings are
 * located in that file); or the error that stops the run (the file could not be read).
 */
export type FileOutcome = { reports: FileReport[] } | { error: string };

export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/** The engine's options for one plan: its project root decides which configuration applies. */
export function lintOptions(file: string, setup: LintSetup, fs: NodeFileSystem): LintOptions {
  return { fs, asOf: setup.asOf, configPath: setup.configPath, root: projectRoot(file, fs, { lastResort: setup.cwd }) };
}

export function lintOneFile(file: string, setup: LintSetup, fs: NodeFileSystem): FileOutcome {
  const result = lintFile(file, lintOptions(file, setup, fs));
  if ('error' in result) return { error: result.error };
  const reports: FileReport[] = [
    { path: file, display: displayPath(setup.cwd, file), findings: result.findings.map(reportedFinding), waived: result.waived.map(reportedWaiver) },
  ];
  const byConfig = new Map<string, FileReport>();
  for (const f of result.configFindings) {
    let report = byConfig.get(f.file);
    if (!report) {
      report = { path: f.file, display: displayPath(setup.cwd, f.file), findings: [] };
      byConfig.set(f.file, report);
      reports.push(report);
    }
    if (!report.findings.some((e) => e.offsets[0] === f.offsets[0] && e.message === f.message)) report.findings.push(reportedFinding(f));
  }
  return { reports };
}
