import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate } from './helpers';

suite('activation', () => {
  test('the extension activates and its server starts', async () => {
    const api = await activate();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.ok(api.activation.registeredMs >= 0);
    assert.ok(api.activation.serverReadyMs !== undefined, 'the language server answered initialize');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['crm-rollout.showTimeline', 'crm-rollout.fixAll', 'crm-rollout.lintWorkspace', 'crm-rollout.newPlan', 'crm-rollout.openRuleDoc', 'crm-rollout.restartServer']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });
});
