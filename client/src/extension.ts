import { performance } from 'node:perf_hooks';
import type * as vscode from 'vscode';
import type { CrmRolloutApi } from './api';
import * as commands from './commands';
import { Ctx } from './ctx';
import { StatusPanel } from './preview/statusPanel';
import { TimelinePanel } from './preview/timelinePanel';
import { PlanStatus } from './status';

let current: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CrmRolloutApi> {
  const started = performance.now();
  const ctx = (current = new Ctx(context));
  ctx.registerCommands({
    showTimeline: commands.showTimeline,
    copyTimelineAsMermaid: commands.copyTimelineAsMermaid,
    saveTimelineAsSvg: commands.saveTimelineAsSvg,
    fixAll: commands.fixAll,
    lintWorkspace: commands.lintWorkspace,
    newPlan: commands.newPlan,
    openRuleDoc: commands.openRuleDoc,
    restartServer: commands.restartServer,
    showOutput: commands.showOutput,
    showStatusReport: commands.showStatusReport,
    saveStatusReport: commands.saveStatusReport,
  });
  const status = new PlanStatus(ctx);
  ctx.push(status, TimelinePanel.registerSerializer(ctx), StatusPanel.registerSerializer(ctx), { dispose: () => TimelinePanel.disposeAll() }, { dispose: () => StatusPanel.disposeAll() });
  const api: CrmRolloutApi = {
    activation: { registeredMs: performance.now() - started },
    status: () => status.snapshot(),
    onDidUpdateStatus: status.onDidUpdate,
    onDidRenderTimeline: TimelinePanel.onDidRender,
    onDidShowStatusReport: StatusPanel.onDidShow,
  };
  try {
    await ctx.start();
    api.activation.serverReadyMs = performance.now() - started;
    ctx.output.info(`activated in ${api.activation.registeredMs.toFixed(1)} ms; language server ready after ${api.activation.serverReadyMs.toFixed(1)} ms`);
  } catch (error) {
    // The commands stay registered, so "Restart Server" and the output channel still work.
    ctx.output.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return api;
}

/** Stops the server and waits for it, so it never outlives the extension host. */
export async function deactivate(): Promise<void> {
  if (current?.client.isRunning()) await current.client.stop();
  current = undefined;
}
