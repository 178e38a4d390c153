import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The VS Code extension's bundle (dist/client.js) holds the client and nothing of the engine,
 * the CLI, the language server or the yaml library: the server does that work, and the
 * extension starts fast. From server/src it may take only what is listed here: the shared
 * names and the text of the status item, which import nothing but types.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ALLOWED_SERVER_INPUTS = ['server/src/fileRoles.ts', 'server/src/protocol.ts', 'server/src/render/timelineText.ts'];

async function clientInputs(): Promise<string[]> {
  // The same options as esbuild.mjs's client entry, without writing anything.
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['client/src/extension.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('the client bundle', () => {
  it('holds no yaml library', async () => {
    const inputs = await clientInputs();
    expect(inputs.some((i) => i.startsWith('client/src/'))).toBe(true);
    expect(inputs.filter((i) => i.includes('node_modules/yaml/'))).toEqual([]);
  });

  it('holds no engine, CLI, template or language-server module, only the shared names', async () => {
    const inputs = await clientInputs();
    expect(inputs.filter((i) => i.startsWith('server/') && !ALLOWED_SERVER_INPUTS.includes(i))).toEqual([]);
  });
});
