import * as fs from 'node:fs';
import * as path from 'node:path';
import { dayFromIso } from '../engine/calendar';
import { RULE_METAS } from '../engine/rules/index';
import { writeFileAtomic, WriteError } from '../platform/atomicWrite';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import { displayText } from '../render/escape';
import { makeParentFolders } from '../platform/parentFolders';
import { optionValue, parseArgs, UsageError, type ParsedArgs } from './args';
import { BaselineFilter, buildBaseline, readBaseline, serializeBaseline, type Baseline } from './baseline';
import { collectFiles } from './collectFiles';
import { palette, shouldColor } from './color';
import { fixFile } from './fixFiles';
import { checkedFormat, formatsHelp } from './formatRegistry';
import { FORMATTERS, STREAMED_FORMATS } from './formatters/index';
import { displayPath, lintOneFile, lintOptions, type FileOutcome, type LintSetup } from './lintOneFile';
import { lintInOrder, threadCount } from './parallelLint';
import { ProgressLine, type StatusStream } from './progress';
import { addToTotals, emptyTotals, pieces, plural, type ChunkedFormatter, type FileReport, type FormatContext, type ReportTotals, type StreamedFormat } from './report';
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
  threads: { value: true },
  help: {},
} as const;

export interface CommandIO {
  cwd: string;
  stdout: { write(s: string): void; isTTY?: boolean };
  stderr: StatusStream;
}

export function checkedAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (dayFromIso(value) === undefined) throw new UsageError(`--as-of "${value}" is not a date; write it as YYYY-MM-DD`);
  return value;
}

function checkedThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--threads "${value}" is not a whole number of at least 1`);
  return Number(value);
}

function checkedMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--max-warnings "${value}" is not a whole number`);
  return Number(value);
}

/** The plan files named on the command line and what `lint` settles once for all of them. */
function lintTargets(args: ParsedArgs, io: CommandIO): { files: string[]; setup: LintSetup; fs: NodeFileSystem } {
  if (args.positionals.length === 0) throw new UsageError('name at least one plan file, directory or glob, for example: crm-rollout lint plans/');
  const asOf = checkedAsOf(optionValue(args, 'as-of'));
  const configArg = optionValue(args, 'config');
  const configPath = configArg ? path.resolve(io.cwd, configArg) : undefined;
  const fs = new NodeFileSystem();
  if (configPath && fs.kind(configPath) !== 'file') throw new UsageError(`--config "${configArg}" is not a readable file`);
  const files = collectFiles(args.positionals, io.cwd, { noIgnore: args.flags.has('no-ignore') });
  return { files, setup: { cwd: io.cwd, asOf, configPath }, fs };
}

/**
 * Lints the named files, on more than one thread when there are many (parallelLint.ts), and
 * hands each report to `sink` in file order as soon as it is ready: a plan's report, then the
 * report of its configuration file the first time that file has problems.
 */
function lintPaths(args: ParsedArgs, io: CommandIO, progress: ProgressLine, sink: (report: FileReport) => void): void {
  const { files, setup, fs } = lintTargets(args, io);
  const threads = threadCount(files.length, checkedThreads(optionValue(args, 'threads')));
  /** Findings of configuration files already reported, so each is reported once. */
  const configSeen = new Map<string, Set<string>>();
  const hand = (outcome: FileOutcome, index: number) => {
    if ('error' in outcome) throw new UsageError(outcome.error);
    progress.count('linting', index + 1, files.length, 'plan');
    const [plan, ...configs] = outcome.reports;
    sink(plan);
    for (const config of configs) {
      const seen = configSeen.get(config.path) ?? new Set<string>();
      configSeen.set(config.path, seen);
      const fresh = config.findings.filter((f) => !seen.has(`${f.offsets[0]}\u0000${f.message}`));
      for (const f of fresh) seen.add(`${f.offsets[0]}\u0000${f.message}`);
      if (fresh.length > 0) sink({ ...config, findings: fresh });
    }
  };
  try {
    progress.count('linting', 0, files.length, 'plan');
    lintInOrder(files, setup, threads, (file) => lintOneFile(file, setup, fs), hand);
  } finally {
    progress.clear();
  }
}

