import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS,
  type CommandName,
  type NewPlanParams,
  type NewPlanResult,
  type PlanTemplatesResult,
  type RenderTimelineParams,
  type RenderTimelineResult,
  type StatusReportParams,
  type StatusReportResult,
  type TimelineEditParams,
  type TimelineEditResult,
  type TimelineResult,
} from '../../server/src/protocol';
import { createLanguageClient, newPlanRequest, planTemplatesRequest, renderTimelineRequest, statusReportRequest, timelineEditRequest, timelineRequest } from './client';
import { createOutputChannel } from './output';

export type Cmd = (...args: unknown[]) => unknown;
/** A command is made from the context it needs, so extension.ts only wires (rust-analyzer's pattern). */
export type CmdFactory = (ctx: Ctx) => Cmd;

/** What every part of the extension shares: the VS Code context, the output channel and the language client. */
export class Ctx implements vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  readonly client: LanguageClient;
  private readonly restarted = new vscode.EventEmitter<void>();
  /** Fires after the server was (re)started, so views showing server data can ask again. */
  readonly onDidStartServer = this.restarted.event;
  private starting: Promise<void> | undefined;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = createOutputChannel();
    this.client = createLanguageClient(extension, this.output);
    extension.subscriptions.push(this, this.output, this.restarted);
  }

  push(...disposables: vscode.Disposable[]): void {
    this.extension.subscriptions.push(...disposables);
  }

  /** Every command of package.json gets its factory: the record's type leaves none out. */
  registerCommands(factories: Record<CommandName, CmdFactory>): void {
    for (const name of Object.keys(COMMANDS) as CommandName[]) {
      this.push(vscode.commands.registerCommand(COMMANDS[name], factories[name](this)));
    }
  }

  /** Starts the server once; later callers wait for the same start. */
  start(): Promise<void> {
    this.starting ??= this.client.start().then(() => this.restarted.fire());
    return this.starting;
  }

  async restart(): Promise<void> {
    this.output.info('restarting the language server');
    const restarting = this.client.state === State.Stopped ? this.client.start() : this.client.restart();
    this.starting = restarting.then(() => this.restarted.fire());
    await this.starting;
  }

  /** The plan's timeline, or null when the document is not a plan; undefined when the server is not running. */
  async timeline(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<TimelineResult | undefined> {
    try {
      await this.start();
      if (!this.client.isRunning()) return undefined;
      return await this.client.sendRequest(timelineRequest, { uri: uri.toString() }, token);
    } catch (error) {
      if (token?.isCancellationRequested) return undefined;
      this.output.warn(`timeline request for ${uri.toString()} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The plan's status report, null when the document is not a plan; undefined when the server cannot answer. */
  async statusReport(params: StatusReportParams): Promise<StatusReportResult | undefined> {
    try {
      await this.start();
      if (!this.client.isRunning()) return undefined;
      return await this.client.sendRequest(statusReportRequest, params);
    } catch (error) {
      this.output.warn(`status report request for ${params.uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The templates "New Plan" offers; throws when the server cannot answer. */
  async planTemplates(): Promise<PlanTemplatesResult> {
    await this.start();
    return this.client.sendRequest(planTemplatesRequest);
  }

  /** A new plan's text from the server, which renders it as `crm-rollout init` does; throws with the server's reason. */
  async newPlan(params: NewPlanParams): Promise<NewPlanResult> {
    await this.start();
    return this.client.sendRequest(newPlanRequest, params);
  }

  /** A timeline drawn as a file by the server's renderers; throws when the server cannot answer. */
  async renderTimeline(params: RenderTimelineParams): Promise<RenderTimelineResult> {
    await this.start();
    return this.client.sendRequest(renderTimelineRequest, params);
  }

  /** The plan edit for a timeline gesture, or the server's reason to refuse it; throws when the server cannot answer. */
  async timelineEdit(params: TimelineEditParams): Promise<TimelineEditResult> {
    await this.start();
    return this.client.sendRequest(timelineEditRequest, params);
  }

  dispose(): void {
    void this.client.dispose();
  }
}
