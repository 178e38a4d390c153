import * as fs from 'node:fs';
import * as path from 'node:path';
import { todayIso } from '../engine/calendar';
import { diffPlans, type ChangeSeverity, type PlanDiff, type PlanVersion } from '../engine/diff/index';
import type { LintResult } from '../engine/lint';
import { buildTimeline, type TimelineData } from '../engine/timeline';
import { renderDiffMarkdown, renderDiffText } from '../render/diffText';
import { optionValue, parseArgs, UsageError } from './args';
import { palette, shouldColor } from './color';
import { planAtRef } from '../platform/gitRef';
import { checkedFormat, formatsHelp, type FormatRegistry } from './formatRegistry';
import { checkedAsOf, type CommandIO } from './lintCommand';
import { checkPlanPath, displayPath, lintPlanFile, refuseUnparsed } from './timelineCommand';

const DIFF_OPTIONS = {
  format: { value: true },
  'as-of': { value: true },
  'fail-on': { value: true },
  git: { value: true },
  'no-color': {},
  help: {},
} as const;

/** What a diff format renders: the diff, both timelines, and how the text format colours a change. */
interface DiffOutput {
  diff: PlanDiff;
  before: TimelineData;
  after: TimelineData;
  paint: (severity: ChangeSeverity, text: string) => string;
}

/** Diff outputs by name; `diff --format` accepts exactly these and `--help` lists them. */
const DIFF_FORMATS = {
  text: { render: ({ diff, paint }) => renderDiffText(diff, { paint }), description: 'changes by severity, for a terminal' },
  json: { render: ({ diff }) => `${JSON.stringify(diff, null, 2)}\n`, description: 'the whole diff' },
  markdown: { render: ({ diff, before, after }) => renderDiffMarkdown(diff, before, after), description: 'a pull-request comment' },
} satisfies FormatRegistry<string, (output: DiffOutput) => string>;
const FAIL_ON: readonly ChangeSeverity[] = ['breaking', 'warning'];

interface Side {
  result: LintResult;
  display: string;
}

/** The base side of `--git <ref> <file>`: the file as committed at `ref`, linted in place. */
function sideAtRef(ref: string, file: string, asOf: string | undefined, cwd: string): Side {
  if (ref.startsWith('-')) throw new UsageError(`--git "${ref}" is not a commit; name a branch, tag or commit such as HEAD~1`);
  if (!fs.existsSync(file)) throw new UsageError(`"${displayPath(cwd, file)}" does not exist`);
  const side = planAtRef(ref, file, asOf);
  if ('result' in side) return side;
  switch (side.problem) {
    case 'no-git':
      throw new UsageError('--git needs git, which is not installed or not on the PATH');
    case 'not-in-repository':
      throw new UsageError(`"${displayPath(cwd, file)}" is not inside a git repository; --git compares a file with its version at a commit`);
    case 'not-a-commit':
      throw new UsageError(`"${ref}" is not a commit in the repository at "${side.root}"`);
    case 'not-at-ref':
      throw new UsageError(`"${side.rel}" does not exist at "${ref}"; was it added or renamed since?`);
  }
}

function sideOnDisk(arg: string, asOf: string | undefined, cwd: string): Side {
  const file = path.resolve(cwd, arg);
  const display = displayPath(cwd, file);
  return { result: lintPlanFile(file, display, asOf, cwd), display };
}

function version(side: Side, asOf: string): PlanVersion {
  return { result: side.result, timeline: { ...buildTimeline(side.result, asOf), path: side.display } };
}

function atOrAbove(diff: PlanDiff, threshold: ChangeSeverity): number {
  return threshold === 'breaking' ? diff.counts.breaking : diff.counts.breaking + diff.counts.warning;
}

function checked<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`unknown ${what} "${value}"; use one of ${allowed.join(', ')}`);
  return value as T;
}

export function runDiff(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, DIFF_OPTIONS);
  if (args.flags.has('help')) {
    io.stdout.write(DIFF_HELP);
    return 0;
  }
  const format = checkedFormat(DIFF_FORMATS, optionValue(args, 'format') ?? 'text');
  const failOn = checked(optionValue(args, 'fail-on'), FAIL_ON, '--fail-on level');
  const asOf = checkedAsOf(optionValue(args, 'as-of'));
  const ref = optionValue(args, 'git');
  let base: Side;
  let head: Side;
  if (ref !== undefined) {
    if (args.positionals.length !== 1) throw new UsageError('with --git, name one plan file: crm-rollout diff --git HEAD~1 plan.rollout.yaml');
    const file = path.resolve(io.cwd, args.positionals[0]);
    checkPlanPath(displayPath(io.cwd, file));
    base = sideAtRef(ref, file, asOf, io.cwd);
    head = sideOnDisk(args.positionals[0], asOf, io.cwd);
  } else {
    if (args.positionals.length !== 2) throw new UsageError('name two versions of a plan: crm-rollout diff <base> <head>, or crm-rollout diff --git <ref> <file>');
    base = sideOnDisk(args.positionals[0], asOf, io.cwd);
    head = sideOnDisk(args.positionals[1], asOf, io.cwd);
  }
  for (const side of [base, head]) {
    const refused = refuseUnparsed(side.result, side.display, io);
    if (refused !== undefined) return refused;
  }
  const day = asOf ?? todayIso();
  const [before, after] = [version(base, day), version(head, day)];
  const diff = diffPlans(before, after);
  const color = palette(format === 'text' && shouldColor(io.stdout, args.flags.has('no-color')));
  const paint = (severity: ChangeSeverity, text: string) => (severity === 'breaking' ? color.bold(color.red(text)) : severity === 'warning' ? color.yellow(text) : color.blue(text));
  io.stdout.write(DIFF_FORMATS[format].render({ diff, before: before.timeline, after: after.timeline, paint }));
  if (failOn && atOrAbove(diff, failOn) > 0) {
    const n = atOrAbove(diff, failOn);
    io.stderr.write(`crm-rollout: ${n} change${n === 1 ? '' : 's'} at or above "${failOn}" (--fail-on ${failOn})\n`);
    return 1;
  }
  return 0;
}

const DIFF_HELP = `Usage: crm-rollout diff [options] <base.rollout.yaml> <head.rollout.yaml>
       crm-rollout diff [options] --git <ref> <plan.rollout.yaml>

Compares two versions of a plan by ids, not lines: entities added, removed or changed
field by field, schedule impact in working days (go-live, phase shifts, critical path,
total duration), ownership, gates, and findings new or resolved. Each change is
breaking, warning or info (see docs/diff.md).

Options:
  --git <ref>           compare the file as committed at <ref> (HEAD~1, main...) with the
                        working copy
  --format <name>       one of:
${formatsHelp(DIFF_FORMATS, 'text', 24)}
  --fail-on <level>     exit 1 when a change at or above breaking or warning exists
  --as-of <YYYY-MM-DD>  run date-sensitive rules (overdue) on both sides as of this date
  --no-color            plain text even on a terminal
  --help                show this help

Exit codes: 0 compared (and nothing at or above --fail-on), 1 changes at or above
--fail-on, or a side does not parse (its errors go to standard error), 2 bad invocation,
unreadable path, not a git repository or no such file at <ref>, 3 internal failure.
`;
