import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * Bundles the language server once before the tests run, so the LSP tests drive the same
 * `dist/server.js` that `crm-rollout-language-server --stdio` runs. Only the server entry is
 * built (with esbuild.mjs's options for it), so a test run does not depend on the client
 * or the webview building.
 */
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  await build({
    absWorkingDir: root,
    entryPoints: ['server/src/lsp/main.ts'],
    outfile: 'dist/server.js',
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
