import * as vscode from 'vscode';
import type { Range } from '../../../server/src/engine/types';
import { planStem } from '../../../server/src/fileRoles';
import { TIMELINE_VIEW_TYPE, type RenderTimelineResult, type TimelineEditResult, type TimelineGesture, type TimelineView } from '../../../server/src/protocol';
import type { ExportFormat, FromWebview, ToWebview } from '../../webview/messages';
import type { Ctx } from '../ctx';
import { debounce } from '../debounce';
import { itemAtCursor } from './itemAtCursor';
import { PlanEditGuard } from './planEditGuard';
import { onPlanChange, planPanelTitle, registerPlanPanelSerializer, setPlanPanelIcon } from './planPanel';
import { createNonce, timelineHtml } from './webviewHtml';

/** Quiet time after an edit before the timeline is asked for again. */
const UPDATE_DELAY_MS = 250;

export interface RenderReport {
  uri: string;
  phases: number;
  milestones: number;
  ms: number;
}

function webviewOptions(ctx: Ctx): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist')] };
}

function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** A file leaves the editor, where the theme variables do not exist: it embeds a fixed palette like the editor's. */
function exportTheme(): 'light' | 'dark' {
  const kind = vscode.window.activeColorTheme.kind;
  return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? 'dark' : 'light';
}

/**
 * The Gantt preview of one plan beside its editor: one panel per plan, revived after a reload
 * by the serializer, refreshed (debounced) as the plan or its imports change, following the
 * editor's cursor, and revealing in the editor whatever is clicked in the chart.
 */
export class TimelinePanel implements vscode.Disposable {
  private static readonly panels = new Map<string, TimelinePanel>();
  private static readonly rendered = new vscode.EventEmitter<RenderReport>();
  /** Fires each time a webview has drawn a timeline. */
  static readonly onDidRender = TimelinePanel.rendered.event;
  private static readonly edited = new vscode.EventEmitter<{ uri: string; summary: string }>();
  /** Fires after an edit from the timeline was applied to the plan. */
  static readonly onDidEdit = TimelinePanel.edited.event;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduleUpdate = debounce(() => void this.update(), UPDATE_DELAY_MS);
  private data: TimelineView | undefined;
  private readonly guard: PlanEditGuard;
  private generation = 0;
  private highlighted: string | undefined;

  static createOrShow(ctx: Ctx, uri: vscode.Uri): TimelinePanel {
    const existing = TimelinePanel.panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, planPanelTitle('Timeline', uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(ctx));
    return new TimelinePanel(ctx, panel, uri);
  }

  /** Brings timeline panels back after a window reload (needs `onWebviewPanel:crm-rollout.timeline`); the webview state names the plan. */
  static registerSerializer(ctx: Ctx): vscode.Disposable {
    return registerPlanPanelSerializer(
      TIMELINE_VIEW_TYPE,
      (uri) => TimelinePanel.panels.has(uri.toString()),
      (panel, uri) => {
        panel.webview.options = webviewOptions(ctx);
        new TimelinePanel(ctx, panel, uri);
      },
    );
  }

  /** The panel the user is looking at, for the export commands of the panel's title bar. */
  static active(): TimelinePanel | undefined {
    return [...TimelinePanel.panels.values()].find((p) => p.panel.active) ?? [...TimelinePanel.panels.values()].find((p) => p.panel.visible);
  }

  static disposeAll(): void {
    for (const panel of [...TimelinePanel.panels.values()]) panel.dispose();
  }

