import * as nodePath from 'node:path';
import type { Position } from 'vscode-languageserver';
import { lintSteps, type LintOptions, type LintResult } from '../engine/lint';
import { fileRole } from '../fileRoles';
import type { Plan } from '../engine/model';
import { projectRoot } from '../engine/projectRoot';
import type { Schedule } from '../engine/schedule';
import type { CheckResult, Feature } from './checkMessages';
import { WORKER_MIN_LENGTH, type CheckOutcome, type CheckWorkers } from './checkWorkers';
import type { OpenDocuments } from './documents';
import { RecentParses } from './recentParses';
import type { Settings, SettingsStore } from './settings';
import { pathFromUri } from './uris';
import { findPlanFiles } from './workspaceFiles';
import { yieldToEventLoop, type StepProgress } from './workProgress';

/** One file as the engine sees it now: its text, the lint result for that text and the settings used. */
export interface Analysis {
  uri: string;
  path: string;
  text: string;
  /** The editor's version of an open document; undefined for a file read from disk. */
  version?: number;
  result: LintResult;
  settings: Settings;
  /**
   * The newest plan model of this file that could be built. While the text does not parse
   * (someone is typing), completion still offers the ids the plan declared a moment ago.
   */
  lastPlan?: { plan: Plan; schedule: Schedule };
}

/** How long the editor lets one file's lint run (milliseconds, across its stages). */
export const VALIDATION_BUDGET_MS = 10_000;

/** A lint under way: the text and settings it is for, its analysis once the plan model is built, and its end. */
interface RunningLint {
  text: string;
  settings: Settings;
  withModel: Promise<Analysis | undefined>;
  done: Promise<Analysis | undefined>;
}

/**
 * The workspace as the features see it: workspace folders, the plans in them, and one
 * cached analysis per file, recomputed only when the file's text, its settings or one of the
 * files it depends on (imports, configuration) changed.
 */
export class Project {
  private readonly analyses = new Map<string, Analysis>();
  private readonly lastPlans = new Map<string, { plan: Plan; schedule: Schedule }>();
  /** Parses of the documents being edited, so a keystroke re-parses only the item it is in. */
  private readonly parses = new RecentParses();
  private folders: string[] = [];
  private readonly roots = new Map<string, string>();
  private planFiles?: Promise<string[]>;
  /**
   * Whether a directory file's analysis is imported by a known plan, remembered until some
   * plan is analysed anew (its imports may have changed), so requests in a people file do
   * not re-read every plan of the workspace.
   */
  private relevance = new WeakMap<Analysis, Promise<boolean>>();
  /** Lints under way, one per file, so a request or a second validation shares them. */
  private readonly running = new Map<string, RunningLint>();
  /**
   * Counts each file's invalidations (a dependency such as its configuration or an import
   * changed): a lint begun before one is of the old dependencies, so it is neither shared with
   * later requests nor kept as the file's analysis, although its text and settings still match.
   */
  private readonly invalidations = new Map<string, number>();
  /** What the last check in a worker found of each large file (for the dependency graph). */
  private readonly checkedInWorkers = new Map<string, { path: string; text: string; result: CheckResult; overBudget: boolean }>();

  constructor(
    readonly documents: OpenDocuments,
    readonly settings: SettingsStore,
    /** Wall time a lint may take across its stages before it stops with a `limits` finding. */
    private readonly budgetMs = VALIDATION_BUDGET_MS,
    /**
     * The workers that check large files (checkWorkers.ts); without them (a server started in a
     * test's own process) every file is linted here, in stages.
     */
    private readonly workers?: CheckWorkers,
  ) {}

  setFolders(paths: readonly string[]): void {
    this.folders = [...paths].sort((a, b) => b.length - a.length);
    this.planFiles = undefined;
    this.roots.clear();
  }

  folderPaths(): string[] {
    return [...this.folders];
  }

  /** The innermost workspace folder holding a path: the root its config search and imports stay inside. */
  folderOf(path: string): string | undefined {
    return this.folders.find((folder) => {
      const rel = nodePath.relative(folder, path);
      return rel === '' || (!rel.startsWith('..') && !nodePath.isAbsolute(rel));
    });
  }

