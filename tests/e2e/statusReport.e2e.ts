import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { CrmRolloutApi } from '../../client/src/api';
import { activate, closeAll, open, when, workspaceFile } from './helpers';

suite('status report', () => {
  let api: CrmRolloutApi;
  suiteSetup(async () => {
    api = await activate();
  });

  function shown(uri: vscode.Uri, colour: string) {
    return when(api.onDidShowStatusReport, (r) => (r && r.uri === uri.toString() && r.colour === colour ? r : undefined), `a ${colour} status report of ${uri.path}`);
  }

  test('show status report opens the plan report beside the editor and refreshes it as the plan changes', async () => {
    const editor = await open('report.rollout.yaml');
    const green = shown(editor.document.uri, 'green');
    await vscode.commands.executeCommand('crm-rollout.showStatusReport');
    await green;
    // The extension host learns of the new tab asynchronously.
    const tab = await when(
      vscode.window.tabGroups.onDidChangeTabs,
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('crm-rollout.statusReport')),
      'the status report tab',
    );
    assert.equal(tab.label, 'Status: report.rollout.yaml');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the panel opens beside the editor');
    // A lint error makes the report red.
    const red = shown(editor.document.uri, 'red');
    assert.ok(await editor.edit((b) => b.replace(editor.document.lineAt(editor.document.getText().split('\n').indexOf('    kind: planning')).range, '    kind: nonsense')));
    await red;
    // Revert acts on the active editor: the report panel may hold the focus, so focus the plan
    // first, or the next test would find the plan still red.
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    const reverted = when(vscode.workspace.onDidChangeTextDocument, (e) => (e?.document === editor.document && !editor.document.isDirty ? true : undefined), 'the revert');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await reverted;
    await closeAll();
  });

  test('save status report writes the html or markdown report', async () => {
    const editor = await open('report.rollout.yaml');
    const html = workspaceFile('out/report.status.html');
    const markdown = workspaceFile('out/report.status.md');
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('crm-rollout.saveStatusReport', editor.document.uri.toString(), html.toString()))?.toString(), html.toString());
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('crm-rollout.saveStatusReport', editor.document.uri.toString(), markdown.toString()))?.toString(), markdown.toString());
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(html));
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /data-status="green"/);
    assert.doesNotMatch(page, /<script/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(markdown));
    assert.match(text, /^# Status report as of \d{4}-\d{2}-\d{2}/);
    assert.match(text, /## Vandelay status plan/);
    await closeAll();
  });
});
