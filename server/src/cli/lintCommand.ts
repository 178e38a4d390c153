import * as fs from 'node:fs';
import * as path from 'node:path';
import { dayFromIso } from '../engine/calendar';
import { lintFile, type LintOptions } from '../engine/lint';
import { projectRoot } from '../engine/projectRoot';
import { RULE_METAS } from '../engine/rules/index';
import type { Finding } from '../engine/types';
import { writeFileAtomic, WriteError } from '../platform/atomicWrite';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import { displayText } from '../render/escape';
import { makeParentFolders } from '../platform/parentFolders';
import { optionValue, parseArgs, UsageError, type ParsedArgs } from './args';
import { applyBaseline, buildBaseline, readBaseline, serializeBaseline, type Baseline } from './baseline';
import { collectFiles } from './collectFiles';
import { palette, shouldColor } from './color';
import { fixFile } from './fixFiles';
import { checkedFormat, formatsHelp } from './formatRegistry';
import { FORMATTERS } from './formatters/index';
import { ProgressLine, type StatusStream } from './progress';
import { plural, summarize, type FileReport } from './report';
import { unifiedDiff } from './unifiedDiff';
import { VERSION } from './version';

export const LINT_OPTIONS = {
  format: { value: true },
  output: { value: true },
  'as-of': { value: true },
  config: { value: true },
  fix: {},
  'fix-dry-run': {},
  baseline: { value: true },
  'update-baseline': {},
  quiet: {},
  'max-warnings': { value: true },
  'no-ignore': {},
  'no-color': {},
  help: {},
} as const;

