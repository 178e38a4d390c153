import { workerData } from 'node:worker_threads';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import { lintOneFile } from './lintOneFile';
import { notePosted, takeIndex, type WorkerInput, type WorkerResult } from './parallelLint';

/**
 * A worker thread of `crm-rollout lint` (parallelLint.ts): takes file indexes from the shared
 * counter until none is left and posts each file's outcome. It stops at the first exception;
 * the main thread then lints the files no worker posted and meets the same exception itself.
 */
const input = workerData as WorkerInput;
const shared = new Int32Array(input.shared);
const fs = new NodeFileSystem();
for (let index = takeIndex(shared); index < input.files.length; index = takeIndex(shared)) {
  const result: WorkerResult = { index, outcome: lintOneFile(input.files[index], input.setup, fs) };
  input.port.postMessage(result);
  notePosted(shared);
}
input.port.close();
