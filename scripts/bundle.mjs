// The bundles every front end is built into, and how: one list for esbuild.mjs (the build),
// tests/lsp/globalSetup.ts and bench/run.mjs (which build only what node runs: the commands and
// the worker threads they start), so the three cannot drift apart.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ENTRIES = [
  { in: 'server/src/cli/bin.ts', out: 'dist/cli.js', platform: 'node', format: 'cjs', command: true },
  // The language server, and its check worker: main.ts starts one when loaded in a worker thread.
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js', platform: 'node', format: 'cjs', command: true },
  // `lint`'s worker thread, loaded from beside dist/cli.js (server/src/cli/parallelLint.ts).
  { in: 'server/src/cli/lintWorker.ts', out: 'dist/lintWorker.js', platform: 'node', format: 'cjs', worker: true },
  { in: 'client/src/extension.ts', out: 'dist/client.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { in: 'client/webview/main.ts', out: 'dist/webview.js', platform: 'browser', format: 'iife' },
];

/** The bundles node runs: the commands (package.json "bin") and the worker threads they start. */
export const RUNTIME_ENTRIES = ENTRIES.filter((e) => e.command || e.worker);

/**
 * yaml's parser reads `process.env.LOG_TOKENS`, its own debugging switch, for every token it
 * parses, and Node asks the operating system for an environment variable on every read: about
 * a fifth of the CPU time of linting a plan that imports 130,000 people. In the bundles the
 * switch is read once, when the parser's module loads; it still works as yaml documents it.
 */
const YAML_PARSER = /[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/;
const tokenLogReadOnce = {
  name: 'yaml-token-log-read-once',
  setup(build) {
    build.onLoad({ filter: YAML_PARSER }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const load = "var node_process = require('process');";
      const read = 'node_process.env.LOG_TOKENS';
      // Fail the build rather than bundle an unpatched parser silently when yaml changes.
      if (text.split(load).length !== 2 || text.split(read).length !== 2) throw new Error(`${args.path} no longer reads ${read} as expected: update scripts/bundle.mjs`);
      const contents = text.replace(load, `${load}\nconst LOG_TOKENS = ${read};`).replace(`if (${read})`, 'if (LOG_TOKENS)');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Bundles one entry of ENTRIES under `root`. A command (package.json "bin") starts with a
 * hashbang and is made executable: esbuild writes files without the executable bit, and npm sets
 * it only on bins that existed when it linked them, which a fresh clone's dist/ did not, so
 * `npx crm-rollout` failed with "Permission denied".
 */
export async function bundle(root, entry, { production = false } = {}) {
  const outfile = path.join(root, entry.out);
  await build({
    absWorkingDir: root,
    entryPoints: [entry.in],
    outfile,
    bundle: true,
    platform: entry.platform,
    format: entry.format,
    target: entry.platform === 'node' ? 'node20' : 'es2020',
    external: entry.external ?? [],
    banner: entry.command ? { js: '#!/usr/bin/env node' } : undefined,
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [tokenLogReadOnce],
  });
  if (entry.command) chmodSync(outfile, 0o755);
}

/** The entries whose source exists under `root` (a checkout may not have every front end yet). */
export function presentEntries(root) {
  return ENTRIES.filter((e) => existsSync(path.join(root, e.in)));
}
