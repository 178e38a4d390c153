import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { PlanPanelState } from './planPanel';

/** A fresh nonce per page load: the only scripts and inline styles that run are the ones carrying it. */
export function createNonce(): string {
  return crypto.randomBytes(18).toString('base64');
}

/** The strict policy: nothing remote, no inline handlers, only the extension's own files and nonced code. */
function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [`default-src 'none'`, `style-src ${webview.cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
}

/**
 * The timeline page. It holds no plan text at all: the data arrives by postMessage and the
 * webview builds every node from it, so nothing here needs escaping but the nonce and URIs,
 * which contain no markup characters.
 */
export function timelineHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', name)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('webview.css')}">
<title>Rollout timeline</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${asset('webview.js')}"></script>
</body>
</html>`;
}

/**
 * A page the server rendered (the status report), given the one script it runs: under its own
 * nonce, it saves the panel's state, the plan's URI, so the panel comes back after a window
 * reload. The state is JSON with `<` escaped, so no text in it can end the script element.
 */
export function withPanelState(html: string, scriptNonce: string, state: PlanPanelState): string {
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  const script = `<script nonce="${scriptNonce}">acquireVsCodeApi().setState(${json});</script>`;
  const head = html.indexOf('</head>');
  return head < 0 ? `${script}${html}` : `${html.slice(0, head)}${script}\n${html.slice(head)}`;
}
