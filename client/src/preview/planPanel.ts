import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

/**
 * What the panels that show one plan beside its editor (the timeline, the status report) share:
 * their title and icon, the plan's URI kept in the webview's state so VS Code can bring the
 * panel back after a window reload, and the events after which they ask the server again.
 */

/** `Timeline: acme.rollout.yaml`. */
export function planPanelTitle(kind: string, uri: vscode.Uri): string {
  return `${kind}: ${uri.path.split('/').pop() ?? uri.path}`;
}

export function setPlanPanelIcon(ctx: Ctx, panel: vscode.WebviewPanel): void {
  panel.iconPath = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'images', 'icon.png');
}

/** What every plan panel's page keeps through `setState`: the plan it shows. */
export interface PlanPanelState {
  uri: string;
}

/** The plan a restored panel showed, from the state its page saved; undefined when there is none. */
export function stateUri(state: unknown): vscode.Uri | undefined {
  const uri = (state as Partial<PlanPanelState> | undefined)?.uri;
  if (typeof uri !== 'string') return undefined;
  try {
    return vscode.Uri.parse(uri, true);
  } catch {
    return undefined;
  }
}

/**
 * Brings a kind of plan panel back after a window reload (with the `onWebviewPanel:<viewType>`
 * activation event in package.json): `revive` gets the panel and the plan its state names; a
 * panel whose state names no plan, or a plan already shown, is closed.
 */
export function registerPlanPanelSerializer(viewType: string, shows: (uri: vscode.Uri) => boolean, revive: (panel: vscode.WebviewPanel, uri: vscode.Uri) => void): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(viewType, {
    deserializeWebviewPanel: async (panel, state) => {
      const uri = stateUri(state);
      if (!uri || shows(uri)) panel.dispose();
      else revive(panel, uri);
    },
  });
}

/**
 * Calls `refresh` when what the panel shows of the plan may have changed: its text, its
 * diagnostics (an imported file or the configuration changed) or the server (restarted).
 */
export function onPlanChange(ctx: Ctx, uri: vscode.Uri, refresh: () => void): vscode.Disposable[] {
  const isMine = (u: vscode.Uri) => u.toString() === uri.toString();
  return [
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isMine(e.document.uri) && e.contentChanges.length > 0) refresh();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some(isMine)) refresh();
    }),
    ctx.onDidStartServer(refresh),
  ];
}
