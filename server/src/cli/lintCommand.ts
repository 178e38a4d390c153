import * as path from 'node:path';
import { dayFromIso } from '../engine/calendar';
import { lintFile } from '../engine/lint';
import { RULE_METAS } from '../engine/rules/index';
import type { Finding } from '../engine/types';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import { optionValue, parseArgs, UsageError, type ParsedArgs } from './args';
import { collectFiles } from './collectFiles';
import { palette, shouldColor } from './color';
import { FORMATTERS } from './formatters/index';
import { repositoryRoot } from './projectRoot';
import { summarize, type FileReport } from './report';
import { VERSION } from './version';

export const LINT_OPTIONS = {
  format: { value: true },
  'as-of': { value: true },
  config: { value: true },
  quiet: {},
  'max-warnings': { value: true },
  'no-color': {},
  help: {},
} as const;

export interface CommandIO {
  cwd: string;
  stdout: { write(s: string): void; isTTY?: boolean };
  stderr: { write(s: string): void };
}

function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

export function checkedAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (dayFromIso(value) === undefined) throw new UsageError(`--as-of "${value}" is not a date; write it as YYYY-MM-DD`);
  return value;
}

export function checkedFormat(value: string | undefined): string {
  const format = value ?? 'stylish';
  if (!FORMATTERS[format]) throw new UsageError(`unknown format "${format}"; use one of ${Object.keys(FORMATTERS).join(', ')}`);
  return format;
}

function checkedMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--max-warnings "${value}" is not a whole number`);
  return Number(value);
}

/** Lints the named files and returns the findings per file (shared by lint, fix and report commands). */
export function lintPaths(args: ParsedArgs, io: CommandIO): FileReport[] {
  if (args.positionals.length === 0) throw new UsageError('name at least one plan file, directory or glob, for example: crm-rollout lint plans/');
  const asOf = checkedAsOf(optionValue(args, 'as-of'));
  const configArg = optionValue(args, 'config');
  const configPath = configArg ? path.resolve(io.cwd, configArg) : undefined;
  const fs = new NodeFileSystem();
  if (configPath && fs.kind(configPath) !== 'file') throw new UsageError(`--config "${configArg}" is not a readable file`);
  const files = collectFiles(args.positionals, io.cwd);
  const reports: FileReport[] = [];
  for (const file of files) {
    const root = repositoryRoot(path.dirname(file));
    const result = lintFile(file, { fs, asOf, configPath, root });
    if ('error' in result) throw new UsageError(result.error);
    reports.push({ path: file, display: displayPath(io.cwd, file), findings: result.findings });
    for (const f of result.configFindings) {
      const existing = reports.find((r) => r.path === f.file);
      if (existing) {
        if (!existing.findings.some((e) => e.offsets[0] === f.offsets[0] && e.message === f.message)) existing.findings.push(f);
      } else {
        reports.push({ path: f.file, display: displayPath(io.cwd, f.file), findings: [f] });
      }
    }
  }
  return reports;
}

export function runLint(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, LINT_OPTIONS);
  if (args.flags.has('help')) {
    io.stdout.write(LINT_HELP);
    return 0;
  }
  const format = checkedFormat(optionValue(args, 'format'));
  const maxWarnings = checkedMaxWarnings(optionValue(args, 'max-warnings'));
  const quiet = args.flags.has('quiet');
  let reports = lintPaths(args, io);
  if (quiet) reports = reports.map((r) => ({ ...r, findings: r.findings.filter((f: Finding) => f.severity === 'error') }));
  const report = summarize(reports);
  const color = palette(format === 'stylish' && shouldColor(io.stdout, args.flags.has('no-color')));
  io.stdout.write(FORMATTERS[format](report, { color, rules: RULE_METAS, toolVersion: VERSION }));
  if (report.errorCount > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && report.warningCount > maxWarnings) {
    io.stderr.write(`crm-rollout: ${report.warningCount} warnings exceed --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

export const LINT_HELP = `Usage: crm-rollout lint [options] <file|directory|glob>...

Checks rollout plans (*.rollout.yaml, *.rollout.yml) against the plan format and the
best-practice rules. A directory means every plan under it, respecting .gitignore.

Options:
  --format <name>       stylish (default), json or sarif
  --as-of <YYYY-MM-DD>  date for date-sensitive rules such as overdue (off unless given)
  --config <file>       use this configuration instead of the nearest .crm-rollout.yaml
  --quiet               report errors only
  --max-warnings <n>    exit 1 when there are more than n warnings
  --no-color            plain output even on a terminal
  --help                show this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad invocation or
unreadable path, 3 internal failure.
`;
