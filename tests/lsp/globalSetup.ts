import { fileURLToPath } from 'node:url';
import { bundle, RUNTIME_ENTRIES } from '../../scripts/bundle.mjs';
import { writeSchemaValidators } from '../../scripts/schemaValidators.mjs';

/**
 * Bundles the language server, the CLI and its worker thread once before the tests run, exactly as the build does
 * (scripts/bundle.mjs), so the LSP tests drive the same `dist/server.js` that
 * `crm-rollout-language-server --stdio` runs, and the terminal tests (tests/cli/progress.test.ts)
 * and the hostile-input tests that must time out a hang (tests/corpus/containment.test.ts) the
 * same `dist/cli.js` as `crm-rollout`. Only these entries are built, so a test run does not
 * depend on the client or the webview building. First the schema validators are generated from
 * schemas/*.json, as the build does, for the bundles and for the tests that import the engine.
 */
export default async function setup(): Promise<void> {
  writeSchemaValidators();
  const root = fileURLToPath(new URL('../../', import.meta.url));
  await Promise.all(RUNTIME_ENTRIES.map((e) => bundle(root, e)));
}
