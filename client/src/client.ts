import * as vscode from 'vscode';
import { LanguageClient, RequestType, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { TIMELINE_REQUEST, type TimelineParams, type TimelineResult } from '../../server/src/protocol';
import { SERVER_SELECTOR } from './selectors';

/** Also the settings prefix: the client reads `crm-rollout.trace.server` by this id. */
export const CLIENT_ID = 'crm-rollout';

export const timelineRequest = new RequestType<TimelineParams, TimelineResult, void>(TIMELINE_REQUEST);

/** The bundled server, started over Node IPC; in an extension development host it also listens for a debugger. */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVER_SELECTOR,
    outputChannel: output,
    diagnosticCollectionName: CLIENT_ID,
    // The server registers its own file watchers (imports, `.crm-rollout.yaml`, workspace plans).
    synchronize: { configurationSection: CLIENT_ID },
    // For servers that cannot pull settings; a plain copy, the configuration object itself has methods.
    initializationOptions: { [CLIENT_ID]: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(CLIENT_ID))) as unknown },
  };
  return new LanguageClient(CLIENT_ID, 'CRM Rollout Language Server', serverOptions(context), clientOptions);
}
