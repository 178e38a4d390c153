import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { writeSchemaValidators } from '../../scripts/schemaValidators.mjs';

/** The Node entries that tests spawn, as esbuild.mjs builds them. */
const SPAWNED = [
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/bin.ts', out: 'dist/cli.js' },
];

/**
 * Bundles the language server and the CLI once before the tests run, so the LSP tests drive
 * the same `dist/server.js` that `crm-rollout-language-server --stdio` runs, and the terminal
 * tests (tests/cli/progress.test.ts) and the hostile-input tests that must time out a hang
 * (tests/corpus/containment.test.ts) the same `dist/cli.js` as `crm-rollout`. Only these
 * entries are built (with esbuild.mjs's options for them), so a test run does not depend on
 * the client or the webview building. First the schema validators are generated from
 * schemas/*.json, as the build does, for the bundles and for the tests that import the engine.
 */
export default async function setup(): Promise<void> {
  writeSchemaValidators();
  const root = fileURLToPath(new URL('../../', import.meta.url));
  await Promise.all(SPAWNED.map((entry) => bundle(root, entry.in, entry.out)));
}

async function bundle(root: string, entry: string, outfile: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
}