  lintOptions(path: string, settings: Settings): LintOptions {
    return { fs: this.documents.fs, asOf: settings.asOf, configPath: settings.configPath, root: this.rootOf(path), parse: this.parses.parse };
  }

  /**
   * The project root of a file (projectRoot.ts): its git repository, else its workspace
   * folder, else the nearest folder holding a configuration, else its own folder. Cached per
   * folder until the workspace folders or files change.
   */
  rootOf(path: string): string {
    const dir = nodePath.dirname(path);
    let root = this.roots.get(dir);
    if (root === undefined) {
      root = projectRoot(path, this.documents.fs, { workspaceFolder: this.folderOf(path), lastResort: dir });
      this.roots.set(dir, root);
    }
    return root;
  }

  /** The text of an open document, else of the file on disk; undefined when it cannot be read. */
  textOf(uri: string): { text: string; version?: number } | undefined {
    const open = this.documents.get(uri);
    if (open) return { text: open.getText(), version: open.version };
    const read = this.documents.fs.read(pathFromUri(uri));
    return read.ok ? { text: read.text } : undefined;
  }

  /** The analysis of a file's current text, running its lint (in stages) if no analysis is cached. */
  async analyze(uri: string): Promise<Analysis | undefined> {
    return (await this.begin(uri)).done;
  }

  /**
   * The analysis to answer a request with soon: the finished one, or, while the lint of the
   * text runs (started now if need be), what it found once its plan model and schedule are
   * built, before the rules run. A hover or a completion on a huge plan is answered before
   * its validation ends.
   */
  async analyzeNow(uri: string): Promise<Analysis | undefined> {
    const begun = await this.begin(uri);
    return begun.withModel ?? begun.done;
  }

  /** The analysis of a file's current text: cached, under way (shared), or begun now. */
  private async begin(uri: string): Promise<{ done: Promise<Analysis | undefined>; withModel?: Promise<Analysis | undefined> }> {
    const settings = await this.settings.get(uri);
    // Read the text only after the await, so the analysis is of the newest version.
    const current = this.textOf(uri);
    // A large file has no analysis here: a worker checks it and answers its requests (askWorker).
    if (!current || this.inWorker(current.text)) return { done: Promise.resolve(undefined) };
    const cached = this.analyses.get(uri);
    if (cached && cached.text === current.text && cached.settings === settings) {
      cached.version = current.version;
      return { done: Promise.resolve(cached) };
    }
    const running = this.running.get(uri);
    if (running && running.text === current.text && running.settings === settings) return running;
    const done = this.lint(uri, current, settings);
    // A lint that did not end in its first stage is under way now.
    const begun = this.running.get(uri);
    return begun && begun.text === current.text && begun.settings === settings ? begun : { done };
  }

  /**
   * Lints a text stage by stage (engine/lint.ts lintSteps), letting the event loop run between
   * stages: requests, newer edits and shutdown are handled meanwhile. A lint whose document
   * changed meanwhile is dropped for one of the newest text; one that runs over the time
   * budget stops with a `limits` finding and is the file's analysis until its text changes.
   */
  private async lint(uri: string, current: { text: string; version?: number }, settings: Settings): Promise<Analysis | undefined> {
    const path = pathFromUri(uri);
    const started = performance.now();
    const invalidation = this.invalidations.get(uri);
    const keep = (analysis: Analysis): Analysis => (this.invalidations.get(uri) === invalidation ? this.store(analysis) : analysis);
    const steps = lintSteps(path, current.text, this.lintOptions(path, settings));
    const toAnalysis = (result: LintResult): Analysis => {
      const lastPlan = result.plan && result.schedule ? { plan: result.plan, schedule: result.schedule } : this.lastPlans.get(uri);
      return { uri, path, text: current.text, version: current.version, result, settings, lastPlan };
    };
    let step = steps.next();
    if (step.done) return keep(toAnalysis(step.value));
    let latest = step.value;
    let resolveModel!: (analysis: Analysis | undefined) => void;
    const withModel = new Promise<Analysis | undefined>((resolve) => (resolveModel = resolve));
    // Resolving twice is a no-op: requests get the first analysis with a model, or the end's.
    const modelBuilt = <A extends Analysis | undefined>(analysis: A): A => {
      resolveModel(analysis);
      return analysis;
    };
    const outcome = (async (): Promise<Analysis | undefined> => {
      for (;;) {
        if (performance.now() - started > this.budgetMs) return modelBuilt(keep(toAnalysis(latest.partial(this.budgetMs))));
        await yieldToEventLoop();
        const open = this.documents.get(uri);
        if (open && open.getText() !== current.text) return modelBuilt(await this.analyze(uri));
        step = steps.next();
        if (step.done) return modelBuilt(keep(toAnalysis(step.value)));
        latest = step.value;
        if (latest.next === 'rules') modelBuilt(toAnalysis(latest.partial()));
      }
    })();
    const run: RunningLint = { text: current.text, settings, done: outcome, withModel };
    this.running.set(uri, run);
    // Whatever the end (finished, over budget, superseded), the run is over and requests get its analysis.
    return outcome.finally(() => {
      if (this.running.get(uri) === run) this.running.delete(uri);
      // A lint that threw: requests waiting for its model get nothing rather than waiting forever.
      resolveModel(undefined);
    });
  }

