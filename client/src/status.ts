import * as vscode from 'vscode';
import { isPlanPath } from '../../server/src/fileRoles';
import { COMMANDS } from '../../server/src/protocol';
import type { Ctx } from './ctx';
import { debounce } from './debounce';
import { findingsText, scheduleText, summarize } from './planSummary';
import { PLAN_SELECTOR } from './selectors';

/** What the status item shows, for tests and the API. */
export interface StatusSnapshot {
  uri: string;
  text: string;
  detail: string;
  severity: 'error' | 'warning' | 'information';
}

const SEVERITY_NAMES = new Map<vscode.LanguageStatusSeverity, StatusSnapshot['severity']>([
  [vscode.LanguageStatusSeverity.Error, 'error'],
  [vscode.LanguageStatusSeverity.Warning, 'warning'],
  [vscode.LanguageStatusSeverity.Information, 'information'],
]);

/**
 * The language status item of plan files: the active plan's errors and warnings, its go-live
 * date (every wave's, in a plan with waves) and critical path, and a link to the timeline.
 * Refreshed, debounced, when the active editor changes or the server publishes new
 * diagnostics for the plan.
 */
export class PlanStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<StatusSnapshot>();
  /** Fires each time the item shows a plan's numbers. */
  readonly onDidUpdate = this.changed.event;
  private current: StatusSnapshot | undefined;
  private request: vscode.CancellationTokenSource | undefined;
  private readonly schedule = debounce(() => void this.refresh(), 200);

  constructor(private readonly ctx: Ctx) {
    this.item = vscode.languages.createLanguageStatusItem('crm-rollout.plan', PLAN_SELECTOR);
    this.item.name = 'CRM Rollout plan';
    this.item.text = 'Checking plan…';
    this.item.busy = true;
    this.disposables.push(
      this.item,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = this.activePlan();
        if (uri && e.uris.some((u) => u.toString() === uri.toString())) this.schedule();
      }),
      ctx.onDidStartServer(() => this.schedule()),
    );
    this.schedule();
  }

  snapshot(): StatusSnapshot | undefined {
    return this.current;
  }

  private activePlan(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && document.uri.scheme === 'file' && isPlanPath(document.uri.path) ? document.uri : undefined;
  }

  private async refresh(): Promise<void> {
    const uri = this.activePlan();
    if (!uri) return;
    this.request?.cancel();
    const request = (this.request = new vscode.CancellationTokenSource());
    this.item.busy = true;
    const data = await this.ctx.timeline(uri, request.token);
    if (request.token.isCancellationRequested) return;
    this.item.busy = false;
    this.item.command = { title: 'Show Timeline', command: COMMANDS.showTimeline, arguments: [uri], tooltip: 'Open the plan as a Gantt chart beside the editor' };
    if (!data) {
      this.item.text = data === null ? 'Not a rollout plan' : 'Plan not checked';
      this.item.detail = data === null ? undefined : 'the language server is not running';
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    const summary = summarize(data);
    const { error, warning } = summary.findings;
    this.item.text = `Plan: ${findingsText(summary.findings)}`;
    this.item.detail = scheduleText(summary);
    this.item.severity = error > 0 ? vscode.LanguageStatusSeverity.Error : warning > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.current = { uri: uri.toString(), text: this.item.text, detail: this.item.detail, severity: SEVERITY_NAMES.get(this.item.severity) ?? 'information' };
    this.changed.fire(this.current);
  }

  dispose(): void {
    this.schedule.cancel();
    this.request?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
