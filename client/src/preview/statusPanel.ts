import * as vscode from 'vscode';
import { planStem } from '../../../server/src/fileRoles';
import { SETTINGS_SECTION, STATUS_VIEW_TYPE, type StatusReportResult } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { debounce } from '../debounce';
import { onPlanChange, planPanelTitle, registerPlanPanelSerializer, setPlanPanelIcon } from './planPanel';
import { createNonce, withPanelState } from './webviewHtml';

/** Quiet time after an edit before the report is asked for again. */
const UPDATE_DELAY_MS = 400;

/** Nothing remote: only the page's own nonced style element applies, and the one script that saves the panel's state. */
function policy(styleNonce: string, scriptNonce: string): string {
  return `default-src 'none'; style-src 'nonce-${styleNonce}'; script-src 'nonce-${scriptNonce}'`;
}

function unavailable(message: string, nonce: string, scriptNonce: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy(nonce, scriptNonce)}"></head><body><p>${message}</p></body></html>`;
}

/** Scripts only for the state script (the policy admits nothing else); no local files. */
const WEBVIEW_OPTIONS: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };

/**
 * The status report of one plan beside its editor (docs/status.md): the server renders the
 * same html as `crm-rollout status --format html`, themed for the editor and under this
 * webview's policy; the panel only shows it, and asks again as the plan, its diagnostics or
 * the settings change. Its page runs one script of the panel's, which keeps the plan's URI in
 * the webview state, so the serializer brings the panel back after a window reload.
 */
export class StatusPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, StatusPanel>();
  private static readonly shown = new vscode.EventEmitter<{ uri: string; colour: string }>();
  /** Fires each time a panel shows a report. */
  static readonly onDidShow = StatusPanel.shown.event;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduleUpdate = debounce(() => void this.update(), UPDATE_DELAY_MS);
  private generation = 0;
  private warned: string | undefined;
  /** The colour of the report shown, once one is. */
  colour: string | undefined;

  static createOrShow(ctx: Ctx, uri: vscode.Uri): StatusPanel {
    const existing = StatusPanel.panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(STATUS_VIEW_TYPE, planPanelTitle('Status', uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, WEBVIEW_OPTIONS);
    return new StatusPanel(ctx, panel, uri);
  }

  /** Brings report panels back after a window reload (needs `onWebviewPanel:crm-rollout.statusReport`). */
  static registerSerializer(ctx: Ctx): vscode.Disposable {
    return registerPlanPanelSerializer(
      STATUS_VIEW_TYPE,
      (uri) => StatusPanel.panels.has(uri.toString()),
      (panel, uri) => {
        panel.webview.options = WEBVIEW_OPTIONS;
        new StatusPanel(ctx, panel, uri);
      },
    );
  }

  /** The report the user is looking at, for "Save Status Report" from the panel. */
  static active(): StatusPanel | undefined {
    return [...StatusPanel.panels.values()].find((p) => p.panel.active);
  }

  static disposeAll(): void {
    for (const panel of [...StatusPanel.panels.values()]) panel.dispose();
  }

  private constructor(
    private readonly ctx: Ctx,
    private readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
  ) {
    StatusPanel.panels.set(uri.toString(), this);
    panel.title = planPanelTitle('Status', uri);
    setPlanPanelIcon(ctx, panel);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      ...onPlanChange(ctx, uri, () => this.scheduleUpdate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION, uri)) this.scheduleUpdate();
      }),
    );
    void this.update();
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const nonce = createNonce();
    const scriptNonce = createNonce();
    const state = { uri: this.uri.toString() };
    const result = await this.ctx.statusReport({ uri: this.uri.toString(), format: 'html', webview: { csp: policy(nonce, scriptNonce), nonce } });
    // An older answer that arrives after a newer request would show a stale report.
    if (generation !== this.generation || !StatusPanel.panels.has(this.uri.toString())) return;
    if (!result) {
      const message = result === null ? 'This file is not a rollout plan (*.rollout.yaml).' : 'The language server is not running; see the CRM Rollout output channel.';
      this.panel.webview.html = withPanelState(unavailable(message, nonce, scriptNonce), scriptNonce, state);
      return;
    }
    this.warn(result);
    this.panel.webview.html = withPanelState(result.text, scriptNonce, state);
    this.colour = result.colour;
    StatusPanel.shown.fire({ uri: this.uri.toString(), colour: result.colour });
  }

  /** Says once (per distinct problem) that the baseline setting could not be used. */
  private warn(result: NonNullable<StatusReportResult>): void {
    if (result.baselineProblem === undefined || result.baselineProblem === this.warned) return;
    this.warned = result.baselineProblem;
    void vscode.window.showWarningMessage(result.baselineProblem);
  }

  dispose(): void {
    StatusPanel.panels.delete(this.uri.toString());
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

const SAVE_FILTERS = { 'HTML page': ['html'], Markdown: ['md'] };

/** Writes the plan's report as html or markdown (by the file's extension) where the user picks, or to `target`. */
export async function saveStatusReport(ctx: Ctx, uri: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = uri.path.slice(0, uri.path.lastIndexOf('/') + 1);
  const chosen = target ?? (await vscode.window.showSaveDialog({ defaultUri: uri.with({ path: `${folder}${planStem(uri.path)}.status.html` }), filters: SAVE_FILTERS, title: 'Save Status Report' }));
  if (!chosen) return undefined;
  const format = /\.(md|markdown)$/i.test(chosen.path) ? 'markdown' : 'html';
  const result = await ctx.statusReport({ uri: uri.toString(), format });
  if (!result) {
    void vscode.window.showErrorMessage('The status report could not be made; is this a rollout plan? See the CRM Rollout output channel.');
    return undefined;
  }
  await vscode.workspace.fs.writeFile(chosen, new TextEncoder().encode(result.text));
  ctx.output.info(`status report of ${uri.fsPath} saved to ${chosen.fsPath}`);
  return chosen;
}
