// Bundles the end-to-end suites for the extension host: out/test/index.js (the tests, with the
// run() entry VS Code calls), out/test/tour.js (the screenshot and webview-inspection walk
// that scripts/e2e/driver.mjs drives) and out/test/vsix.js (the check of the installed .vsix). mocha stays external: it is resolved from node_modules.
import { build } from 'esbuild';

const started = Date.now();
const entries = [
  { in: 'tests/e2e/index.ts', out: 'out/test/index.js' },
  { in: 'tests/e2e/tour.ts', out: 'out/test/tour.js' },
  { in: 'tests/e2e/vsix.ts', out: 'out/test/vsix.js' },
];
await Promise.all(
  entries.map((entry) =>
    build({
      entryPoints: [entry.in],
      outfile: entry.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode', 'mocha'],
      sourcemap: 'inline',
      logLevel: 'warning',
    }),
  ),
);
console.log(`built ${entries.map((e) => e.out).join(', ')} in ${Date.now() - started} ms`);
