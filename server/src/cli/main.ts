import { displayText } from '../render/escape';
import { UsageError } from './args';
import { runDiff } from './diffCommand';
import { runInit } from './initCommand';
import { runLint, type CommandIO } from './lintCommand';
import { runStatus } from './statusCommand';
import { runTimeline } from './timelineCommand';
import { VERSION } from './version';

/** Sub-commands by name; each returns its exit code. */
const COMMANDS: Record<string, (argv: readonly string[], io: CommandIO) => number> = {
  lint: runLint,
  timeline: runTimeline,
  diff: runDiff,
  status: runStatus,
  init: runInit,
};

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

/** Runs the CLI and returns the exit code; never throws. */
export function main(argv: readonly string[], io: CommandIO): number {
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
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return run(rest, io);
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
