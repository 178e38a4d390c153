import {
  CodeActionKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import packageJson from '../../../package.json';
import { lintText } from '../engine/lint';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import {
  COMMANDS,
  FIX_ALL_KIND,
  NEW_PLAN_REQUEST,
  PLAN_TEMPLATES_REQUEST,
  RENDER_TIMELINE_REQUEST,
  SERVER_COMMANDS,
  STATUS_REPORT_REQUEST,
  TIMELINE_EDIT_REQUEST,
  TIMELINE_REQUEST,
  type NewPlanParams,
  type RenderTimelineParams,
  type RenderTimelineResult,
  type StatusReportParams,
  type StatusReportResult,
  type TimelineEditParams,
  type TimelineEditResult,
  type TimelineParams,
  type TimelineResult,
} from '../protocol';
import type { Feature } from './checkMessages';
import { CheckWorkers } from './checkWorkers';
import { clientSupport, NO_CLIENT_SUPPORT, type ClientSupport } from './clientSupport';
import { codeActions } from './codeActions';
import { codeLenses } from './codeLens';
import { completions } from './completion';
import { OpenDocuments, type DocumentEvent } from './documents';
import { guard, guardNotification } from './guard';
import { hover } from './hover';
import { inlayHints } from './inlayHints';
import { definition, prepareRename, references, rename } from './navigation';
import { newPlanFiles, planTemplates } from './newPlan';
import { Project, VALIDATION_BUDGET_MS, type Analysis } from './project';
import { showRuleDoc } from './ruleDoc';
import { SettingsStore } from './settings';
import { SettingBaselines } from './settingBaseline';
import { statusReport } from './statusReport';
import { documentSymbols, foldingRanges, workspaceSymbols } from './symbols';
import { timeline } from './timeline';
import { timelineEdit } from './timelineEdit';
import { renderTimelineExport } from './timelineExport';
import { pathFromUri } from './uris';
import { Validator } from './validation';
import { withRequestProgress } from './workProgress';

/**
 * The time budget of one file's lint in the editor: VALIDATION_BUDGET_MS, or
 * CRM_ROLLOUT_VALIDATION_BUDGET_MS milliseconds when set (tests use a tiny one).
 */
function validationBudgetMs(): number {
  const raw = process.env.CRM_ROLLOUT_VALIDATION_BUDGET_MS;
  const ms = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : VALIDATION_BUDGET_MS;
}

/** What a test may replace of the server's surroundings. */
export interface ServerOptions {
  /** A monotonic clock in ms, which times validations for the adaptive debounce (validation.ts). */
  clock?: () => number;
  /**
   * The script a check worker runs (dist/server.js, main.ts): large files are checked in worker
   * threads (checkWorkers.ts). Without it (a server in a test's own process) every file is
   * linted on the server's thread, in stages.
   */
  workerScript?: string;
  /** Called when the client asks the server to shut down (the stdio transport's exit code). */
  onShutdown?: () => void;
}

/** What a request on a large file answers while its worker still checks it. */
const STILL_CHECKING: Hover = {
  contents: { kind: 'markdown', value: 'crm-rollout is still checking this large file; hovers and completion answer once its diagnostics are shown.' },
};

/** Wiring only: capabilities, and each protocol message handed to the module that answers it. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const log = connection.console;
  const documents = new OpenDocuments(new NodeFileSystem());
  let canPullSettings = false;
  let snippets = false;
  let watchFiles = false;
  let folderEvents = false;
  let support: ClientSupport = NO_CLIENT_SUPPORT;
  const settings: SettingsStore = new SettingsStore(connection, () => canPullSettings, (uri): string | undefined => project.folderOf(pathFromUri(uri)));
  const workers = options.workerScript ? new CheckWorkers(options.workerScript, (message) => log.error(message)) : undefined;
  const project: Project = new Project(documents, settings, validationBudgetMs(), workers);
  const baselines = new SettingBaselines();
  const validator = new Validator(connection, project, options.clock);
  const uriOf = (path: string) => documents.uriOf(path);

  /**
   * The analysis a request works on; undefined when the file is unknown or the server is
   * disabled for it. With `now`, a lint under way is not waited for: the request gets what it
   * found so far (hover and completion, which must never wait for a huge plan's validation).
   */
  const analysisOf = async (uri: string, now = false): Promise<Analysis | undefined> => {
    const analysis = await (now ? project.analyzeNow(uri) : project.analyze(uri));
    return analysis?.settings.enable && (await project.isRelevant(analysis)) ? analysis : undefined;
  };
  /**
   * A request on a large file, which its worker answers (project.ts askWorker): `checking` while
   * the worker still checks the file's text, `none` when it has no answer (the check ran over its
   * budget). Undefined for a file analysed on this thread.
   */
  const fromWorker = async <R>(uri: string, feature: (offsetAt: (position: Position) => number) => Feature, checking: R, none: R): Promise<{ answer: R } | undefined> => {
    const asked = await project.askWorker(uri, feature);
    if (asked === 'checking') return { answer: checking };
    // The worker computed the answer with the same function as this thread would (checkWorker.ts).
    return asked && { answer: (asked.answer ?? none) as R };
  };
  const offsetOf = (analysis: Analysis, position: Position): number => {
    const open = documents.get(analysis.uri);
    if (open && open.getText() === analysis.text) return open.offsetAt(position);
    const starts = analysis.result.source.lineCounter.lineStarts;
    const line = Math.max(0, Math.min(position.line, starts.length - 1));
    return Math.min(analysis.text.length, (starts[line] ?? 0) + Math.max(0, position.character));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canPullSettings = caps.workspace?.configuration === true;
    snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    support = clientSupport(caps);
    // The server opens rule pages itself only for a client that cannot, but can show a document.
    const serverCommands = support.showDocument && !support.commands.has(COMMANDS.openRuleDoc) ? [SERVER_COMMANDS.showRuleDoc] : [];
    const folders = params.workspaceFolders?.map((f) => pathFromUri(f.uri)) ?? (params.rootUri ? [pathFromUri(params.rootUri)] : []);
    project.setFolders(folders);
    settings.push(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', '[', ','] },
        hoverProvider: true,
        definitionProvider: true,
        // These read every plan of the workspace, which takes a while in a large one.
        referencesProvider: { workDoneProgress: true },
        renameProvider: { prepareProvider: true, workDoneProgress: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: { workDoneProgress: true },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        ...(serverCommands.length > 0 ? { executeCommandProvider: { commands: serverCommands } } : {}),
        inlayHintProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'crm-rollout-language-server', version: packageJson.version },
    };
  });

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      if (watchFiles) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.gitignore' }],
        });
      }
      if (folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification(log, 'workspace folders', async (event) => {
            const removed = new Set(event.removed.map((f) => pathFromUri(f.uri)));
            const kept = project.folderPaths().filter((f) => !removed.has(f));
            project.setFolders([...kept, ...event.added.map((f) => pathFromUri(f.uri))]);
            settings.clear();
            await validator.onSettingsChanged();
          }),
        );
      }
      await validator.refreshWorkspace();
    }),
  );

  documents.onEvent(guardNotification(log, 'document event', (uri: string, event: DocumentEvent) => validator.onDocument(uri, event)));
  connection.onDidChangeConfiguration(
    guardNotification(log, 'configuration change', async (params) => {
      settings.push(params.settings);
      await validator.onSettingsChanged();
    }),
  );
  connection.onDidChangeWatchedFiles(guardNotification(log, 'watched files', (params) => validator.onWatchedFiles(params)));

  connection.onCompletion(
    guard(log, 'completion', [] as CompletionItem[] | CompletionList, async (params) => {
      const large = await fromWorker<CompletionItem[] | CompletionList>(
        params.textDocument.uri,
        (offsetAt) => ({ name: 'completion', offset: offsetAt(params.position), snippets }),
        // Incomplete: the client asks again at the next keystroke, by when the check may have ended.
        { isIncomplete: true, items: [] },
        [],
      );
      if (large) return large.answer;
      const analysis = await analysisOf(params.textDocument.uri, true);
      return analysis ? completions(analysis, offsetOf(analysis, params.position), { snippets }) : [];
    }),
  );
  connection.onHover(
    guard(log, 'hover', null as Hover | null, async (params) => {
      const large = await fromWorker<Hover | null>(params.textDocument.uri, (offsetAt) => ({ name: 'hover', offset: offsetAt(params.position) }), STILL_CHECKING, null);
      if (large) return large.answer;
      const analysis = await analysisOf(params.textDocument.uri, true);
      if (!analysis) return null;
      const importing = analysis.result.role === 'directory' ? await project.importers(analysis.path) : [];
      return hover(analysis, offsetOf(analysis, params.position), importing, baselines);
    }),
  );
  connection.onDefinition(
    guard(log, 'definition', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? definition(analysis, offsetOf(analysis, params.position), uriOf) : [];
    }),
  );
  connection.onReferences(
    guard(log, 'references', [], async (params, cancel, workDone) => {
      const analysis = await analysisOf(params.textDocument.uri);
      if (!analysis) return [];
      const plans = await withRequestProgress(workDone, cancel, 'Finding references in every plan', (progress) => project.allPlans(progress));
      return references(analysis, offsetOf(analysis, params.position), params.context.includeDeclaration, plans, uriOf);
    }),
  );
  connection.onPrepareRename(
    guard(log, 'prepare rename', null, async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? prepareRename(analysis, offsetOf(analysis, params.position)) : null;
    }),
  );
  connection.onRenameRequest(
    guard(log, 'rename', null, async (params, cancel, workDone) => {
      const analysis = await analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const plans = await withRequestProgress(workDone, cancel, 'Renaming in every plan', (progress) => project.allPlans(progress));
      return rename(analysis, offsetOf(analysis, params.position), params.newName, plans, uriOf);
    }),
  );
  connection.onDocumentSymbol(
    guard(log, 'document symbols', [] as DocumentSymbol[], async (params) => {
      const large = await fromWorker<DocumentSymbol[]>(params.textDocument.uri, () => ({ name: 'documentSymbols' }), [], []);
      if (large) return large.answer;
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? documentSymbols(analysis) : [];
    }),
  );
  connection.onFoldingRanges(
    guard(log, 'folding ranges', [] as FoldingRange[], async (params) => {
      const large = await fromWorker<FoldingRange[]>(params.textDocument.uri, () => ({ name: 'foldingRanges' }), [], []);
      if (large) return large.answer;
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? foldingRanges(analysis) : [];
    }),
  );
  connection.onWorkspaceSymbol(
    guard(log, 'workspace symbols', [], async (params, cancel, workDone) => {
      const plans = await withRequestProgress(workDone, cancel, 'Searching every plan', (progress) => project.allPlans(progress));
      return workspaceSymbols(plans, params.query, uriOf);
    }),
  );
  connection.onCodeAction(
    guard(log, 'code actions', [] as CodeAction[], async (params) => {
      const large = await fromWorker<CodeAction[]>(params.textDocument.uri, () => ({ name: 'codeActions', params, support }), [], []);
      if (large) return large.answer;
      const analysis = await analysisOf(params.textDocument.uri);
      if (!analysis) return [];
      const options = project.lintOptions(analysis.path, analysis.settings);
      return codeActions(analysis, params, (text) => lintText(analysis.path, text, options).findings, uriOf, support);
    }),
  );
  connection.onCodeLens(
    guard(log, 'code lens', [] as CodeLens[], async (params) => {
      const large = await fromWorker<CodeLens[]>(params.textDocument.uri, () => ({ name: 'codeLens', support }), [], []);
      if (large) return large.answer;
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? codeLenses(analysis, support) : [];
    }),
  );
  connection.languages.inlayHint.on(
    guard(log, 'inlay hints', [] as InlayHint[], async (params) => {
      const large = await fromWorker<InlayHint[]>(params.textDocument.uri, () => ({ name: 'inlayHints', range: params.range }), [], []);
      if (large) return large.answer;
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? inlayHints(analysis, params.range) : [];
    }),
  );
  connection.onExecuteCommand(
    guard(log, 'execute command', null, async (params) => {
      if (params.command === SERVER_COMMANDS.showRuleDoc) await showRuleDoc(connection, params.arguments?.[0]);
      return null;
    }),
  );
  connection.onRequest(
    TIMELINE_REQUEST,
    guard(log, 'timeline', null as TimelineResult, async (params: TimelineParams) => timeline(await analysisOf(params.uri))),
  );
  connection.onRequest(
    TIMELINE_EDIT_REQUEST,
    guard(log, 'timeline edit', { ok: false, reason: 'the edit could not be computed (see the output log)' } as TimelineEditResult, async (params: TimelineEditParams) =>
      timelineEdit(project, await analysisOf(params.uri), params),
    ),
  );
  connection.onRequest(
    STATUS_REPORT_REQUEST,
    guard(log, 'status report', null as StatusReportResult, async (params: StatusReportParams) => statusReport(await analysisOf(params.uri), params, baselines)),
  );
  connection.onRequest(PLAN_TEMPLATES_REQUEST, () => planTemplates());
  // Invalid parameters are answered with the protocol's error, which names what is wrong.
  connection.onRequest(NEW_PLAN_REQUEST, (params: NewPlanParams) => newPlanFiles(params));
  connection.onRequest(
    RENDER_TIMELINE_REQUEST,
    guard(log, 'render timeline', null as RenderTimelineResult, (params: RenderTimelineParams) => renderTimelineExport(params)),
  );

  // After shutdown no check publishes anything: every worker ends at once, whatever it was checking.
  connection.onShutdown(() => {
    project.stopWorkers();
    options.onShutdown?.();
  });

  documents.listen(connection);
  connection.listen();
}
