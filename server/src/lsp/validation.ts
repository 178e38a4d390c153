import * as nodePath from 'node:path';
import { FileChangeType, type Connection, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { fileRole } from '../fileRoles';
import { toDiagnostic } from './diagnostics';
import type { DocumentEvent } from './documents';
import { errorText } from './guard';
import type { Analysis, Project } from './project';
import { pathFromUri } from './uris';
import { startServerProgress, yieldToEventLoop } from './workProgress';

/** Quiet time after a keystroke before a document is linted again, until one lint of it was timed. */
export const VALIDATION_DELAY_MS = 150;
/** A lint faster than this (a frame) is run at once after a keystroke: there is nothing to save. */
export const INSTANT_VALIDATION_MS = 16;
/** The longest quiet time, whatever a lint costs: a keystroke is answered within this plus a lint. */
export const MAX_VALIDATION_DELAY_MS = 300;

/**
 * The quiet time after a keystroke, from how long the last validation of the file took (its
 * `durationMs`; undefined before the first). A fast lint runs at once; a slower one waits
 * half its own duration, so while someone types steadily the server is busy linting at most
 * two thirds of the time and stays free to answer completions and hovers, and a large file,
 * whose lint is slow, waits longer; the wait is capped so no keystroke goes unanswered long.
 */
export function validationDelay(durationMs: number | undefined): number {
  if (durationMs === undefined) return VALIDATION_DELAY_MS;
  if (durationMs < INSTANT_VALIDATION_MS) return 0;
  return Math.min(MAX_VALIDATION_DELAY_MS, Math.round(durationMs / 2));
}

/**
 * Decides which files are linted, when, and publishes their diagnostics.
 *
 * - Open plans and `.crm-rollout.yaml` files are linted on open and, debounced, on change;
 *   the quiet time adapts to how long the file's last validation took (validationDelay).
 *   Other open YAML files are linted as directory files only once a plan imports them, so a
 *   stray YAML file of another tool never gets plan diagnostics.
 * - Each scheduled run gets a number; a run that is overtaken by a newer one for the same
 *   file (while it waited for settings) publishes nothing, and neither does one whose text
 *   is no longer the open document's: only the newest text's diagnostics are shown, tagged
 *   with the document version they belong to.
 * - A change to a file re-validates the files that depend on it: plans importing a people
 *   file, and every file when a configuration file changes.
 * - With `crm-rollout.validate: workspace` every plan of the folder is linted from disk (or
 *   from its buffer while open) and its diagnostics stay after it is closed. Unopened plans
 *   are linted one at a time, letting edits and requests in between, with cancellable
 *   work-done progress; a newer workspace refresh supersedes the running one.
 */
export class Validator {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly runs = new Map<string, number>();
  private runCounter = 0;
  /** Files linted because of workspace mode, open or not. */
  private workspaceFiles = new Set<string>();
  private workspaceGeneration = 0;
  /** Files with diagnostics currently shown, and the document version they were computed for. */
  private readonly published = new Map<string, number | undefined>();
  /** How long the last validation of each file took, in ms, for its next quiet time. */
  private readonly durations = new Map<string, number>();

  /** `now` reads a monotonic clock in ms (tests inject one to control validation durations). */
  constructor(
    private readonly connection: Connection,
    private readonly project: Project,
    private readonly now: () => number = () => performance.now(),
  ) {}

  onDocument(uri: string, event: DocumentEvent): void {
    this.project.invalidate(uri);
    if (event === 'close' && !this.workspaceFiles.has(uri)) this.clear(uri);
    else this.schedule(uri, event === 'change' ? this.delayOf(uri) : 0);
    this.revalidateDependants(pathFromUri(uri), event === 'change');
  }

  /** The quiet time before linting a file again after it changed. */
  delayOf(uri: string): number {
    return validationDelay(this.durations.get(uri));
  }

  onWatchedFiles(params: DidChangeWatchedFilesParams): void {
    let rescan = false;
    for (const change of params.changes) {
      const path = pathFromUri(change.uri);
      if (nodePath.basename(path) === '.gitignore' || (fileRole(path) === 'plan' && change.type !== FileChangeType.Changed)) rescan = true;
      if (this.project.documents.isOpen(change.uri)) continue;
      this.project.invalidate(change.uri);
      if (change.type === FileChangeType.Deleted) {
        this.project.forget(change.uri);
        this.workspaceFiles.delete(change.uri);
        this.clear(change.uri);
      } else if (this.workspaceFiles.has(change.uri)) {
        this.schedule(change.uri, this.delayOf(change.uri));
      }
      this.revalidateDependants(path, true);
    }
    if (rescan) {
      this.project.forgetWorkspaceFiles();
      void this.refreshWorkspace();
    }
  }

  /** Settings changed: every file is linted again and workspace mode is re-read per folder. */
  async onSettingsChanged(): Promise<void> {
    this.project.invalidateAll();
    for (const document of this.project.documents.all()) this.schedule(document.uri, 0);
    await this.refreshWorkspace(true);
  }

  /** Starts or stops linting unopened plans, per workspace folder, as `crm-rollout.validate` says. */
  async refreshWorkspace(relintAll = false): Promise<void> {
    const generation = ++this.workspaceGeneration;
    const wanted = new Set<string>();
    const folders = this.project.folderPaths();
    const modes = await Promise.all(folders.map((folder) => this.project.settings.get(this.project.documents.uriOf(folder))));
    const workspaceFolders = folders.filter((_, i) => modes[i].enable && modes[i].validate === 'workspace');
    if (workspaceFolders.length > 0) {
      for (const path of await this.project.workspacePlans()) {
        const folder = this.project.folderOf(path);
        if (folder && workspaceFolders.includes(folder)) wanted.add(this.project.documents.uriOf(path));
      }
    }
    if (generation !== this.workspaceGeneration) return;
    const dropped = [...this.workspaceFiles].filter((uri) => !wanted.has(uri));
    this.workspaceFiles = wanted;
    for (const uri of dropped) if (!this.project.documents.isOpen(uri)) this.clear(uri);
    const unopened = [...wanted].filter((uri) => !this.project.documents.isOpen(uri) && (relintAll || !this.published.has(uri)));
    await this.lintWorkspace(unopened, generation);
  }

  /** Lints unopened workspace plans in turn, reporting progress, until done, cancelled or superseded. */
  private async lintWorkspace(uris: readonly string[], generation: number): Promise<void> {
    if (uris.length === 0) return;
    const progress = await startServerProgress(this.connection, 'crm-rollout: linting workspace plans', 'plan');
    try {
      for (const [index, uri] of uris.entries()) {
        if (generation !== this.workspaceGeneration || progress.token.isCancellationRequested) return;
        // An open document or a pending timer (a change on disk) lints the file anyway.
        if (this.workspaceFiles.has(uri) && !this.project.documents.isOpen(uri) && !this.timers.has(uri)) {
          const run = ++this.runCounter;
          this.runs.set(uri, run);
          await this.validate(uri, run).catch((error: unknown) => this.connection.console.error(`crm-rollout: validating ${uri} failed: ${errorText(error)}`));
        }
        progress.step(index + 1, uris.length);
        await yieldToEventLoop();
      }
    } finally {
      progress.done();
    }
  }

  schedule(uri: string, delay: number): void {
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    const run = ++this.runCounter;
    this.runs.set(uri, run);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validate(uri, run).catch((error: unknown) => this.connection.console.error(`crm-rollout: validating ${uri} failed: ${errorText(error)}`));
      }, delay),
    );
  }

  private revalidateDependants(path: string, debounced: boolean): void {
    for (const uri of this.project.dependantsOf(path)) {
      this.project.invalidate(uri);
      if (this.project.documents.isOpen(uri) || this.workspaceFiles.has(uri)) this.schedule(uri, debounced ? this.delayOf(uri) : 0);
    }
  }

  private async validate(uri: string, run: number): Promise<void> {
    if (!this.project.documents.isOpen(uri) && !this.workspaceFiles.has(uri)) {
      this.clear(uri);
      return;
    }
    const started = this.now();
    const current = this.project.textOf(uri);
    if (current && this.project.inWorker(current.text)) return this.validateInWorker(uri, run, started);
    const analysis = await this.project.analyze(uri);
    const relevant = analysis !== undefined && analysis.settings.enable && (await this.project.isRelevant(analysis));
    if (this.runs.get(uri) !== run || (analysis && this.isStale(analysis))) return;
    if (!analysis || !relevant) {
      this.clear(uri);
      return;
    }
    const durationMs = this.now() - started;
    this.durations.set(uri, durationMs);
    this.publish(analysis);
    if (analysis.settings.trace === 'verbose') {
      this.connection.console.log(`crm-rollout: linted ${analysis.path} in ${durationMs.toFixed(1)} ms (${analysis.result.findings.length} findings)`);
    }
    this.followDependencies(analysis.uri, analysis.result.imports?.files.map((f) => f.path) ?? [], analysis.result.configPath);
  }

  /**
   * Validates a large file in its worker (checkWorkers.ts): this thread stays free for other
   * files' requests and shutdown meanwhile. A newer text cancels the check (Project.invalidate).
   */
  private async validateInWorker(uri: string, run: number, started: number): Promise<void> {
    const settings = await this.project.settings.get(uri);
    if (!settings.enable) {
      this.clear(uri);
      return;
    }
    const checked = await this.project.checkInWorker(uri, settings);
    if (!checked || this.runs.get(uri) !== run) return;
    const open = this.project.documents.get(uri);
    if (open && open.version !== checked.version) return;
    const path = pathFromUri(uri);
    const { result } = checked;
    if (result.role === 'directory' && (await this.project.importers(path)).length === 0) {
      this.clear(uri);
      return;
    }
    const durationMs = this.now() - started;
    this.durations.set(uri, durationMs);
    this.published.set(uri, checked.version);
    void this.connection.sendDiagnostics({ uri, version: checked.version, diagnostics: result.diagnostics });
    if (settings.trace === 'verbose') {
      // The same shape as the main thread's "linted <path> in N ms" line, which the bench reads.
      const what = checked.overBudget ? `stopped checking ${path} over its time budget after` : `checked ${path} in a worker in`;
      this.connection.console.log(`crm-rollout: ${what} ${durationMs.toFixed(1)} ms (${result.findingCount} findings)`);
    }
    this.followDependencies(uri, result.importFiles, result.configPath);
  }

  /** An analysis of a text the open document no longer holds: a newer change has its own run. */
  private isStale(analysis: Analysis): boolean {
    const open = this.project.documents.get(analysis.uri);
    return open !== undefined && open.version !== analysis.version;
  }

  private publish(analysis: Analysis): void {
    const { result } = analysis;
    const uriOf = (path: string) => this.project.documents.uriOf(path);
    const diagnostics = result.findings.map((f) => toDiagnostic(f, result.source, uriOf));
    this.published.set(analysis.uri, analysis.version);
    void this.connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics });
  }

  /** Open people files a plan imports, and in workspace mode its configuration, get their own diagnostics. */
  private followDependencies(planUri: string, importFiles: readonly string[], configPath: string | undefined): void {
    for (const file of importFiles) {
      const uri = this.project.documents.uriOf(file);
      const open = this.project.documents.get(uri);
      if (open && (!this.published.has(uri) || this.published.get(uri) !== open.version) && !this.timers.has(uri)) this.schedule(uri, 0);
    }
    if (configPath && this.workspaceFiles.has(planUri)) {
      const uri = this.project.documents.uriOf(configPath);
      if (!this.workspaceFiles.has(uri)) {
        this.workspaceFiles.add(uri);
        this.schedule(uri, 0);
      }
    }
  }

  private clear(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.runs.delete(uri);
    this.durations.delete(uri);
    this.project.endWorker(uri);
    if (!this.published.has(uri)) return;
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
