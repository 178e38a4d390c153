import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activate, closeAll, diagnosticsWhen, open, ourDiagnostics, rangeOf, ruleOf, withRule, workspaceFile } from './helpers';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('a broken plan gets the server diagnostics with rule codes, links and exact ranges', async () => {
    const editor = await open('diagnostics.rollout.yaml');
    const uri = editor.document.uri;
    const diagnostics = await diagnosticsWhen(uri, (d) => withRule('schema')(d) && withRule('known-references')(d) && withRule('known-tags')(d), 'schema, known-references and known-tags diagnostics');

    const typo = diagnostics.find((d) => ruleOf(d) === 'schema');
    assert.ok(typo);
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(typo.range, rangeOf(editor.document, 'mielstones'));
    assert.match(typo.message, /"mielstones" is not a phase field/);

    const owner = diagnostics.find((d) => ruleOf(d) === 'known-references');
    assert.ok(owner);
    assert.deepEqual(owner.range, rangeOf(editor.document, 'leoo'));
    assert.ok(typeof owner.code === 'object' && owner.code.target.toString().endsWith('/known-references.md'), 'the code links the rule page');

    const tag = diagnostics.find((d) => ruleOf(d) === 'known-tags');
    assert.equal(tag?.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(tag?.range, rangeOf(editor.document, 'stakeholdrs'));
    await closeAll();
  });

  test('lint workspace reports a plan that was never opened', async () => {
    const unopened = workspaceFile('unopened.rollout.yaml');
    assert.equal(ourDiagnostics(unopened).length, 0, 'no diagnostics before the workspace is linted');
    await vscode.commands.executeCommand('crm-rollout.lintWorkspace');
    const diagnostics = await diagnosticsWhen(unopened, withRule('known-references'), 'diagnostics of the unopened plan');
    assert.ok(diagnostics.some((d) => d.message.includes('"kimm"')));
    assert.equal(vscode.workspace.getConfiguration('crm-rollout').get('validate'), 'workspace');
    await vscode.workspace.getConfiguration('crm-rollout').update('validate', undefined, vscode.ConfigurationTarget.Workspace);
  });
});
