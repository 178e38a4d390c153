import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/server';
import { CLIENT_CAPABILITY } from '../../server/src/protocol';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowDocumentParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

/**
 * Drives the real language server (dist/server.js, built by globalSetup.ts) over stdio, as an
 * editor would: a protocol client, a temporary workspace of real files, and helpers that
 * wait for the server's notifications instead of sleeping.
 */

const SERVER = fileURLToPath(new URL('../../dist/server.js', import.meta.url));
const WAIT_MS = 15000;

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** A temporary folder holding `files` (relative path -> text); removed by `dispose`. */
export function createWorkspace(files: Record<string, string>): { root: string; path(rel: string): string; uri(rel: string): string; write(rel: string, text: string): void; dispose(): void } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'crm-rollout-lsp-')));
  const write = (rel: string, text: string) => {
    const full = join(root, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return {
    root,
    path: (rel) => join(root, rel),
    uri: (rel) => uriOf(join(root, rel)),
    write,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

type Waiter = { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export interface ServerOptions {
  /** What the client answers to `workspace/configuration` for the `crm-rollout` section. */
  settings?: Record<string, unknown>;
  snippetSupport?: boolean;
  /** Client commands the client says it implements (`experimental.crmRollout.commands`), as VS Code's does. */
  clientCommands?: string[];
  /** Whether the client opens documents on request (`window.showDocument.support`). */
  showDocument?: boolean;
  /** Announce `window.workDoneProgress`, so the server may start progress of its own. */
  workDoneProgress?: boolean;
  /** Environment variables added to the spawned server's (e.g. a tiny validation budget). */
  env?: Record<string, string>;
  /** The clock that times the server's validations (startInProcess only): tests set how long a lint "took". */
  clock?: () => number;
}

/** One `$/progress` notification: its token and its begin/report/end value. */
export interface ProgressMessage {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; percentage?: number; message?: string; cancellable?: boolean };
}

export class LspServer {
  readonly logs: string[] = [];
  /** The `window/showDocument` requests the server sent, answered as shown. */
  readonly shownDocuments: ShowDocumentParams[] = [];
  initializeResult: InitializeResult | undefined;
  /** Mutable: the next `workspace/configuration` answers read it. */
  settings: Record<string, unknown>;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly history: PublishDiagnosticsParams[] = [];
  private waiters: Waiter[] = [];
  /** Every `$/progress` notification received, in order. */
  readonly progress: ProgressMessage[] = [];
  /** Tokens the server asked to create with `window/workDoneProgress/create`. */
  readonly progressTokens: (string | number)[] = [];
  private progressWaiters: { accept: (p: ProgressMessage) => boolean; resolve: (p: ProgressMessage) => void }[] = [];
  private readonly versions = new Map<string, number>();
  private exited = false;

  /** `process` is the server's process; undefined when the server runs in this one (startInProcess). */
  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess | undefined,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    process?.on('exit', () => {
      this.exited = true;
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      this.history.push(params);
      const ready = this.waiters.filter((w) => w.uri === params.uri && w.accept(params));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => params.items.map(() => this.settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.progressTokens.push(params.token);
      return null;
    });
    connection.onNotification('$/progress', (params: ProgressMessage) => {
      this.progress.push(params);
      const ready = this.progressWaiters.filter((w) => w.accept(params));
      this.progressWaiters = this.progressWaiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(params);
    });
  }

  static async start(folder: string, options: ServerOptions = {}): Promise<LspServer> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    // A write racing the server's exit fails on a closed pipe; whether the server is still up is
    // what `alive` and the requests' answers say, so the failed write must not crash the process.
    child.stdin!.on('error', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new LspServer(connection, child, options.settings ?? {});
    child.stderr!.on('data', (chunk: Buffer) => server.logs.push(chunk.toString()));
    return server.initialize(folder, options);
  }

  /**
   * The same server (server/src/lsp/server.ts) in this process, over in-memory streams, so a
   * test can drive its timers with vitest's fake timers instead of waiting on the clock.
   */
  static async startInProcess(folder: string, options: ServerOptions = {}): Promise<LspServer> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Reader and writer objects, not streams: given streams, createConnection exits the process when they end.
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { clock: options.clock });
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    return new LspServer(connection, undefined, options.settings ?? {}).initialize(folder, options);
  }

  private async initialize(folder: string, options: ServerOptions): Promise<LspServer> {
    const { connection } = this;
    connection.listen();
    this.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: this.process ? process.pid : null,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: 'workspace' }],
      capabilities: {
        window: { workDoneProgress: options.workDoneProgress ?? false, ...(options.showDocument ? { showDocument: { support: true } } : {}) },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          completion: { completionItem: { snippetSupport: options.snippetSupport ?? true } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          rename: { prepareSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
        ...(options.clientCommands ? { experimental: { [CLIENT_CAPABILITY]: { commands: options.clientCommands } } } : {}),
      },
    });
    connection.sendNotification('initialized', {});
    return this;
  }

  /** The server's process id (this process's for an in-process server). */
  get pid(): number | undefined {
    return this.process ? this.process.pid : process.pid;
  }

  get alive(): boolean {
    return !this.exited && (this.process === undefined || this.process.exitCode === null);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resolves with the first diagnostics for `uri` that `accept` takes, including ones already received. */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const latest = this.latest.get(uri);
    if (latest && accept(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { uri, accept, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (!this.waiters.includes(waiter)) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching diagnostics for ${uri} within ${WAIT_MS} ms; last: ${JSON.stringify(this.latest.get(uri)?.diagnostics.map((d) => d.code))}`));
      }, WAIT_MS);
    });
  }

  /** Resolves with the first `$/progress` notification that `accept` takes, including ones already received. */
  waitForProgress(accept: (p: ProgressMessage) => boolean, waitMs = WAIT_MS): Promise<ProgressMessage> {
    const seen = this.progress.find(accept);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { accept, resolve };
      this.progressWaiters.push(waiter);
      setTimeout(() => {
        if (!this.progressWaiters.includes(waiter)) return;
        this.progressWaiters = this.progressWaiters.filter((w) => w !== waiter);
        reject(new Error(`no matching $/progress within ${waitMs} ms; received ${this.progress.length}`));
      }, waitMs);
    });
  }

  /** Diagnostics published for `uri` since the start (for asserting on what was never sent). */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.history.filter((p) => p.uri === uri);
  }

  /** Opens a document; resolves with the diagnostics of its first version. */
  open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return this.waitForDiagnostics(uri, (p) => p.version === 1);
  }

  /** Opens a document without waiting for diagnostics (for files the server does not lint). */
  openQuietly(uri: string, text: string): void {
    this.versions.set(uri, 1);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /** Replaces a document's text; resolves with the new version number. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Replaces a document's text and resolves with the diagnostics of that version. */
  async changeAndWait(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = this.change(uri, text);
    return this.waitForDiagnostics(uri, (p) => p.version === version);
  }

  close(uri: string): void {
    this.versions.delete(uri);
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (this.alive) {
      try {
        await this.connection.sendRequest('shutdown');
        // An in-process server gets no exit notification: it would end this process.
        if (child) this.connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
    }
    if (!child) {
      this.exited = true;
      this.connection.dispose();
      return;
    }
    await new Promise<void>((resolve) => {
      if (!this.alive) return resolve();
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, 2000);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** Offset of `needle` (the `occurrence`-th, 0-based) in `text`, plus `delta`. */
export function offsetOf(text: string, needle: string, delta = 0, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found (occurrence ${occurrence})`);
  }
  return at + delta;
}

/** LSP position of an offset (0-based line and UTF-16 character). */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Position of `needle` in `text` (plus `delta` characters). */
export function at(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  return positionOf(text, offsetOf(text, needle, delta, occurrence));
}

function offsetAt(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

/** Applies LSP text edits to a text, back to front. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const edit of sorted) out = out.slice(0, offsetAt(out, edit.range.start)) + edit.newText + out.slice(offsetAt(out, edit.range.end));
  return out;
}

/** The edits a workspace edit makes to one document, written as `changes` or as `documentChanges`. */
export function editsFor(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  const versioned = (edit?.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : []));
  return [...(edit?.changes?.[uri] ?? []), ...versioned.filter((e): e is TextEdit => 'range' in e && !('annotationId' in e))];
}
