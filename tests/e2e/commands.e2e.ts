import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activate, closeAll, diagnosticsWhen, ourDiagnostics, when, workspaceFile } from './helpers';

suite('commands', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('new plan writes the small template from the next working day and it lints clean', async () => {
    const target = workspaceFile('new/test-rollout.rollout.yaml');
    // 2027-03-06 is a Saturday: the plan starts on the Monday.
    const created = await vscode.commands.executeCommand<vscode.Uri>('crm-rollout.newPlan', { size: 'small', name: 'Test rollout', start: '2027-03-06', target });
    assert.equal(created?.toString(), target.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the new plan is opened');
    const text = vscode.window.activeTextEditor.document.getText();
    assert.match(text, /^name: Test rollout$/m);
    assert.match(text, /^calendar: \{ start: 2027-03-08 \}$/m);
    const config = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('new/.crm-rollout.yaml')));
    assert.match(config, /^extends: recommended$/m);
    await when(vscode.languages.onDidChangeDiagnostics, () => (ourDiagnostics(target).length === 0 ? true : undefined), 'no diagnostics on the new plan');
    await closeAll();
  });

  test('open rule documentation shows the rule page shipped with the extension', async () => {
    const shown = when(
      vscode.window.tabGroups.onDidChangeTabs,
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes('known-tags.md')),
      'a preview of known-tags.md',
    );
    await vscode.commands.executeCommand('crm-rollout.openRuleDoc', 'known-tags');
    const tab = await shown;
    assert.match((tab.input as vscode.TabInputWebview).viewType, /markdown\.preview/);
    await closeAll();
  });

  test('restart server starts a server that publishes the open plan again', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('diagnostics.rollout.yaml'));
    await vscode.window.showTextDocument(document);
    await diagnosticsWhen(document.uri, (d) => d.length > 0, 'diagnostics before the restart');
    // The old server has published and is idle: a publication from now on comes from the new one.
    const republished = when(
      vscode.languages.onDidChangeDiagnostics,
      (e) => (e?.uris.some((u) => u.toString() === document.uri.toString()) && ourDiagnostics(document.uri).some((d) => d.message.includes('"leoo"')) ? true : undefined),
      'diagnostics published after the restart',
    );
    await vscode.commands.executeCommand('crm-rollout.restartServer');
    await republished;
    await closeAll();
  });
});
