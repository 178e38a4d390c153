import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrmRolloutApi } from '../../client/src/api';

/**
 * Waiting in the end-to-end tests is always on an event (diagnostics published, a status
 * update, a timeline drawn), bounded by a limit that fails the test instead of a sleep.
 */

export const EXTENSION_ID = 'crm-rollout.crm-rollout';
export const SOURCE = 'crm-rollout';
const LIMIT_MS = 30_000;

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function activate(): Promise<CrmRolloutApi> {
  const extension = vscode.extensions.getExtension<CrmRolloutApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** Resolves with the first value `probe` returns that is not undefined, probing now and on each event. */
export function when<E, T>(event: vscode.Event<E>, probe: (e?: E) => T | undefined, what: string, limitMs = LIMIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subscription.dispose();
      fn();
    };
    const check = (e?: E) => {
      try {
        const value = probe(e);
        if (value !== undefined) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const subscription = event(check);
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${limitMs} ms waiting for ${what}`))), limitMs);
    check();
  });
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The server's diagnostics of a file once they satisfy `ready`. */
export function diagnosticsWhen(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return when(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = ourDiagnostics(uri);
      return ready(diagnostics) ? diagnostics : undefined;
    },
    what,
  );
}

export function withRule(rule: string): (diagnostics: vscode.Diagnostic[]) => boolean {
  return (diagnostics) => diagnostics.some((d) => ruleOf(d) === rule);
}

export function withoutRule(rule: string): (diagnostics: vscode.Diagnostic[]) => boolean {
  return (diagnostics) => !diagnostics.some((d) => ruleOf(d) === rule);
}

/** The range of the first occurrence of `text` in a document. */
export function rangeOf(document: vscode.TextDocument, text: string): vscode.Range {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

export function isTimelineTab(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('crm-rollout.timeline');
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
