import * as nodePath from 'node:path';
import { lintText, type LintOptions, type LintResult } from '../engine/lint';
import { fileRole } from '../fileRoles';
import type { Plan } from '../engine/model';
import { projectRoot } from '../engine/projectRoot';
import type { Schedule } from '../engine/schedule';
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

  constructor(
    readonly documents: OpenDocuments,
    readonly settings: SettingsStore,
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

  async analyze(uri: string): Promise<Analysis | undefined> {
    const settings = await this.settings.get(uri);
    // Read the text only after the await, so the analysis is of the newest version.
    const current = this.textOf(uri);
    if (!current) return undefined;
    const cached = this.analyses.get(uri);
    if (cached && cached.text === current.text && cached.settings === settings) {
      cached.version = current.version;
      return cached;
    }
    const path = pathFromUri(uri);
    const result = lintText(path, current.text, this.lintOptions(path, settings));
    if (result.plan && result.schedule) this.lastPlans.set(uri, { plan: result.plan, schedule: result.schedule });
    const analysis: Analysis = { uri, path, text: current.text, version: current.version, result, settings, lastPlan: this.lastPlans.get(uri) };
    this.analyses.set(uri, analysis);
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
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.lastPlans.delete(uri);
  }

  invalidateAll(): void {
    this.analyses.clear();
  }

  /**
   * The analysed files whose result depends on `path`: they import it (directly or through
   * other imports) or use it as configuration. A configuration file can start applying to any
   * plan (created, renamed), so a change to one concerns every analysed file.
   */
  dependantsOf(path: string): string[] {
    const config = fileRole(path) === 'config';
    return this.analyzed()
      .filter((a) => a.path !== path && (config || a.result.dependencies.includes(path) || (a.result.imports?.files.some((f) => f.path === path) ?? false)))
      .map((a) => a.uri);
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
