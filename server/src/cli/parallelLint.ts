import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { FileOutcome, LintSetup } from './lintOneFile';

/**
 * Lints many plans on more than one core and hands each file's outcome over in file order,
 * exactly as one thread would.
 *
 * With n threads, n worker threads take files from one shared counter (the next index not yet
 * taken), so a slow file does not hold the others back, and post each outcome. Each worker's
 * young generation is kept small (a batch's garbage is short-lived, and V8 would otherwise let
 * every thread's nursery grow to 48 MB). The main thread only collects: it sleeps until a
 * worker posts (Atomics.wait on a shared count, so the command stays synchronous), takes the
 * messages without the event loop (receiveMessageOnPort) and hands outcomes over in file order
 * as soon as every earlier one is in; only those that arrived early wait, so it holds a few
 * small reports. When no worker has posted for STALL_MS, the main thread lints the first
 * missing file itself, and goes on doing so until a worker posts again: a worker that failed
 * to start or crashed delays the run by STALL_MS once and loses nothing (linting is
 * deterministic, so whichever thread finishes a file first gives the same outcome; the other
 * is dropped).
 */

/** The worker's entry, bundled beside the CLI (scripts/bundle.mjs: dist/lintWorker.js). */
export const WORKER_FILE = 'lintWorker.js';

/** Below this many files worker threads cost more to start than they save. */
export const MIN_FILES_FOR_WORKERS = 32;

/** How long the main thread waits for a worker before it lints a missing file itself. */
const STALL_MS = 2000;

/** A worker's young generation (V8's default lets it grow to 48 MB); measured on the bench's batch. */
const WORKER_YOUNG_GENERATION_MB = 4;

/** What lintWorker.ts receives. */
export interface WorkerInput {
  files: readonly string[];
  setup: LintSetup;
  /** Two Int32s: the index of the next file no thread has taken, and how many outcomes the workers posted. */
  shared: SharedArrayBuffer;
  port: MessagePort;
}

/** What a worker posts for each file it linted. */
export interface WorkerResult {
  index: number;
  outcome: FileOutcome;
}

const NEXT = 0;
const POSTED = 1;

/** Takes the next file index from the shared counter. */
export function takeIndex(shared: Int32Array): number {
  return Atomics.add(shared, NEXT, 1);
}

/** Counts one more posted outcome and wakes the main thread. */
export function notePosted(shared: Int32Array): void {
  Atomics.add(shared, POSTED, 1);
  Atomics.notify(shared, POSTED);
}

/**
 * How many threads lint `fileCount` files: `requested` (--threads) when given; otherwise two
 * when there are many files and a second core, else one (the main thread alone). More than two
 * are never the default: each thread holds its own copy of the engine, and a CI machine's other
 * cores are usually busy.
 */
export function threadCount(fileCount: number, requested: number | undefined, cores = availableParallelism()): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, fileCount));
  return fileCount >= MIN_FILES_FOR_WORKERS && cores > 1 ? 2 : 1;
}

/** Hands outcomes over in index order, whichever order they arrive in. */
export class InOrder {
  private readonly early = new Map<number, FileOutcome>();
  private nextIndex = 0;

  constructor(
    private readonly count: number,
    private readonly hand: (outcome: FileOutcome, index: number) => void,
  ) {}

  /** Whether the outcome of `index` has been handed over or is waiting for an earlier one. */
  has(index: number): boolean {
    return index < this.nextIndex || this.early.has(index);
  }

  get done(): boolean {
    return this.nextIndex >= this.count;
  }

  add(index: number, outcome: FileOutcome): void {
    if (this.has(index)) return;
    this.early.set(index, outcome);
    for (let ready = this.early.get(this.nextIndex); ready !== undefined; ready = this.early.get(this.nextIndex)) {
      this.early.delete(this.nextIndex);
      this.hand(ready, this.nextIndex);
      this.nextIndex++;
    }
  }
}

/**
 * Lints `files` with `threads` worker threads (one thread: on the main thread) and calls `hand`
 * with each outcome in file order. `lint` is the main thread's own linting, the same function
 * the workers run. When the worker's bundle is not beside this module (the tests run the
 * sources), everything runs on the main thread.
 */
export function lintInOrder(
  files: readonly string[],
  setup: LintSetup,
  threads: number,
  lint: (file: string) => FileOutcome,
  hand: (outcome: FileOutcome, index: number) => void,
): void {
  const order = new InOrder(files.length, hand);
  const workerFile = path.join(__dirname, WORKER_FILE);
  if (threads < 2 || !existsSync(workerFile)) {
    for (const [index, file] of files.entries()) order.add(index, lint(file));
    return;
  }
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const workers = Array.from({ length: threads }, () => startWorker(workerFile, { files, setup, shared: shared.buffer as SharedArrayBuffer }));
  const collect = () => {
    for (const { port } of workers) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const result = message.message as WorkerResult;
        order.add(result.index, result.outcome);
      }
    }
  };
  try {
    let stalled = false;
    let missing = 0;
    while (!order.done) {
      const posted = Atomics.load(shared, POSTED);
      collect();
      if (order.done) break;
      if (!stalled) stalled = Atomics.wait(shared, POSTED, posted, STALL_MS) === 'timed-out';
      if (!stalled) continue;
      while (order.has(missing)) missing++;
      order.add(missing, lint(files[missing]));
      // Back to waiting as soon as a worker shows it is alive.
      stalled = Atomics.load(shared, POSTED) === posted;
    }
  } finally {
    for (const { worker, port } of workers) {
      port.close();
      void worker.terminate();
    }
  }
}

function startWorker(file: string, input: Omit<WorkerInput, 'port'>): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(file, {
    workerData: { ...input, port: port2 } satisfies WorkerInput,
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  // Whatever a worker fails on, the main thread lints the files it did not post (see above),
  // and reports the same failure itself if linting a file throws.
  worker.on('error', () => undefined);
  worker.unref();
  return { worker, port: port1 };
}
