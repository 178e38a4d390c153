import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { CrmRolloutApi } from '../../client/src/api';
import { activate, closeAll, isTimelineTab, open, when } from './helpers';

suite('timeline preview', () => {
  let api: CrmRolloutApi;
  suiteSetup(async () => {
    api = await activate();
  });

  function rendered(uri: vscode.Uri, phases: number) {
    return when(api.onDidRenderTimeline, (r) => (r && r.uri === uri.toString() && r.phases === phases ? r : undefined), `a timeline of ${phases} phases for ${uri.path}`);
  }

  test('show timeline opens a webview panel beside the plan and draws every phase', async () => {
    const editor = await open('acme.rollout.yaml');
    const drawn = rendered(editor.document.uri, 7);
    await vscode.commands.executeCommand('crm-rollout.showTimeline');
    const report = await drawn;
    assert.equal(report.milestones, 6);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isTimelineTab);
    assert.equal(tabs.length, 1);
    assert.equal(tabs[0].label, 'Timeline: acme.rollout.yaml');
    assert.notEqual(tabs[0].group.viewColumn, editor.viewColumn, 'the panel opens beside the editor');
    await closeAll();
  });

  test('the timeline redraws when the plan is edited', async () => {
    const editor = await open('live.rollout.yaml');
    const first = rendered(editor.document.uri, 2);
    await vscode.commands.executeCommand('crm-rollout.showTimeline', editor.document.uri.toString());
    await first;
    const second = rendered(editor.document.uri, 3);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const added = '\n  - id: testing\n    name: Testing\n    kind: testing\n    owner: kim\n    after: [setup]\n    duration: 1w\n';
    assert.ok(await editor.edit((b) => b.insert(end, added)));
    await second;
    await editor.document.save();
    await closeAll();
  });

  test('copy as Mermaid puts a Gantt chart of the plan on the clipboard', async () => {
    const editor = await open('acme.rollout.yaml');
    const drawn = rendered(editor.document.uri, 7);
    await vscode.commands.executeCommand('crm-rollout.showTimeline');
    await drawn;
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('crm-rollout.timeline.copyMermaid');
    const text = await vscode.env.clipboard.readText();
    assert.match(text, /^gantt\n {4}title Acme Supply HubSpot rollout\n/);
    assert.match(text, /\n {4}Go-live :crit, p_go_live, 2027-02-16, /);
    await closeAll();
  });

  test('save as SVG writes a standalone drawing of the plan', async () => {
    const editor = await open('acme.rollout.yaml');
    const drawn = rendered(editor.document.uri, 7);
    await vscode.commands.executeCommand('crm-rollout.showTimeline');
    await drawn;
    const target = vscode.Uri.joinPath(editor.document.uri, '..', 'acme.timeline.svg');
    await vscode.commands.executeCommand('crm-rollout.timeline.saveSvg', target);
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(svg, /^<svg [^>]*class="crm-timeline theme-(light|dark)"/);
    assert.match(svg, /<style>/, 'the palette is embedded, since theme variables do not exist outside the editor');
    assert.equal((svg.match(/data-kind="phase"/g) ?? []).length, 7);
    await closeAll();
  });

  test('a plan whose names hold markup is drawn with every phase and milestone', async () => {
    const editor = await open('xss.rollout.yaml');
    const drawn = rendered(editor.document.uri, 2);
    await vscode.commands.executeCommand('crm-rollout.showTimeline');
    const report = await drawn;
    assert.equal(report.milestones, 1);
    await closeAll();
  });
});
