import { runDiff } from './diffCommand';
import { dispatch, type CommandName, type CommandRun } from './dispatch';
import { runInit } from './initCommand';
import { runLint, type CommandIO } from './lintCommand';
import { runStatus } from './statusCommand';
import { runTimeline } from './timelineCommand';

/** Every sub-command, loaded at once (in-process callers and tests; `crm-rollout` itself uses lazyMain.ts). */
export const COMMANDS: Readonly<Record<CommandName, CommandRun>> = {
  lint: runLint,
  timeline: runTimeline,
  diff: runDiff,
  status: runStatus,
  init: runInit,
};

/** Runs the CLI and returns the exit code; never throws. */
export function main(argv: readonly string[], io: CommandIO): number {
  return dispatch(argv, io, (name) => COMMANDS[name]);
}
