import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintResult } from '../engine/lint';
import type { ScheduleBaseline } from '../engine/status';
import { fileRole } from '../fileRoles';
import { UsageError } from './args';
import { planAtRef } from '../platform/gitRef';
import { displayPath, lintPlanFile } from './timelineCommand';

/**
 * `--baseline <git-ref|file>` of the status report (plan-format.md, Baselines): an existing
 * file wins, else a git ref of the repository holding the plan (its imports read at the same
 * ref), else a usage error. Not to be confused with `lint --baseline`, a file of accepted
 * findings (baseline.ts).
 */

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The baseline's planned schedule, or a usage error saying why the version is not a plan. */
function planned(result: LintResult, shown: string): NonNullable<LintResult['schedule']> {
  const problem = !result.plan || !result.schedule ? 'it does not parse' : !result.plan.root ? 'it is not a YAML mapping' : result.plan.phases.length === 0 ? 'it has no phases' : undefined;
  if (problem !== undefined || !result.schedule) throw new UsageError(`--baseline ${shown} is not a plan: ${problem}; name an earlier version of the plan`);
  return result.schedule;
}

function fromFile(file: string, asOf: string, cwd: string): ScheduleBaseline {
  const display = displayPath(cwd, file);
  if (fileRole(display) !== 'plan') throw new UsageError(`--baseline "${display}" is not a plan: plan files are named *.rollout.yaml or *.rollout.yml`);
  const result = lintPlanFile(file, display, asOf, cwd);
  return { kind: 'file', source: display, schedule: planned(result, `"${display}"`), result };
}

function fromRef(ref: string, plan: string, asOf: string, cwd: string): ScheduleBaseline {
  const neither = `--baseline "${ref}" is neither an existing file nor a git ref`;
  if (ref.startsWith('-')) throw new UsageError(`${neither}; name a file, a branch, a tag or a commit such as v1.0 or origin/main`);
  const at = planAtRef(ref, plan, asOf);
  if ('result' in at) return { kind: 'git-ref', source: at.display, schedule: planned(at.result, `"${at.display}"`), result: at.result };
  switch (at.problem) {
    case 'no-git':
      throw new UsageError(`${neither}: git, which reads a ref, is not installed or not on the PATH`);
    case 'not-in-repository':
      throw new UsageError(`${neither}: "${displayPath(cwd, plan)}" is not inside a git repository`);
    case 'not-a-commit':
      throw new UsageError(`${neither} of the repository at "${at.root}"`);
    case 'not-at-ref':
      throw new UsageError(`--baseline "${ref}": "${at.rel}" does not exist at that ref; was the plan added or renamed since?`);
  }
}

/** Resolves `--baseline` for one plan file. */
export function scheduleBaseline(value: string, plan: string, asOf: string, cwd: string): ScheduleBaseline {
  const file = path.resolve(cwd, value);
  return isFile(file) ? fromFile(file, asOf, cwd) : fromRef(value, plan, asOf, cwd);
}

/** Whether `--baseline` names a file (which then applies to one plan only). */
export function baselineIsFile(value: string, cwd: string): boolean {
  return isFile(path.resolve(cwd, value));
}