  private constructor(
    private readonly ctx: Ctx,
    private readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
  ) {
    TimelinePanel.panels.set(uri.toString(), this);
    panel.title = planPanelTitle('Timeline', uri);
    setPlanPanelIcon(ctx, panel);
    panel.webview.html = timelineHtml(panel.webview, ctx.extension.extensionUri, createNonce());
    const isMine = (u: vscode.Uri) => u.toString() === uri.toString();
    this.guard = new PlanEditGuard(uri);
    this.disposables.push(
      this.guard,
      this.guard.onDidChange(() => this.postDragOff()),
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      ...onPlanChange(ctx, uri, () => this.scheduleUpdate()),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (isMine(e.textEditor.document.uri)) this.followCursor(e.selections[0].active);
      }),
    );
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const data = await this.ctx.timeline(this.uri);
    // An older answer that arrives after a newer request would show stale dates.
    if (generation !== this.generation || !TimelinePanel.panels.has(this.uri.toString())) return;
    if (!data) {
      const message = data === null ? 'This file is not a rollout plan (*.rollout.yaml).' : 'The language server is not running; see the CRM Rollout output channel.';
      this.post({ type: 'unavailable', uri: this.uri.toString(), message });
      return;
    }
    this.data = data;
    this.post({ type: 'timeline', uri: this.uri.toString(), data });
    this.postDragOff();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    if (editor) this.followCursor(editor.selection.active);
  }

  /** Tells the webview whether gestures can edit the plan: the editor and the disk first, then the plan itself. */
  private postDragOff(): void {
    this.post({ type: 'dragOff', reason: this.guard.reason ?? this.data?.dragOff });
  }

  private followCursor(at: vscode.Position): void {
    if (!this.data) return;
    const id = itemAtCursor(this.data, { line: at.line, character: at.character });
    if (id === this.highlighted) return;
    this.highlighted = id;
    this.post({ type: 'highlight', id });
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A fresh or reloaded webview: it may show its saved state, but the plan may have changed since.
        this.highlighted = undefined;
        await this.update();
        return;
      case 'reveal':
        await this.reveal(message.range);
        return;
      case 'export':
        await this.export(message.format);
        return;
      case 'gesture':
        await this.gesture(message.seq, message.gesture, message.commit);
        return;
      case 'rendered':
        this.ctx.output.debug(`timeline of ${this.uri.fsPath} drawn in ${message.ms.toFixed(1)} ms`);
        TimelinePanel.rendered.fire({ uri: this.uri.toString(), phases: message.phases, milestones: message.milestones, ms: message.ms });
        return;
    }
  }

  /**
   * A gesture on the timeline: the server computes the edit (or refuses it), and a committed one
   * is applied to the document as one edit, so one undo restores the text exactly.
   */
  private async gesture(seq: number, gesture: TimelineGesture, commit: boolean): Promise<void> {
    const result = await this.gestureResult(gesture, commit);
    this.post({ type: 'gestureResult', seq, commit, result });
  }

  private async gestureResult(gesture: TimelineGesture, commit: boolean): Promise<TimelineEditResult> {
    // A preview goes by what was last seen; an edit looks again first (a setting or the disk may have changed since).
    const off = commit ? await this.guard.check() : this.guard.reason;
    if (off) return { ok: false, reason: off };
    try {
      const document = await vscode.workspace.openTextDocument(this.uri);
      const result = await this.ctx.timelineEdit({ uri: this.uri.toString(), version: document.version, gesture });
      if (!commit || !result.ok) return result;
      const edit = await this.ctx.client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
      if (!(await vscode.workspace.applyEdit(edit))) return { ok: false, reason: 'the editor did not accept the edit: try again on the updated timeline' };
      this.ctx.output.info(`timeline edit of ${this.uri.fsPath}: ${result.summary}`);
      TimelinePanel.edited.fire({ uri: this.uri.toString(), summary: result.summary });
      return result;
    } catch (error) {
      this.ctx.output.warn(`timeline edit of ${this.uri.fsPath} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, reason: 'the edit could not be computed; see the CRM Rollout output channel' };
    }
  }

  private async reveal(range: Range): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const selection = toRange(range);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * Draws the timeline the panel shows in a format (with the CLI's renderers, through the
   * language server), then copies it or saves it (to `target`, else where the user picks).
   */
  async export(format: ExportFormat, target?: vscode.Uri): Promise<void> {
    const data = this.data;
    if (!data) {
      void vscode.window.showErrorMessage('The timeline is not drawn yet; wait for it and try again.');
      return;
    }
    let rendered: RenderTimelineResult = null;
    try {
      rendered = await this.ctx.renderTimeline({ data, format, theme: exportTheme() });
    } catch (error) {
      this.ctx.output.warn(`exporting the timeline of ${this.uri.fsPath} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!rendered) {
      void vscode.window.showErrorMessage('The timeline could not be exported; see the CRM Rollout output channel.');
      return;
    }
    await this.deliver(format, rendered.text, target);
  }

  private async deliver(format: ExportFormat, text: string, chosen?: vscode.Uri): Promise<void> {
    if (format === 'mermaid') {
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage('Copied the timeline as a Mermaid Gantt chart.');
      return;
    }
    const name = planStem(this.uri.path) || 'plan';
    const target =
      chosen ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(this.uri, '..', `${name}.timeline.svg`),
        filters: { 'SVG image': ['svg'] },
        saveLabel: 'Save timeline',
      }));
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    this.ctx.output.info(`saved the timeline of ${this.uri.fsPath} to ${target.fsPath}`);
  }

  dispose(): void {
    if (TimelinePanel.panels.get(this.uri.toString()) === this) TimelinePanel.panels.delete(this.uri.toString());
    this.scheduleUpdate.cancel();
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
