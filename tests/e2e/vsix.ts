import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { CrmRolloutApi } from '../../client/src/api';
import { EXTENSION_ID, diagnosticsWhen, open, withRule } from './helpers';

/**
 * The packaged extension, installed from crm-rollout.vsix (scripts/e2e/driver.mjs --vsix):
 * it must be the installed copy that runs, and it must activate on a plan and lint it with
 * nothing but what the .vsix holds. The driver loads an empty probe extension as the
 * "extension under development" only so that VS Code runs this file.
 */

interface Check {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
}

export async function run(): Promise<void> {
  const checks: Check[] = [];
  let activation: CrmRolloutApi['activation'] | undefined;
  const check = async (title: string, body: () => Promise<void>) => {
    try {
      await body();
      checks.push({ title, state: 'passed' });
    } catch (error) {
      checks.push({ title, state: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  };
  await check('the installed copy is the one that runs', async () => {
    const extension = vscode.extensions.getExtension<CrmRolloutApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.match(extension.extensionPath, /[\\/]extensions[\\/]crm-rollout\.crm-rollout-/);
  });
  await check('it activates on a plan and publishes its diagnostics', async () => {
    const editor = await open('diagnostics.rollout.yaml');
    const api = await vscode.extensions.getExtension<CrmRolloutApi>(EXTENSION_ID)?.activate();
    activation = api?.activation;
    await diagnosticsWhen(editor.document.uri, withRule('known-references'), 'diagnostics from the installed extension');
  });
  await check('its timeline webview draws the plan', async () => {
    const api = await vscode.extensions.getExtension<CrmRolloutApi>(EXTENSION_ID)?.activate();
    assert.ok(api);
    const editor = await open('acme.rollout.yaml');
    const drawn = new Promise<void>((resolve) => {
      const subscription = api.onDidRenderTimeline((r) => {
        if (r.uri === editor.document.uri.toString()) {
          subscription.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('crm-rollout.showTimeline');
    await drawn;
  });
  const passed = checks.filter((c) => c.state === 'passed').length;
  const file = process.env.CRM_ROLLOUT_E2E_RESULTS;
  if (file) writeFileSync(file, JSON.stringify({ passed, failed: checks.length - passed, activation, vscodeVersion: vscode.version, tests: checks }, null, 2));
  if (passed < checks.length) throw new Error(`${checks.length - passed} check(s) of the installed extension failed`);
}
