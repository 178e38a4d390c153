import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activate, closeAll, open, rangeOf } from './helpers';

suite('completion', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('after: offers the ids of the plan phases', async () => {
    const editor = await open('diagnostics.rollout.yaml');
    const at = rangeOf(editor.document, 'after: [').end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '[');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('discovery'), `"discovery" among ${labels.join(', ')}`);
    assert.ok(!labels.includes('kim'), 'people are not offered as prerequisites');
    await closeAll();
  });
});
