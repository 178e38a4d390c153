import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { CrmRolloutApi } from '../../client/src/api';
import { EXTENSION_ID } from './helpers';

/**
 * The entry VS Code calls in the extension host (`extensionTestsPath` → out/test/index.js):
 * under @vscode/test-electron and under the code-server route of scripts/e2e alike. It runs
 * the suites with mocha, logs one line per test, and writes the counts and the extension's
 * activation timing to a JSON file the runner reads (`CRM_ROLLOUT_E2E_RESULTS`, else
 * results.json beside this file). Rejects when a test failed, so the host exits non-zero.
 */

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  ms?: number;
  error?: string;
}

function resultsPath(): string {
  return process.env.CRM_ROLLOUT_E2E_RESULTS || path.join(__dirname, 'results.json');
}

/** Every suite, loaded only once the runner is set up: they call mocha's suite()/test() as they load. */
const SUITES: Record<string, () => Promise<unknown>> = {
  activation: () => import('./activation.e2e'),
  diagnostics: () => import('./diagnostics.e2e'),
  fixes: () => import('./fixes.e2e'),
  completion: () => import('./completion.e2e'),
  commands: () => import('./commands.e2e'),
  status: () => import('./status.e2e'),
  timeline: () => import('./timeline.e2e'),
  statusReport: () => import('./statusReport.e2e'),
};

async function loadSuites(): Promise<void> {
  for (const load of Object.values(SUITES)) await load();
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'e2e', mocha);
  await loadSuites();
  const results: TestResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (t) => {
      results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration });
      console.log(`e2e test passed: ${t.fullTitle()} (${t.duration ?? 0} ms)`);
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (t, error: Error) => {
      results.push({ title: t.fullTitle(), state: 'failed', error: error.stack ?? error.message });
      console.log(`e2e test failed: ${t.fullTitle()}: ${error.message}`);
    });
  });
  const api = vscode.extensions.getExtension<CrmRolloutApi>(EXTENSION_ID)?.exports;
  const summary = {
    passed: results.filter((r) => r.state === 'passed').length,
    failed: results.filter((r) => r.state === 'failed').length,
    activation: api?.activation,
    vscodeVersion: vscode.version,
    tests: results,
  };
  writeFileSync(resultsPath(), JSON.stringify(summary, null, 2));
  console.log(`e2e results: ${summary.passed} passed, ${summary.failed} failed`);
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