  /** Whether a text is checked in a worker rather than on this thread (checkWorkers.ts). */
  inWorker(text: string): boolean {
    return this.workers !== undefined && text.length >= WORKER_MIN_LENGTH;
  }

  /**
   * Checks a large file's current text in its worker, which then answers the file's requests;
   * undefined when the file cannot be read, or a newer text, a close or shutdown ended the check.
   */
  async checkInWorker(uri: string, settings: Settings): Promise<(CheckOutcome & { version?: number }) | undefined> {
    const current = this.textOf(uri);
    if (!current || !this.workers) return undefined;
    const path = pathFromUri(uri);
    const others = this.documents.all().filter((d) => d.uri !== uri);
    const outcome = await this.workers.check(uri, {
      uri,
      path,
      text: current.text,
      version: current.version,
      settings,
      root: this.rootOf(path),
      open: others.map((d) => [pathFromUri(d.uri), d.getText()]),
      uris: this.documents.all().map((d) => [pathFromUri(d.uri), d.uri]),
    }, this.budgetMs);
    if (outcome) this.checkedInWorkers.set(uri, { path, text: current.text, result: outcome.result, overBudget: outcome.overBudget });
    return outcome && { ...outcome, version: current.version };
  }

  /**
   * A request on a large open file, answered by its worker from the check of the file's current
   * text; 'checking' until that check ends (the request is not held up meanwhile); a null answer
   * when the check ran over its budget; undefined when the file is not checked in a worker.
   */
  async askWorker(uri: string, feature: (offsetAt: (position: Position) => number) => Feature): Promise<{ answer: unknown } | 'checking' | undefined> {
    const open = this.documents.get(uri);
    if (!open || !this.workers || !this.inWorker(open.getText())) return undefined;
    if (!(await this.settings.get(uri)).enable) return { answer: null };
    const text = open.getText();
    if (this.workers.state(uri, text) !== 'checked') {
      const last = this.checkedInWorkers.get(uri);
      return last?.text === text && last.overBudget ? { answer: null } : 'checking';
    }
    return { answer: await this.workers.ask(uri, feature((position) => open.offsetAt(position))) };
  }

  /** A file is no longer validated (closed, deleted, disabled): its worker, if any, ends. */
  endWorker(uri: string): void {
    this.workers?.stop(uri);
    this.checkedInWorkers.delete(uri);
  }

  /** Stops every worker: the server is shutting down. */
  stopWorkers(): void {
    this.workers?.stopAll();
  }

  /** Keeps a finished analysis for its text and remembers its plan for completion while typing. */
  private store(analysis: Analysis): Analysis {
    const { result } = analysis;
    if (result.plan && result.schedule) this.lastPlans.set(analysis.uri, { plan: result.plan, schedule: result.schedule });
    this.analyses.set(analysis.uri, analysis);
    if (result.role === 'plan') this.relevance = new WeakMap();
    return analysis;
  }

