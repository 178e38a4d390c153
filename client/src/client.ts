import * as vscode from 'vscode';
import {
  LanguageClient,
  RequestType,
  RequestType0,
  TransportKind,
  type ClientCapabilities,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
} from 'vscode-languageclient/node';
import {
  CLIENT_CAPABILITY,
  COMMANDS,
  NEW_PLAN_REQUEST,
  PLAN_TEMPLATES_REQUEST,
  RENDER_TIMELINE_REQUEST,
  SETTINGS_SECTION,
  STATUS_REPORT_REQUEST,
  TIMELINE_EDIT_REQUEST,
  TIMELINE_REQUEST,
  type CrmRolloutClientCapabilities,
  type NewPlanParams,
  type NewPlanResult,
  type PlanTemplatesResult,
  type RenderTimelineParams,
  type RenderTimelineResult,
  type StatusReportParams,
  type StatusReportResult,
  type TimelineEditParams,
  type TimelineEditResult,
  type TimelineParams,
  type TimelineResult,
} from '../../server/src/protocol';
import { SERVER_SELECTOR } from './selectors';

export const timelineRequest = new RequestType<TimelineParams, TimelineResult, void>(TIMELINE_REQUEST);
export const planTemplatesRequest = new RequestType0<PlanTemplatesResult, void>(PLAN_TEMPLATES_REQUEST);
export const newPlanRequest = new RequestType<NewPlanParams, NewPlanResult, void>(NEW_PLAN_REQUEST);
export const timelineEditRequest = new RequestType<TimelineEditParams, TimelineEditResult, void>(TIMELINE_EDIT_REQUEST);
export const statusReportRequest = new RequestType<StatusReportParams, StatusReportResult, void>(STATUS_REPORT_REQUEST);
export const renderTimelineRequest = new RequestType<RenderTimelineParams, RenderTimelineResult, void>(RENDER_TIMELINE_REQUEST);

/** The bundled server, started over Node IPC; in an extension development host it also listens for a debugger. */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
}

/** Tells the server which of its commands this extension implements, so its lenses and "show documentation" use them. */
const ownCommands: StaticFeature = {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    const ours: CrmRolloutClientCapabilities = { commands: Object.values(COMMANDS) };
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), [CLIENT_CAPABILITY]: ours };
  },
  initialize: () => undefined,
  getState: () => ({ kind: 'static' }),
  clear: () => undefined,
};

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVER_SELECTOR,
    outputChannel: output,
    diagnosticCollectionName: SETTINGS_SECTION,
    // The server registers its own file watchers (imports, `.crm-rollout.yaml`, workspace plans).
    synchronize: { configurationSection: SETTINGS_SECTION },
    // For servers that cannot pull settings; a plain copy, the configuration object itself has methods.
    initializationOptions: { [SETTINGS_SECTION]: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION))) as unknown },
  };
  const client = new LanguageClient(SETTINGS_SECTION, 'CRM Rollout Language Server', serverOptions(context), clientOptions);
  client.registerFeature(ownCommands);
  return client;
}
