import * as fs from 'node:fs';
import * as path from 'node:path';
import { dayFromIso, isoFromDay, todayIso, WorkCalendar } from '../engine/calendar';
import { ORG_SIZES, type OrgSize } from '../engine/vocabulary';
import { CONFIG_FILE_NAMES, planFileName } from '../fileRoles';
import { optionValue, parseArgs, UsageError } from './args';
import type { CommandIO } from './lintCommand';
import { CONFIG_TEXT, TEMPLATES } from './templates/index';
import { renderPlan } from './templates/render';
import { kebabName } from './templates/naming';

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
 */

export const INIT_OPTIONS = {
  size: { value: true },
  name: { value: true },
  start: { value: true },
  dir: { value: true },
  force: {},
  help: {},
} as const;

const DEFAULT_NAME = 'CRM rollout';
const DEFAULT_SIZE: OrgSize = 'mid';

function checkedSize(value: string | undefined): OrgSize {
  if (value === undefined) return DEFAULT_SIZE;
  if (!(ORG_SIZES as readonly string[]).includes(value)) throw new UsageError(`--size "${value}" is not a size; use one of ${ORG_SIZES.join(', ')}`);
  return value as OrgSize;
}

function checkedStart(value: string | undefined): { day: number; moved: boolean } {
  const text = value ?? todayIso();
  const day = dayFromIso(text);
  if (day === undefined) throw new UsageError(`--start "${value}" is not a date; write it as YYYY-MM-DD`);
  const working = new WorkCalendar().onOrAfter(day);
  return { day: working, moved: working !== day };
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
  const name = (optionValue(args, 'name') ?? DEFAULT_NAME).trim();
  if (name === '') throw new UsageError('--name is empty; give the rollout a name such as "Acme HubSpot rollout"');
  const start = checkedStart(optionValue(args, 'start'));
  const dir = path.resolve(io.cwd, optionValue(args, 'dir') ?? '.');
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`--dir "${shown(io.cwd, dir)}" is a file, not a folder`);
  const force = args.flags.has('force');

  const planFile = path.join(dir, planFileName(kebabName(name)));
  if (fs.existsSync(planFile) && !force) {
    throw new UsageError(`"${shown(io.cwd, planFile)}" already exists; choose another --name or --dir, or pass --force to overwrite it`);
  }
  const existingConfig = CONFIG_FILE_NAMES.map((n) => path.join(dir, n)).find((f) => fs.existsSync(f));
  const configFile = path.join(dir, CONFIG_FILE_NAMES[0]);

  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(planFile, renderPlan(TEMPLATES[size], name, start.day));
  const startNote = start.moved ? ` (moved from ${optionValue(args, 'start') ?? todayIso()}, not a working day)` : '';
  io.stdout.write(`created ${shown(io.cwd, planFile)}: a ${size} plan starting ${isoFromDay(start.day)}${startNote}\n`);
  if (existingConfig && !force) {
    io.stdout.write(`kept ${shown(io.cwd, existingConfig)}: the existing configuration applies\n`);
  } else {
    fs.writeFileSync(configFile, CONFIG_TEXT);
    io.stdout.write(`created ${shown(io.cwd, configFile)}: extends the recommended rules\n`);
  }
  io.stdout.write(`next: replace the example people and texts, then run crm-rollout lint ${shown(io.cwd, planFile)}\n`);
  return 0;
}

export const INIT_HELP = `Usage: crm-rollout init [options]

Writes a starter rollout plan that lints clean, and a .crm-rollout.yaml that extends
the recommended rules. Nothing is asked; every choice is an option.

Options:
  --size <size>         small, mid (default) or enterprise: phases, teams and timeline
                        shaped for that organization size
  --name <text>         the rollout's name (default "CRM rollout"); the plan file is
                        <name-in-kebab-case>.rollout.yaml
  --start <YYYY-MM-DD>  the plan's first day (default today); a weekend moves to Monday
  --dir <folder>        where to write (default the working directory; created if missing)
  --force               overwrite an existing plan of that name and the configuration
  --help                show this help

An existing .crm-rollout.yaml is kept unless --force is given. Exit codes: 0 written,
2 bad invocation or the plan already exists.
`;
