import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activate, closeAll, diagnosticsWhen, open, ruleOf, withoutRule, withRule } from './helpers';

suite('quick fixes', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the known-tags quick fix replaces the tag and its diagnostic goes away', async () => {
    const editor = await open('quickfix.rollout.yaml');
    const { document } = editor;
    const [diagnostic] = (await diagnosticsWhen(document.uri, withRule('known-tags'), 'the known-tags warning')).filter((d) => ruleOf(d) === 'known-tags');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 1);
    // The command API hands back no diagnostics with the actions, so the rule's fix is found by what it does.
    const fix = actions.find((a) => a.edit && a.title.includes('"stakeholders"'));
    assert.ok(fix, `the known-tags fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit as vscode.WorkspaceEdit));
    assert.match(document.getText(), /tags: \[stakeholders\] \}/);
    await diagnosticsWhen(document.uri, withoutRule('known-tags'), 'the known-tags warning to clear');
    await document.save();
    await closeAll();
  });

  test('fix all applies every safe fix of the file', async () => {
    const editor = await open('fixall.rollout.yaml');
    const { document } = editor;
    await diagnosticsWhen(document.uri, (d) => d.filter((x) => ruleOf(x) === 'known-tags').length === 2, 'two known-tags warnings');
    const applied = await vscode.commands.executeCommand<number>('crm-rollout.fixAll');
    assert.equal(applied, 1, 'one fix-all action');
    assert.match(document.getText(), /tags: \[stakeholders\]/);
    assert.match(document.getText(), /tags: \[process-mapping\]/);
    await diagnosticsWhen(document.uri, withoutRule('known-tags'), 'the known-tags warnings to clear');
    await document.save();
    await closeAll();
  });
});
