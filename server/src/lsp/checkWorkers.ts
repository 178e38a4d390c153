import { Worker } from 'node:worker_threads';
import { LineCounter } from 'yaml';
import { fileRole } from '../fileRoles';
import { timeBudgetFinding, type LintStage } from '../engine/lint';
import type { CheckRequest, CheckResult, Feature, FromWorker } from './checkMessages';
import { toDiagnostic } from './diagnostics';

/**
 * Documents at least this long (UTF-16 code units, about 256 KiB) are checked in a worker
 * thread instead of on the server's own: their parse alone holds a thread for a noticeable time,
 * and the server's thread must stay free to answer every other document and shutdown.
 */
export const WORKER_MIN_LENGTH = 256 * 1024;

/** How a check in a worker ended: its result, and whether the budget stopped it. */
export interface CheckOutcome {
  result: CheckResult;
  overBudget: boolean;
}

type Listener = (message: FromWorker | undefined) => void;

/**
 * The worker checking one document: spawned for a check, terminated when a newer text of the
 * document must be checked, when the check runs over its time budget, when the document is
 * closed and at shutdown. Between checks it stays up holding the last text's analysis, which
 * answers the editor's requests on the document.
 */
class DocumentWorker {
  private worker: Worker | undefined;
  /** Listeners of the messages of each request under way; called with undefined when the worker ends. */
  private readonly listeners = new Map<number, Listener>();
  private nextId = 0;
  /** The text being checked, and the text of the analysis the worker holds. */
  private checking: string | undefined;
  private checked: string | undefined;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Checks a text; undefined when a newer check, a close or shutdown ended it first. */
  check(request: Omit<CheckRequest, 'kind' | 'id'>, budgetMs: number): Promise<CheckOutcome | undefined> {
    if (this.checking !== undefined) this.terminate();
    const worker = this.spawn();
    const id = ++this.nextId;
    this.checking = request.text;
    this.checked = undefined;
    return new Promise((resolve) => {
      let stage: LintStage | 'parse' = 'parse';
      const end = (outcome: CheckOutcome | undefined) => {
        clearTimeout(timer);
        this.listeners.delete(id);
        resolve(outcome);
      };
      // The budget is enforced by ending the thread: a stage of the engine cannot be interrupted otherwise.
      const timer = setTimeout(() => {
        this.listeners.delete(id);
        this.terminate();
        end({ result: overBudget(request.path, request.text, stage, budgetMs), overBudget: true });
      }, budgetMs);
      this.listeners.set(id, (message) => {
        if (message?.kind === 'stage') {
          stage = message.stage;
          return;
        }
        if (message?.kind === 'checked') {
          this.checking = undefined;
          this.checked = request.text;
          end({ result: message.result, overBudget: false });
          return;
        }
        if (message?.kind === 'failed') {
          this.log(`crm-rollout: checking ${request.path} failed: ${message.error}`);
          this.checking = undefined;
        }
        end(undefined);
      });
      worker.postMessage({ kind: 'check', id, ...request } satisfies CheckRequest);
    });
  }

  /** Whether the worker holds the analysis of this text (its check ended, within the budget). */
  holds(text: string): boolean {
    return this.worker !== undefined && this.checked === text;
  }

  /** Whether this text is being checked now. */
  isChecking(text: string): boolean {
    return this.checking === text;
  }

  /** A feature's answer from the analysis the worker holds. */
  ask(feature: Feature): Promise<unknown> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.listeners.set(id, (message) => {
        this.listeners.delete(id);
        if (message?.kind === 'failed') reject(new Error(message.error));
        else resolve(message?.kind === 'answer' ? message.answer : null);
      });
      worker.postMessage({ kind: 'feature', id, feature });
    });
  }

  /** Stops a check under way, keeping nothing. */
  cancel(): void {
    if (this.checking !== undefined) this.terminate();
  }

  terminate(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.checking = this.checked = undefined;
    if (worker) void worker.terminate();
    const listeners = [...this.listeners.values()];
    this.listeners.clear();
    for (const listener of listeners) listener(undefined);
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    // The worker's own output must not reach stdout, which carries the protocol: it goes to stderr.
    // The stack of the server's own thread (V8's default, about 1 MB) rather than a worker's 4 MB: the
    // parser meets pathological nesting as a stack overflow, which must happen where it does in the CLI.
    const worker = new Worker(this.script, { stdout: true, stderr: true, resourceLimits: { stackSizeMb: 1 } });
    worker.stdout.pipe(process.stderr);
    worker.stderr.pipe(process.stderr);
    worker.on('message', (message: FromWorker) => this.listeners.get(message.id)?.(message));
    worker.on('error', (error) => {
      this.log(`crm-rollout: a check worker failed: ${error.message}`);
      if (this.worker === worker) this.terminate();
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.terminate();
    });
    this.worker = worker;
    return worker;
  }
}

/**
 * What a check ended over its budget shows: the `limits` finding naming the stage it was in, alone
 * (the findings of the stages before died with the worker).
 */
function overBudget(path: string, text: string, stage: LintStage | 'parse', budgetMs: number): CheckResult {
  // The finding has no fixes, so no edit offsets to place: an empty line counter will do.
  const diagnostic = toDiagnostic(timeBudgetFinding(path, text, stage, budgetMs), { lineCounter: new LineCounter() }, (p) => p);
  return { diagnostics: [diagnostic], findingCount: 1, role: fileRole(path), dependencies: [], importFiles: [] };
}

/**
 * The check workers of the language server, one per large document being checked or answered
 * from (see WORKER_MIN_LENGTH). `script` is the file a worker runs: dist/server.js, which starts
 * a check worker when it is not the main thread (main.ts).
 */
export class CheckWorkers {
  private readonly workers = new Map<string, DocumentWorker>();

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  check(uri: string, request: Omit<CheckRequest, 'kind' | 'id'>, budgetMs: number): Promise<CheckOutcome | undefined> {
    let worker = this.workers.get(uri);
    if (!worker) {
      worker = new DocumentWorker(this.script, this.log);
      this.workers.set(uri, worker);
    }
    return worker.check(request, budgetMs);
  }

  /** How the worker of a document stands towards a text: holding its analysis, checking it, or neither. */
  state(uri: string, text: string): 'checked' | 'checking' | 'none' {
    const worker = this.workers.get(uri);
    if (worker?.holds(text)) return 'checked';
    return worker?.isChecking(text) ? 'checking' : 'none';
  }

  ask(uri: string, feature: Feature): Promise<unknown> {
    return this.workers.get(uri)?.ask(feature) ?? Promise.resolve(null);
  }

  /** A document changed: its check under way is of a stale text. */
  cancel(uri: string): void {
    this.workers.get(uri)?.cancel();
  }

  /** A document was closed or deleted: its worker ends. */
  stop(uri: string): void {
    this.workers.get(uri)?.terminate();
    this.workers.delete(uri);
  }

  /** Shutdown: every worker ends, and no check publishes anything any more. */
  stopAll(): void {
    for (const uri of [...this.workers.keys()]) this.stop(uri);
  }
}