interface FixRun {
  /** Whether any file changed (or, dry, would change). */
  changed: boolean;
  /** Files whose fixed text could not be written; each was left as it was. */
  failed: number;
}

/** `--fix` writes fixed files; `--fix-dry-run` prints their diff instead. A file that cannot be written does not stop the others. */
function runFixes(args: ParsedArgs, io: CommandIO, write: boolean, progress: ProgressLine): FixRun {
  const { files, setup, fs } = lintTargets(args, io);
  const run: FixRun = { changed: false, failed: 0 };
  try {
    for (const [index, file] of files.entries()) {
      progress.count(write ? 'fixing' : 'checking fixes in', index, files.length, 'plan');
      // The diff's body is the file's own text, exactly (a patch); names are shown safely.
      const shown = displayText(displayPath(io.cwd, file));
      const outcome = fixFile(file, lintOptions(file, setup, fs), write, shown);
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
    for (const other of ['format', 'output', 'baseline', 'update-baseline', 'quiet', 'max-warnings', 'threads']) {
      if (given(other)) throw new UsageError(`--fix-dry-run prints only a diff, so --${other} does not apply; drop one of them`);
    }
  }
  if (given('update-baseline') && !given('baseline')) throw new UsageError('--update-baseline needs --baseline <file> to name the file it writes');
}

/** Where the report goes: the terminal, streamed when its format allows, and the `--output` file. */
interface ReportOutput {
  terminal: { render: ChunkedFormatter; streamed?: StreamedFormat; context: FormatContext };
  file?: { name: string; render: ChunkedFormatter; context: FormatContext };
}

/**
 * Where each file's report goes once it is linted: through the baseline and `--quiet`, into
 * the totals, and out. A streamed format (stylish, github) is printed file by file and keeps
 * nothing; the others need the whole set and keep the small reports until the end; so does
 * `--update-baseline`, which must see every finding before it can write the baseline.
 */
class ReportSink {
  readonly totals = emptyTotals();
  private readonly kept: FileReport[] = [];
  /** The reports before any baseline, while `--update-baseline` waits for all of them. */
  private readonly unfiltered: FileReport[] = [];
  private readonly keep: boolean;
  private readonly baselineFile?: string;
  private filter?: BaselineFilter;

  constructor(
    private readonly args: ParsedArgs,
    private readonly io: CommandIO,
    private readonly progress: ProgressLine,
    private readonly out: ReportOutput,
  ) {
    const baselineArg = optionValue(args, 'baseline');
    if (baselineArg !== undefined) this.baselineFile = path.resolve(io.cwd, baselineArg);
    if (this.baselineFile && !args.flags.has('update-baseline')) this.filter = new BaselineFilter(readBaseline(this.baselineFile, baselineArg ?? ''), this.baselineFile);
    this.keep = out.file !== undefined || out.terminal.streamed === undefined;
  }

  readonly add = (report: FileReport): void => {
    if (this.args.flags.has('update-baseline')) this.unfiltered.push(report);
    else this.show(this.filter ? this.filter.filter(report) : report);
  };

  private show(filtered: FileReport): void {
    const report = this.args.flags.has('quiet') ? { ...filtered, findings: filtered.findings.filter((f) => f.severity === 'error') } : filtered;
    addToTotals(this.totals, report);
    if (this.keep) this.kept.push(report);
    const text = this.out.terminal.streamed?.file(report, this.out.terminal.context);
    if (text) {
      this.progress.clear();
      this.io.stdout.write(text);
    }
  }

  /** Writes the baseline if asked to, then the rest of the report; returns the totals. */
  finish(): ReportTotals {
    const baselineArg = optionValue(this.args, 'baseline') ?? '';
    if (this.baselineFile && this.args.flags.has('update-baseline')) {
      const previous = fs.existsSync(this.baselineFile) ? readPreviousBaseline(this.baselineFile, baselineArg) : undefined;
      const baseline = buildBaseline(this.unfiltered, this.baselineFile, previous);
      writeBaseline(this.baselineFile, baselineArg, serializeBaseline(baseline));
      const total = baseline.entries.reduce((n, e) => n + e.count, 0);
      this.io.stderr.write(`wrote ${displayText(baselineArg)} with ${plural(total, 'finding')}\n`);
      const filter = new BaselineFilter(baseline, this.baselineFile);
      for (const report of this.unfiltered.splice(0)) this.show(filter.filter(report));
    } else if (this.filter) {
      const unused = this.filter.unused();
      if (unused > 0) {
        this.io.stderr.write(`${plural(unused, 'baselined finding')} no longer ${unused === 1 ? 'occurs' : 'occur'}; run with --update-baseline to drop ${unused === 1 ? 'it' : 'them'} from ${displayText(baselineArg)}\n`);
      }
    }
    const whole = { files: this.kept, ...this.totals };
    const { terminal, file } = this.out;
    if (file) writeReport(path.resolve(this.io.cwd, file.name), file.name, file.render(whole, file.context));
    const rest = terminal.streamed ? [terminal.streamed.end(this.totals, terminal.context)] : terminal.render(whole, terminal.context);
    for (const piece of pieces(rest)) this.io.stdout.write(piece);
    return this.totals;
  }
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
  // Started before any work, so the delay counts from the start of the command, not of each phase.
  const progress = new ProgressLine(io.stderr, { quiet: args.flags.has('quiet') });
  if (args.flags.has('fix-dry-run')) return runFixes(args, io, false, progress).changed ? 1 : 0;
  const unwritten = args.flags.has('fix') ? runFixes(args, io, true, progress).failed : 0;
  const sink = new ReportSink(args, io, progress, reportOutput(args, io, format));
  lintPaths(args, io, progress, sink.add);
  const totals = sink.finish();
  // A plan --fix could not write is a failure of the run, reported above, even when the rest is clean.
  if (unwritten > 0) return 2;
  if (totals.errorCount > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && totals.warningCount > maxWarnings) {
    io.stderr.write(`crm-rollout: ${totals.warningCount} warnings exceed --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The chosen format goes to the `--output` file, and then the terminal still gets the human-readable report. */
function reportOutput(args: ParsedArgs, io: CommandIO, format: keyof typeof FORMATTERS): ReportOutput {
  const context = { rules: RULE_METAS, toolVersion: VERSION };
  const color = palette(shouldColor(io.stdout, args.flags.has('no-color')));
  const output = optionValue(args, 'output');
  const terminalFormat = output === undefined ? format : 'stylish';
  const terminal = {
    render: FORMATTERS[terminalFormat].render,
    streamed: STREAMED_FORMATS[terminalFormat],
    context: { ...context, color: terminalFormat === 'stylish' ? color : palette(false) },
  };
  if (output === undefined) return { terminal };
  return { terminal, file: { name: output, render: FORMATTERS[format].render, context: { ...context, color: palette(false) } } };
}

function writeReport(file: string, shownAs: string, text: Iterable<string>): void {
  writeNamedFile(file, text, `cannot write --output "${shownAs}"`, shownAs);
}

function writeBaseline(file: string, shownAs: string, text: Iterable<string>): void {
  writeNamedFile(file, text, `cannot write --baseline "${shownAs}"`, shownAs);
}

/** Each piece of a text as UTF-8 (pieces never split a surrogate pair). */
function* utf8(text: Iterable<string>): Generator<Uint8Array, void, undefined> {
  for (const piece of pieces(text)) yield Buffer.from(piece, 'utf8');
}

/**
 * Writes a file the user named on the command line, piece by piece and atomically
 * (platform/atomicWrite.ts); a failure is a usage error (exit 2).
 */
function writeNamedFile(file: string, text: Iterable<string>, failure: string, shownAs = file): void {
  try {
    makeParentFolders(file);
    writeFileAtomic(file, utf8(text), { shownAs });
  } catch (error) {
    if (error instanceof UsageError) throw error;
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
  --threads <n>           lint on n threads (default: 2 from 32 plans on when there is a
                          second core, else 1); the report is the same either way
  --help                  show this help

Waivers: a plan's x-waivers list ({ rule, target, reason, owner, until }) silences
findings with an audit trail; they are listed under "waived" in --format json.

On a terminal, a run longer than a second shows its progress on stderr
(CRM_ROLLOUT_PROGRESS_DELAY_MS sets the delay; off with --quiet or when CI is set).

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad invocation or
unreadable path, 3 internal failure.
`;
