import { displayText } from '../render/escape';
import { UsageError } from './args';
import type { CommandIO } from './lintCommand';
import { VERSION } from './version';

/**
 * The CLI's top level, whatever loads the commands: help, version, unknown commands and the
 * exit codes of errors. main.ts gives it every command at once; lazyMain.ts loads only the
 * one asked for, so `crm-rollout lint` never loads the timeline renderers, the diff, the
 * status report or the plan templates.
 */

/** A sub-command: runs with its arguments and returns its exit code. */
export type CommandRun = (argv: readonly string[], io: CommandIO) => number;

/** The sub-commands, in the order help and errors list them. */
export const COMMAND_NAMES = ['lint', 'timeline', 'diff', 'status', 'init'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export function isCommandName(name: string | undefined): name is CommandName {
  return (COMMAND_NAMES as readonly (string | undefined)[]).includes(name);
}

const HELP = `Usage: crm-rollout <command> [options]

Commands:
  lint      check rollout plans; --fix applies fixes; formats for CI
            (stylish, json, sarif, github, junit, gitlab, markdown)
  init      write a starter plan and a .crm-rollout.yaml
  timeline  export a plan's schedule (phases, milestones, critical path)
  diff      compare two versions of a plan by ids and schedule impact
  status    report a plan in execution: red/amber/green, go-lives, late work

Run crm-rollout <command> --help for a command's options. CI recipes: docs/ci.md.

Options:
  --version  print the version
  --help     show this help
`;

/** Runs the CLI with `commandOf` giving each command's code, and returns the exit code; never throws. */
export function dispatch(argv: readonly string[], io: CommandIO, commandOf: (name: CommandName) => CommandRun): number {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h') {
      io.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (!isCommandName(command)) throw new UsageError(`unknown command "${command}"; commands: ${COMMAND_NAMES.join(', ')}`);
    return commandOf(command)(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // Usage messages quote paths and values, which may come from file names in a pull request.
      io.stderr.write(`crm-rollout: ${displayText(error.message)}\n`);
      return 2;
    }
    // A bug, not bad input: say so plainly; the stack only when asked for, to keep CI logs readable.
    const detail = error instanceof Error ? (process.env.CRM_ROLLOUT_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr.write(`crm-rollout: internal error (${displayText(detail)}); please report it with the plan that caused it, and set CRM_ROLLOUT_DEBUG=1 for details\n`);
    return 3;
  }
}
