import * as path from 'node:path';
import { parseDuration, todayIso } from '../engine/calendar';
import { buildStatus, forecastTimeline, type StatusColour } from '../engine/status';
import { writeFileAtomic, WriteError } from '../platform/atomicWrite';
import { displayText } from '../render/escape';
import { renderStatusHtml, type StatusPage } from '../render/statusHtml';
import { renderStatusMarkdown } from '../render/statusMarkdown';
import { renderStatusText } from '../render/statusText';
import type { AsOfSource } from '../render/statusWords';
import { optionValue, parseArgs, UsageError } from './args';
import { collectFiles } from './collectFiles';
import { checkedFormat, formatNames, formatOfExtension, formatsHelp, type FormatRegistry } from './formatRegistry';
import { checkedAsOf, type CommandIO } from './lintCommand';
import { baselineIsFile, scheduleBaseline } from './planBaseline';
import { displayPath, lintPlanFile } from './timelineCommand';

const STATUS_OPTIONS = {
  format: { value: true },
  output: { value: true },
  'as-of': { value: true },
  baseline: { value: true },
  horizon: { value: true },
  'fail-on': { value: true },
  help: {},
} as const;

const DEFAULT_HORIZON = '10d';

/** Status formats by name; `status --format` accepts exactly these and `--help` lists them. */
const STATUS_FORMATS = {
  text: { render: (pages, source) => renderStatusText(pages.map((p) => p.report), source), description: 'for a terminal or a plain-text email', extensions: ['.txt'] },
  markdown: { render: (pages, source) => renderStatusMarkdown(pages.map((p) => p.report), source), description: 'a pull-request or issue comment, a wiki page', extensions: ['.md', '.markdown'] },
  html: { render: (pages, source) => renderStatusHtml(pages, source), description: 'one self-contained page with the timeline, printable on A4', extensions: ['.html', '.htm'] },
  json: { render: (pages) => `${JSON.stringify(pages.map((p) => p.report), null, 2)}\n`, description: 'an array of reports, one per plan (docs/status.md)', extensions: ['.json'] },
} satisfies FormatRegistry<string, (pages: StatusPage[], source: AsOfSource) => string>;

type StatusFormat = keyof typeof STATUS_FORMATS;

/** The colours `--fail-on` accepts, each failing on itself and every worse one. */
const FAIL_ON: Readonly<Record<'red' | 'amber', readonly StatusColour[]>> = { red: ['red'], amber: ['red', 'amber'] };

function chosenFormat(format: string | undefined, output: string | undefined): StatusFormat {
  if (format !== undefined) return checkedFormat(STATUS_FORMATS, format);
  if (output === undefined) return 'text';
  const byExtension = formatOfExtension(STATUS_FORMATS, path.extname(output));
  if (!byExtension) throw new UsageError(`cannot tell the format from "${output}"; add --format ${formatNames(STATUS_FORMATS).join('|')}`);
  return byExtension;
}

function checkedHorizon(value: string): number {
  const days = parseDuration(value);
  if (days === undefined) throw new UsageError(`--horizon "${value}" is not a duration; write working days or weeks such as 10d or 2w`);
  return days;
}

function checkedFailOn(value: string | undefined): readonly StatusColour[] | undefined {
  if (value === undefined) return undefined;
  if (value !== 'red' && value !== 'amber') throw new UsageError(`unknown --fail-on colour "${value}"; use red or amber`);
  return FAIL_ON[value];
}

export function runStatus(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, STATUS_OPTIONS);
  if (args.flags.has('help')) {
    io.stdout.write(STATUS_HELP);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('name at least one plan file, directory or glob, for example: crm-rollout status plans/');
  const output = optionValue(args, 'output');
  const format = chosenFormat(optionValue(args, 'format'), output);
  const given = checkedAsOf(optionValue(args, 'as-of'));
  const asOf = given ?? todayIso();
  const horizon = checkedHorizon(optionValue(args, 'horizon') ?? DEFAULT_HORIZON);
  const failOn = checkedFailOn(optionValue(args, 'fail-on'));
  const baselineArg = optionValue(args, 'baseline');
  const files = collectFiles(args.positionals, io.cwd);
  if (baselineArg !== undefined && files.length > 1 && baselineIsFile(baselineArg, io.cwd)) {
    throw new UsageError(`--baseline "${baselineArg}" is a file, which is the baseline of one plan; name one plan, or a git ref for several`);
  }
  const pages: StatusPage[] = files.map((file) => {
    const display = displayPath(io.cwd, file);
    const result = lintPlanFile(file, display, asOf, io.cwd);
    const baseline = baselineArg === undefined ? undefined : scheduleBaseline(baselineArg, file, asOf, io.cwd);
    return { report: buildStatus(result, display, { asOf, horizon, baseline }), timeline: forecastTimeline(result, display, asOf, baseline?.result) };
  });
  const rendered = STATUS_FORMATS[format].render(pages, given === undefined ? 'today' : 'as-of');
  if (output === undefined) io.stdout.write(rendered);
  else {
    try {
      writeFileAtomic(path.resolve(io.cwd, output), Buffer.from(rendered, 'utf8'), { shownAs: output });
    } catch (error) {
      if (error instanceof WriteError) throw new UsageError(error.message);
      throw error;
    }
  }
  const failing = failOn ? pages.filter((p) => failOn.includes(p.report.status.colour)) : [];
  if (failing.length === 0) return 0;
  for (const page of failing) io.stderr.write(`crm-rollout: "${displayText(page.report.path)}" is ${page.report.status.colour} (--fail-on ${optionValue(args, 'fail-on')})\n`);
  return 1;
}

const STATUS_HELP = `Usage: crm-rollout status [options] <plan|dir|glob>...

The status of each plan in execution for a steering meeting or a weekly email: a
red/amber/green verdict with its reason, every wave's go-live (baseline or planned,
forecast, variance), progress, late work, what is coming up, high risks, KPIs and
findings. Days are working days of the phase's calendar; positive variance is later.
The verdict's definition and the json fields: docs/status.md.

Options:
  --as-of <YYYY-MM-DD>  the report's date (default: today); the lint behind the report
                        runs as of it, so overdue work counts (e.g. --as-of 2027-06-01)
  --baseline <ref|file> compare with an earlier version of the plan: a file (wins when
                        it exists), else a git ref (v1.0, origin/main) of the repository
                        holding the plan; default: the plan read without actual dates
  --format <name>       one of the formats below; with --output and no --format, the
                        file's extension decides:
${formatsHelp(STATUS_FORMATS, 'text', 24)}
  --output <file>       write to this file instead of standard output
  --horizon <duration>  how far "coming up" and the float check look (default ${DEFAULT_HORIZON})
  --fail-on <colour>    exit 1 when a plan is red (red) or amber or red (amber)
  --help                show this help

Exit codes: 0 reported (whatever the colour), 1 a plan at or above --fail-on, 2 bad
invocation, unreadable plan, or a baseline that is neither a file nor a git ref (or not
a plan), 3 internal failure.
`;
