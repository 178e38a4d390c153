import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * Bundles the language server and the CLI once before the tests run, so the LSP tests drive
 * the same `dist/server.js` that `crm-rollout-language-server --stdio` runs, and the
 * hostile-input tests can run `dist/cli.js` as a separate process they can time out (a read
 * that blocks would otherwise hang the test runner itself). Only these two entries are built
 * (with esbuild.mjs's options for them), so a test run does not depend on the client or the
 * webview building.
 */
const ENTRIES = [
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/bin.ts', out: 'dist/cli.js' },
];

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  await Promise.all(
    ENTRIES.map((entry) =>
      build({
        absWorkingDir: root,
        entryPoints: [entry.in],
        outfile: entry.out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        banner: { js: '#!/usr/bin/env node' },
        sourcemap: true,
        logLevel: 'warning',
        legalComments: 'none',
      }),
    ),
  );
}
