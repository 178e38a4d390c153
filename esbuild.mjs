// Bundles every front end from TypeScript. Entries whose source does not exist yet are skipped.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { writeSchemaValidators } from './scripts/schemaValidators.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'server/src/cli/bin.ts', out: 'dist/cli.js', platform: 'node', format: 'cjs', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js', platform: 'node', format: 'cjs', banner: '#!/usr/bin/env node' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { in: 'client/webview/main.ts', out: 'dist/webview.js', platform: 'browser', format: 'iife' },
];

const started = Date.now();
// The engine imports the schema validators compiled from schemas/*.json: generate them first.
writeSchemaValidators();
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        entryPoints: [e.in],
        outfile: e.out,
        bundle: true,
        platform: e.platform,
        format: e.format,
        target: e.platform === 'node' ? 'node20' : 'es2020',
        external: e.external ?? [],
        banner: e.banner ? { js: e.banner } : undefined,
        sourcemap: !production,
        minify: production,
        logLevel: 'warning',
        legalComments: 'none',
      }),
    ),
);
if (!watch) console.log(`built ${entries.filter((e) => existsSync(e.in)).map((e) => e.out).join(', ')} in ${Date.now() - started} ms`);
