// `npm run bench` and `npm run soak`: bundles the CLI, its worker and the language server as
// `npm run build` does (dist/cli.js, dist/lintWorker.js, dist/server.js), bundles the TypeScript script named by the first argument
// into bench/build.tmp/, then runs it with the remaining arguments.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, RUNTIME_ENTRIES } from '../scripts/bundle.mjs';
import { writeSchemaValidators } from '../scripts/schemaValidators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node bench/run.mjs <script.ts> [args...]\n');
  process.exit(2);
}

const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', legalComments: 'none', absWorkingDir: root };
writeSchemaValidators();
const out = join('bench', 'build.tmp', `${basename(script, '.ts')}.cjs`);
await Promise.all([
  ...RUNTIME_ENTRIES.map((e) => bundle(root, e)),
  build({
    ...node,
    entryPoints: [script],
    outfile: out,
    // Validators and protocol libraries load from node_modules, as their own packages ship them.
    packages: 'external',
    // tests/lsp/harness.ts finds dist/server.js relative to its own module URL.
    define: { 'import.meta.url': '__bench_module_url' },
    banner: { js: 'const __bench_module_url = require("node:url").pathToFileURL(__filename).href;' },
  }),
]);
const child = spawnSync(process.execPath, ['--max-old-space-size=8192', join(root, out), ...rest], { stdio: 'inherit', cwd: root });
process.exit(child.status ?? 1);
