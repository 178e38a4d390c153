import * as fs from 'node:fs';
import * as path from 'node:path';
import { dayFromIso, isoFromDay, todayIso } from '../engine/calendar';
import { ORG_SIZES, type OrgSize } from '../engine/vocabulary';
import { CONFIG_FILE_NAMES } from '../fileRoles';
import { CONFIG_TEXT, DEFAULT_PLAN_NAME, newPlan } from '../templates/index';
import { optionValue, parseArgs, UsageError } from './args';
import type { CommandIO } from './lintCommand';

/**
 * `crm-rollout init`: writes a starter plan and a configuration, without asking anything.
 *
 * Decisions:
 * - Defaults: `--size mid`, `--name "CRM rollout"`, `--start` today, `--dir` the working
 *   directory (created when missing). A start on a weekend moves to the next Monday (the
 *   template's calendar works Monday to Friday and has no holidays yet).
 * - The plan is `<name in kebab case>.rollout.yaml`. An existing plan of that name is never
 *   overwritten without `--force` (exit 2, nothing written).
 * - An existing `.crm-rollout.yaml` or `.crm-rollout.yml` in the folder is kept: it is the
 *   team's configuration, and a second plan should not reset it. `--force` replaces it.
 * - `--name` is one line of at most 120 characters and `--start` a year from 1900 to 2999
 *   (else exit 2): a line break would break the plan's YAML, a long name the file name.
 * - A symbolic link named like a file init writes is never followed (exit 2).
 */

const INIT_OPTIONS = {
  size: { value: true },
  name: { value: true },
  start: { value: true },
  dir: { value: true },
  force: {},
  help: {},
} as const;

/** Long enough for any real rollout name, short enough for a file name on every system. */
const MAX_NAME_LENGTH = 120;
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Years the plan format's dates (YYYY-MM-DD) and the templates' timelines stay within. */
const YEARS = { first: 1900, last: 2999 } as const;
const DEFAULT_SIZE: OrgSize = 'mid';

function checkedSize(value: string | undefined): OrgSize {
  if (value === undefined) return DEFAULT_SIZE;
  if (!(ORG_SIZES as readonly string[]).includes(value)) throw new UsageError(`--size "${value}" is not a size; use one of ${ORG_SIZES.join(', ')}`);
  return value as OrgSize;
}

function checkedName(value: string | undefined): string {
  const name = (value ?? DEFAULT_PLAN_NAME).trim();
  if (name === '') throw new UsageError('--name is empty; give the rollout a name such as "Acme HubSpot rollout"');
  if (LINE_BREAKS_AND_CONTROLS.test(name)) throw new UsageError('--name must be one line of text, without line breaks or control characters');
  if (name.length > MAX_NAME_LENGTH) throw new UsageError(`--name is ${name.length} characters long; use at most ${MAX_NAME_LENGTH}`);
  return name;
}

function checkedStart(value: string | undefined): number {
  const text = value ?? todayIso();
  const day = dayFromIso(text);
  if (day === undefined) throw new UsageError(`--start "${value}" is not a date; write it as YYYY-MM-DD`);
  const year = Number(text.slice(0, 4));
  if (year < YEARS.first || year > YEARS.last) throw new UsageError(`--start "${value}" is outside the years ${YEARS.first} to ${YEARS.last}`);
  return day;
}

function shown(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

export function runInit(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, INIT_OPTIONS);
  if (args.flags.has('help')) {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`init takes no file names ("${args.positionals[0]}"); choose the folder with --dir`);
  const size = checkedSize(optionValue(args, 'size'));
  const name = checkedName(optionValue(args, 'name'));
  const start = checkedStart(optionValue(args, 'start'));
  const dir = path.resolve(io.cwd, optionValue(args, 'dir') ?? '.');
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`--dir "${shown(io.cwd, dir)}" is a file, not a folder`);
  const force = args.flags.has('force');

  const plan = newPlan(size, name, start);
  const planFile = path.join(dir, plan.fileName);
  if (fs.existsSync(planFile) && !force) {
    throw new UsageError(`"${shown(io.cwd, planFile)}" already exists; choose another --name or --dir, or pass --force to overwrite it`);
  }
  const existingConfig = CONFIG_FILE_NAMES.map((n) => path.join(dir, n)).find((f) => fs.existsSync(f));
  const configFile = path.join(dir, CONFIG_FILE_NAMES[0]);
  const writesConfig = !existingConfig || force;
  for (const file of writesConfig ? [planFile, configFile] : [planFile]) refuseSymbolicLink(file, io.cwd);

  fs.mkdirSync(dir, { recursive: true });
  writeWithoutFollowing(planFile, plan.text, force);
  const startNote = plan.moved ? ` (moved from ${optionValue(args, 'start') ?? todayIso()}, not a working day)` : '';
  io.stdout.write(`created ${shown(io.cwd, planFile)}: a ${size} plan starting ${isoFromDay(plan.start)}${startNote}\n`);
  if (!writesConfig && existingConfig) {
    io.stdout.write(`kept ${shown(io.cwd, existingConfig)}: the existing configuration applies\n`);
  } else {
    writeWithoutFollowing(configFile, CONFIG_TEXT, true);
    io.stdout.write(`created ${shown(io.cwd, configFile)}: extends the recommended rules\n`);
  }
  io.stdout.write(`next: replace the example people and texts, then run crm-rollout lint ${shown(io.cwd, planFile)}\n`);
  return 0;
}

/**
 * A symbolic link (even a dangling one) named like a file init writes would make it write
 * somewhere else: refused before anything is written.
 */
function refuseSymbolicLink(file: string, cwd: string): void {
  if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new UsageError(`"${shown(cwd, file)}" is a symbolic link; init does not write through links, so remove it or choose another --dir`);
  }
}

/**
 * Creates the file exclusively (O_EXCL), or with `replace` truncates an existing regular
 * file; O_NOFOLLOW makes a link that appeared since the check fail instead of being followed.
 */
function writeWithoutFollowing(file: string, text: string, replace: boolean): void {
  const { O_WRONLY, O_CREAT, O_EXCL, O_TRUNC } = fs.constants;
  const noFollow = fs.constants.O_NOFOLLOW ?? 0;
  const exists = fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  const flags = replace && exists ? O_WRONLY | O_TRUNC | noFollow : O_WRONLY | O_CREAT | O_EXCL | noFollow;
  const fd = fs.openSync(file, flags, 0o644);
  try {
    fs.writeFileSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
}

const INIT_HELP = `Usage: crm-rollout init [options]

Writes a starter rollout plan that lints clean, and a .crm-rollout.yaml that extends
the recommended rules. Nothing is asked; every choice is an option.

Options:
  --size <size>         small, mid (default) or enterprise: phases, teams and timeline
                        shaped for that organization size
  --name <text>         the rollout's name, one line of at most 120 characters (default
                        "CRM rollout"); the plan file is <name-in-kebab-case>.rollout.yaml
  --start <YYYY-MM-DD>  the plan's first day, in the years 1900 to 2999 (default today);
                        a weekend moves to Monday
  --dir <folder>        where to write (default the working directory; created if missing)
  --force               overwrite an existing plan of that name and the configuration
  --help                show this help

An existing .crm-rollout.yaml is kept unless --force is given. Exit codes: 0 written,
2 bad invocation or the plan already exists.
`;
