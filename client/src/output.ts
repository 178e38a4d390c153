import * as vscode from 'vscode';

/** The extension's one output channel, shared by the client, the server's log and the commands. */
export function createOutputChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('CRM Rollout', { log: true });
}
