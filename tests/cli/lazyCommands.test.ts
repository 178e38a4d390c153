import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type CommandName } from '../../server/src/cli/dispatch';
import { COMMAND_LOADERS, lazyMain } from '../../server/src/cli/lazyMain';
import { COMMANDS, main } from '../../server/src/cli/main';

/**
 * `crm-rollout` loads only the command it runs. The module graph is read from esbuild itself
 * (the CLI's entry bundled with code splitting, so each `import()` becomes a chunk): what a
 * command loads is the entry's static imports plus its own chunk's, never the other
 * commands' code. No time is measured.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const COMMAND_MODULES: Record<CommandName, string> = {
  lint: 'server/src/cli/lintCommand.ts',
  timeline: 'server/src/cli/timelineCommand.ts',
  diff: 'server/src/cli/diffCommand.ts',
  status: 'server/src/cli/statusCommand.ts',
  init: 'server/src/cli/initCommand.ts',
};

let metafile: Metafile;

/** The source modules in `output` and every output it imports statically, transitively. */
function loadedFrom(output: string): Set<string> {
  const modules = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const out = metafile.outputs[name];
    for (const input of Object.keys(out.inputs)) if (input.startsWith('server/')) modules.add(input);
    for (const imported of out.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(output);
  return modules;
}

function outputOf(entryPoint: string): string {
  const found = Object.entries(metafile.outputs).find(([, out]) => out.entryPoint === entryPoint);
  if (!found) throw new Error(`no chunk for ${entryPoint}`);
  return found[0];
}

/** Everything `crm-rollout <command>` loads: the entry and the command's chunk. */
function loadedBy(command: CommandName): Set<string> {
  return new Set([...loadedFrom(outputOf('server/src/cli/bin.ts')), ...loadedFrom(outputOf(COMMAND_MODULES[command]))]);
}

describe('the CLI loads what a command needs', () => {
  beforeAll(async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['server/src/cli/bin.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      splitting: true,
      outdir: 'out/lazy-commands',
      write: false,
      metafile: true,
      packages: 'external',
      logLevel: 'silent',
    });
    metafile = result.metafile;
  });

  it('starts with no command loaded', () => {
    const start = loadedFrom(outputOf('server/src/cli/bin.ts'));
    expect(start).toContain('server/src/cli/dispatch.ts');
    expect([...start].filter((module) => Object.values(COMMAND_MODULES).includes(module))).toEqual([]);
  });

  it('lint loads the engine but none of the timeline or status renderers, the diff or the plan templates', () => {
    const lint = loadedBy('lint');
    expect(lint).toContain('server/src/cli/lintCommand.ts');
    expect(lint).toContain('server/src/engine/lint.ts');
    const foreign = [...lint].filter((module) => /^server\/src\/(render\/(timeline|status)|templates\/|engine\/diff\/|engine\/status\.ts|cli\/(timelineCommand|diffCommand|statusCommand|initCommand)\.ts)/.test(module));
    expect(foreign).toEqual([]);
  });

  it('timeline loads its renderers and init its templates (the check is real)', () => {
    expect(loadedBy('timeline')).toContain('server/src/render/timelineSvg.ts');
    expect([...loadedBy('init')].some((module) => module.startsWith('server/src/templates/'))).toBe(true);
    expect([...loadedBy('diff')].some((module) => module.startsWith('server/src/engine/diff/'))).toBe(true);
    expect(loadedBy('status')).toContain('server/src/engine/status.ts');
  });

  it('loads for each command the very function main runs', async () => {
    for (const name of COMMAND_NAMES) expect(await COMMAND_LOADERS[name]()).toBe(COMMANDS[name]);
    expect(Object.keys(COMMANDS)).toEqual([...COMMAND_NAMES]);
  });

  it('answers help, version, unknown commands and command help as main does', async () => {
    for (const argv of [[], ['--help'], ['--version'], ['nope'], ['lint', '--help'], ['timeline', '--help'], ['diff', '--help'], ['init', '--help'], ['status', '--help']]) {
      const run = (out: { stdout: string; stderr: string }) => ({
        cwd: root,
        stdout: { write: (s: string) => void (out.stdout += s), isTTY: false },
        stderr: { write: (s: string) => void (out.stderr += s) },
      });
      const eager = { stdout: '', stderr: '' };
      const lazy = { stdout: '', stderr: '' };
      const eagerCode = main(argv, run(eager));
      const lazyCode = await lazyMain(argv, run(lazy));
      expect({ argv, code: lazyCode, ...lazy }).toEqual({ argv, code: eagerCode, ...eager });
    }
  });
});
