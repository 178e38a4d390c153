// npm run test:electron: the same suites (out/test/index.js) in a desktop VS Code that
// @vscode/test-electron downloads, for machines that can reach VS Code's download site.
// Ends with the same closing line as the code-server route: "e2e: N passed, N failed".
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repo, testsWorkspace } from './workspace.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'crm-rollout-electron-'));
const results = path.join(work, 'results.json');
let code = 1;
try {
  await runTests({
    version: process.env.CRM_ROLLOUT_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(repo, 'out', 'test', 'index.js'),
    launchArgs: [testsWorkspace(path.join(work, 'workspace')), '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(work, 'user')],
    extensionTestsEnv: { CRM_ROLLOUT_E2E_RESULTS: results },
  });
  code = 0;
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
}
if (existsSync(results)) {
  const data = JSON.parse(readFileSync(results, 'utf8'));
  for (const t of data.tests) console.log(`${t.state === 'passed' ? '  ✓' : '  ✗'} ${t.title}${t.error ? `\n      ${t.error}` : ''}`);
  console.log(`e2e: ${data.passed} passed, ${data.failed} failed`);
  if (data.failed > 0) code = 1;
} else {
  console.log('e2e: 0 passed, 1 failed');
  code = 1;
}
rmSync(work, { recursive: true, force: true });
process.exit(code);
