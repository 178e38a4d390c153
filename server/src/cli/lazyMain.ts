import { dispatch, isCommandName, type CommandName, type CommandRun } from './dispatch';
import type { CommandIO } from './lintCommand';

/**
 * Each sub-command's module, imported only when it runs: the bundle (esbuild) evaluates a
 * module reached by `import()` only then, so a command pays for its own code and nothing else.
 */
export const COMMAND_LOADERS: Readonly<Record<CommandName, () => Promise<CommandRun>>> = {
  lint: async () => (await import('./lintCommand')).runLint,
  timeline: async () => (await import('./timelineCommand')).runTimeline,
  diff: async () => (await import('./diffCommand')).runDiff,
  status: async () => (await import('./statusCommand')).runStatus,
  init: async () => (await import('./initCommand')).runInit,
};

/** `crm-rollout <argv>`: loads the command asked for, then runs it as main.ts does; resolves with the exit code. */
export async function lazyMain(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name] = argv;
  const run = isCommandName(name) ? await COMMAND_LOADERS[name]() : undefined;
  return dispatch(argv, io, () => {
    if (!run) throw new Error('a command ran that was not loaded');
    return run;
  });
}