  /** The cached analysis, whatever its age (for the dependency graph). */
  cached(uri: string): Analysis | undefined {
    return this.analyses.get(uri);
  }

  analyzed(): Analysis[] {
    return [...this.analyses.values()];
  }

  /** Forgets a file's analysis (its text or one of its dependencies changed). */
  invalidate(uri: string): void {
    this.analyses.delete(uri);
    this.running.delete(uri);
    this.invalidations.set(uri, (this.invalidations.get(uri) ?? 0) + 1);
    this.workers?.cancel(uri);
  }

  /** Forgets a file for good (closed and not linted from disk, or deleted): its worker ends too. */
  forget(uri: string): void {
    this.analyses.delete(uri);
    this.lastPlans.delete(uri);
    this.endWorker(uri);
  }

  invalidateAll(): void {
    this.analyses.clear();
    for (const uri of this.checkedInWorkers.keys()) this.workers?.cancel(uri);
  }

  /**
   * The analysed files whose result depends on `path`: they import it (directly or through
   * other imports) or use it as configuration. A configuration file can start applying to any
   * plan (created, renamed), so a change to one concerns every analysed file.
   */
  dependantsOf(path: string): string[] {
    const config = fileRole(path) === 'config';
    const here = this.analyzed()
      .filter((a) => a.path !== path && (config || a.result.dependencies.includes(path) || (a.result.imports?.files.some((f) => f.path === path) ?? false)))
      .map((a) => a.uri);
    const inWorkers = [...this.checkedInWorkers]
      .filter(([, c]) => c.path !== path && (config || c.result.dependencies.includes(path) || c.result.importFiles.includes(path)))
      .map(([uri]) => uri);
    return [...here, ...inWorkers];
  }

  /** Every plan file in the workspace folders (cached until files are created, deleted or folders change). */
  workspacePlans(): Promise<string[]> {
    this.planFiles ??= Promise.all(this.folders.map((folder) => findPlanFiles(folder))).then((lists) => [...new Set(lists.flat())]);
    return this.planFiles;
  }

  /** Plan files were created or deleted, or a .gitignore changed. */
  forgetWorkspaceFiles(): void {
    this.planFiles = undefined;
    this.roots.clear();
    this.relevance = new WeakMap();
  }

  /** The known plans that import a file (directly or through other imports). */
  async importers(path: string): Promise<Analysis[]> {
    return (await this.allPlans()).filter((a) => a.result.imports?.files.some((f) => f.path === path) ?? false).sort((a, b) => a.path.localeCompare(b.path));
  }

  /**
   * Whether the server has anything to say about a file: plans and configuration files
   * always; any other YAML file only when a known plan imports it (a people or holiday
   * directory), so another tool's YAML gets no diagnostics, completion or hovers.
   */
  isRelevant(analysis: Analysis): Promise<boolean> {
    if (analysis.result.role !== 'directory') return Promise.resolve(true);
    let relevant = this.relevance.get(analysis);
    if (!relevant) {
      relevant = this.importers(analysis.path).then((plans) => plans.length > 0);
      this.relevance.set(analysis, relevant);
    }
    return relevant;
  }

  /**
   * Analyses of every plan the server knows: open ones and those in the workspace folders.
   * With `progress`, each plan is a step, messages are let in between plans that had to be
   * linted, and a cancellation stops the job with the protocol's "cancelled" error.
   */
  async allPlans(progress?: StepProgress): Promise<Analysis[]> {
    const uris = new Set(this.documents.all().map((d) => d.uri).filter((uri) => fileRole(pathFromUri(uri)) === 'plan'));
    for (const path of await this.workspacePlans()) uris.add(this.documents.uriOf(path));
    const out: Analysis[] = [];
    let done = 0;
    for (const uri of uris) {
      const before = this.analyses.get(uri);
      const analysis = await this.analyze(uri);
      if (analysis?.settings.enable && analysis.result.role === 'plan') out.push(analysis);
      if (!progress) continue;
      progress.step(++done, uris.size);
      if (analysis !== before) {
        await yieldToEventLoop();
        progress.throwIfCancelled();
      }
    }
    return out;
  }
}