export interface CommandIO {
  cwd: string;
  stdout: { write(s: string): void; isTTY?: boolean };
  stderr: StatusStream;
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

function checkedMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--max-warnings "${value}" is not a whole number`);
  return Number(value);
}

/** The plan files named on the command line and the engine options for each of them. */
function lintTargets(args: ParsedArgs, io: CommandIO): { files: string[]; optionsFor(file: string): LintOptions } {
  if (args.positionals.length === 0) throw new UsageError('name at least one plan file, directory or glob, for example: crm-rollout lint plans/');
  const asOf = checkedAsOf(optionValue(args, 'as-of'));
  const configArg = optionValue(args, 'config');
  const configPath = configArg ? path.resolve(io.cwd, configArg) : undefined;
  const fs = new NodeFileSystem();
  if (configPath && fs.kind(configPath) !== 'file') throw new UsageError(`--config "${configArg}" is not a readable file`);
  const files = collectFiles(args.positionals, io.cwd, { noIgnore: args.flags.has('no-ignore') });
  return { files, optionsFor: (file) => ({ fs, asOf, configPath, root: projectRoot(file, fs, { lastResort: io.cwd }) }) };
}

/** Lints the named files and returns the findings per file (shared by lint, fix and report commands). */
function lintPaths(args: ParsedArgs, io: CommandIO, progress?: ProgressLine): FileReport[] {
  const { files, optionsFor } = lintTargets(args, io);
  const reports: FileReport[] = [];
  try {
    for (const [index, file] of files.entries()) {
      progress?.count('linting', index, files.length, 'plan');
      const result = lintFile(file, optionsFor(file));
      if ('error' in result) throw new UsageError(result.error);
      reports.push({ path: file, display: displayPath(io.cwd, file), findings: result.findings, waived: result.waived });
      for (const f of result.configFindings) {
        const existing = reports.find((r) => r.path === f.file);
        if (existing) {
          if (!existing.findings.some((e) => e.offsets[0] === f.offsets[0] && e.message === f.message)) existing.findings.push(f);
        } else {
          reports.push({ path: f.file, display: displayPath(io.cwd, f.file), findings: [f] });
        }
      }
    }
  } finally {
    progress?.clear();
  }
  return reports;
}

interface FixRun {
  /** Whether any file changed (or, dry, would change). */
  changed: boolean;
  /** Files whose fixed text could not be written; each was left as it was. */
  failed: number;
}

/** `--fix` writes fixed files; `--fix-dry-run` prints their diff instead. A file that cannot be written does not stop the others. */
function runFixes(args: ParsedArgs, io: CommandIO, write: boolean, progress: ProgressLine): FixRun {
  const { files, optionsFor } = lintTargets(args, io);
  const run: FixRun = { changed: false, failed: 0 };
  try {
    for (const [index, file] of files.entries()) {
      progress.count(write ? 'fixing' : 'checking fixes in', index, files.length, 'plan');
      // The diff's body is the file's own text, exactly (a patch); names are shown safely.
      const shown = displayText(displayPath(io.cwd, file));
      const outcome = fixFile(file, optionsFor(file), write, shown);
      if (outcome.dropped > 0) {
        progress.print(`skipped ${outcome.dropped} ${outcome.dropped === 1 ? 'fix' : 'fixes'} in ${shown} that would have broken the YAML or changed other values\n`);
      }
      if (outcome.before === outcome.after) continue;
      if (outcome.writeError) {
        run.failed++;
        progress.print(`crm-rollout: ${outcome.writeError}\n`);
        continue;
      }
      run.changed = true;
      progress.print(`${write ? 'fixed' : 'would fix'} ${plural(outcome.fixed, 'problem')} in ${shown}\n`);
      if (!write) io.stdout.write(unifiedDiff(`a/${shown}`, `b/${shown}`, outcome.before, outcome.after));
    }
  } finally {
    progress.clear();
  }
  return run;
}

function checkCombinations(args: ParsedArgs): void {
  const given = (name: string) => args.flags.has(name) || args.options.has(name);
  if (given('fix') && given('fix-dry-run')) throw new UsageError('--fix and --fix-dry-run exclude each other; --fix-dry-run shows what --fix would write');
  if (given('fix-dry-run')) {
    for (const other of ['format', 'output', 'baseline', 'update-baseline', 'quiet', 'max-warnings']) {
      if (given(other)) throw new UsageError(`--fix-dry-run prints only a diff, so --${other} does not apply; drop one of them`);
    }
  }
  if (given('update-baseline') && !given('baseline')) throw new UsageError('--update-baseline needs --baseline <file> to name the file it writes');
}

/** Writes or applies the baseline; returns the reports with baselined findings removed. */
function withBaseline(reports: FileReport[], args: ParsedArgs, io: CommandIO): FileReport[] {
  const baselineArg = optionValue(args, 'baseline');
  if (baselineArg === undefined) return reports;
  const baselineFile = path.resolve(io.cwd, baselineArg);
  if (args.flags.has('update-baseline')) {
    const previous = fs.existsSync(baselineFile) ? readPreviousBaseline(baselineFile, baselineArg) : undefined;
    const baseline = buildBaseline(reports, baselineFile, previous);
    writeBaseline(baselineFile, baselineArg, serializeBaseline(baseline));
    const total = baseline.entries.reduce((n, e) => n + e.count, 0);
    io.stderr.write(`wrote ${displayText(baselineArg)} with ${plural(total, 'finding')}\n`);
    return applyBaseline(reports, baseline, baselineFile).reports;
  }
  const { reports: filtered, unused } = applyBaseline(reports, readBaseline(baselineFile, baselineArg), baselineFile);
  if (unused > 0) {
    io.stderr.write(`${plural(unused, 'baselined finding')} no longer ${unused === 1 ? 'occurs' : 'occur'}; run with --update-baseline to drop ${unused === 1 ? 'it' : 'them'} from ${displayText(baselineArg)}\n`);
  }
  return filtered;
}

/** The baseline being replaced: entries of files not linted now are kept; an unreadable one is simply replaced. */
function readPreviousBaseline(file: string, shownAs: string): Baseline | undefined {
  try {
    return readBaseline(file, shownAs);
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

export function runLint(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, LINT_OPTIONS);
  if (args.flags.has('help')) {
    io.stdout.write(LINT_HELP);
    return 0;
  }
  checkCombinations(args);
  const format = checkedFormat(FORMATTERS, optionValue(args, 'format') ?? 'stylish');
  const maxWarnings = checkedMaxWarnings(optionValue(args, 'max-warnings'));
  const output = optionValue(args, 'output');
  // Started before any work, so the delay counts from the start of the command, not of each phase.
  const progress = new ProgressLine(io.stderr, { quiet: args.flags.has('quiet') });
  if (args.flags.has('fix-dry-run')) return runFixes(args, io, false, progress).changed ? 1 : 0;
  const unwritten = args.flags.has('fix') ? runFixes(args, io, true, progress).failed : 0;
  let reports = withBaseline(lintPaths(args, io, progress), args, io);
  if (args.flags.has('quiet')) reports = reports.map((r) => ({ ...r, findings: r.findings.filter((f: Finding) => f.severity === 'error') }));
  const report = summarize(reports);
  const context = { rules: RULE_METAS, toolVersion: VERSION };
  const color = palette(shouldColor(io.stdout, args.flags.has('no-color')));
  if (output !== undefined) {
    // The chosen format goes to the file; the terminal still gets the human-readable report.
    writeReport(path.resolve(io.cwd, output), output, FORMATTERS[format].render(report, { ...context, color: palette(false) }));
    io.stdout.write(FORMATTERS.stylish.render(report, { ...context, color }));
  } else {
    io.stdout.write(FORMATTERS[format].render(report, { ...context, color: format === 'stylish' ? color : palette(false) }));
  }
  // A plan --fix could not write is a failure of the run, reported above, even when the rest is clean.
  if (unwritten > 0) return 2;
  if (report.errorCount > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && report.warningCount > maxWarnings) {
    io.stderr.write(`crm-rollout: ${report.warningCount} warnings exceed --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function writeReport(file: string, shownAs: string, text: string): void {
  writeNamedFile(file, text, `cannot write --output "${shownAs}"`, shownAs);
}

function writeBaseline(file: string, shownAs: string, text: string): void {
  writeNamedFile(file, text, `cannot write --baseline "${shownAs}"`, shownAs);
}

/** Writes a file the user named on the command line, atomically (platform/atomicWrite.ts); a failure is a usage error (exit 2). */
function writeNamedFile(file: string, text: string, failure: string, shownAs = file): void {
  try {
    makeParentFolders(file);
    writeFileAtomic(file, Buffer.from(text, 'utf8'), { shownAs });
  } catch (error) {
    if (error instanceof WriteError) throw new UsageError(`${failure}: ${error.message}`);
    throw new UsageError(`${failure} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

const LINT_HELP = `Usage: crm-rollout lint [options] <file|directory|glob>...

Checks rollout plans (*.rollout.yaml, *.rollout.yml) against the plan format and the
best-practice rules. A directory means every plan under it, respecting .gitignore
(unless --no-ignore).

Options:
  --format <name>         report format, one of:
${formatsHelp(FORMATTERS, 'stylish', 26)}
  --output <file>         write the report to a file; the terminal still gets stylish
  --as-of <YYYY-MM-DD>    date for date-sensitive rules such as overdue (off unless
                          given) and for waiver expiry (today unless given)
  --config <file>         use this configuration instead of the nearest .crm-rollout.yaml
  --fix                   apply every fix (never a suggestion), write the files that changed, then
                          report what is left
  --fix-dry-run           print a unified diff of what --fix would change; exit 1 when
                          there is something to fix
  --baseline <file>       report only findings that are not in this baseline
  --update-baseline       write every current finding to the --baseline file
  --quiet                 report errors only
  --max-warnings <n>      exit 1 when there are more than n warnings
  --no-ignore             also lint the plans that .gitignore ignores under a named
                          directory or glob
  --no-color              plain output even on a terminal
  --help                  show this help

Waivers: a plan's x-waivers list ({ rule, target, reason, owner, until }) silences
findings with an audit trail; they are listed under "waived" in --format json.

On a terminal, a run longer than a second shows its progress on stderr
(CRM_ROLLOUT_PROGRESS_DELAY_MS sets the delay; off with --quiet or when CI is set).

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad invocation or
unreadable path, 3 internal failure.
`;
