import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generatePlan';
import { FORMATTERS } from '../../server/src/cli/formatters/index';
import { lintOneFile, type FileOutcome } from '../../server/src/cli/lintOneFile';
import { InOrder, MIN_FILES_FOR_WORKERS, threadCount, type WorkerInput, type WorkerResult } from '../../server/src/cli/parallelLint';
import { NodeFileSystem } from '../../server/src/platform/nodeFileSystem';
import { runCli, tempTree } from '../helpers/cli';

/**
 * `lint` on several threads (server/src/cli/parallelLint.ts, the worker dist/lintWorker.js)
 * prints byte for byte what one thread prints, in every format, in the files' order.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli.js');
const WORKER = path.join(ROOT, 'dist', 'lintWorker.js');

/**
 * Twenty-four generated plans in two folders, every third with a schema error and an unknown
 * key, every fifth with a waiver, and a configuration with a problem of its own that both
 * folders share.
 */
function generatedSet(): string {
  const files: Record<string, string> = { '.crm-rollout.yaml': 'extends: all\nrules:\n  no-such-rule: warn\n' };
  for (let i = 0; i < 24; i++) {
    let text = generatePlan({ lines: 150, seed: i + 1, label: `site ${i}` }).text;
    if (i % 3 === 0) text = text.replace('kind: design', 'kind: desing').replace(/\nname: /, '\nnmae: x\nname: ');
    if (i % 5 === 0) text += 'x-waivers:\n  - { rule: schema, target: plan, reason: Tracked in CRM-1, owner: dana }\n';
    files[`${i % 2 ? 'east' : 'west'}/site-${String(i).padStart(2, '0')}.rollout.yaml`] = text;
  }
  return tempTree(files);
}

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let generated: string;
beforeAll(() => {
  generated = generatedSet();
});
afterAll(() => fs.rmSync(generated, { recursive: true, force: true }));

describe('lint on several threads', () => {
  const sets = [
    { name: 'twenty-four generated plans', dir: () => generated, args: ['.'] },
    { name: 'the samples', dir: () => path.join(ROOT, 'samples'), args: ['.', '--as-of', '2027-03-15'] },
  ];
  for (const set of sets) {
    for (const format of Object.keys(FORMATTERS)) {
      it(`prints ${set.name} in ${format} exactly as one thread does, with the same exit code`, () => {
        const args = ['lint', ...set.args, '--format', format, '--no-color'];
        // One thread in-process (the sources have no worker beside them), two as `crm-rollout` runs.
        const one = runCli([...args, '--threads', '1'], set.dir());
        expect(one.stdout.length).toBeGreaterThan(0);
        const two = cli([...args, '--threads', '2'], set.dir());
        expect(two.stdout).toBe(one.stdout);
        expect(two.stderr).toBe(one.stderr);
        expect(two.code).toBe(one.code);
      });
    }
  }

  it('lists the files in the same order on every run, the order one thread reports them in', () => {
    const files = (stdout: string) => [...stdout.matchAll(/^([\w/.-]+\.yaml)$/gm)].map((m) => m[1]);
    const one = files(cli(['lint', '.', '--no-color', '--threads', '1'], generated).stdout);
    expect(one.length).toBeGreaterThan(10);
    const plans = one.filter((f) => f.endsWith('.rollout.yaml'));
    expect(plans).toEqual([...plans].sort());
    for (const threads of ['2', '2', '3']) expect(files(cli(['lint', '.', '--no-color', '--threads', threads], generated).stdout)).toEqual(one);
  });

  it('writes the same --output file and terminal report with several threads as with one', () => {
    const outputs = ['1', '2'].map((threads) => {
      const out = path.join(generated, `report-${threads}.sarif`);
      const run = cli(['lint', '.', '--no-color', '--format', 'sarif', '--output', out, '--threads', threads], generated);
      const text = fs.readFileSync(out, 'utf8');
      fs.rmSync(out);
      return { text, stdout: run.stdout };
    });
    expect(outputs[1]).toEqual(outputs[0]);
  });

  it('applies a baseline the same way with several threads', () => {
    const baseline = path.join(generated, 'baseline.json');
    cli(['lint', 'west', '--baseline', baseline, '--update-baseline', '--threads', '1'], generated);
    const one = cli(['lint', '.', '--no-color', '--baseline', baseline, '--threads', '1'], generated);
    const two = cli(['lint', '.', '--no-color', '--baseline', baseline, '--threads', '2'], generated);
    fs.rmSync(baseline);
    expect(one.stdout).toContain('in the baseline');
    expect(two).toEqual(one);
  });

  it('rejects a --threads that is not a whole number of at least 1, with exit 2', () => {
    for (const bad of ['0', 'two', '-1']) {
      const run = cli(['lint', '.', '--threads', bad], generated);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--threads');
    }
  });
});

describe('the worker thread (dist/lintWorker.js)', () => {
  it('posts for each file the outcome the main thread computes for it, when it takes every file', async () => {
    const files = fs
      .readdirSync(path.join(generated, 'east'))
      .sort()
      .map((f) => path.join(generated, 'east', f));
    const setup = { cwd: generated, asOf: '2027-03-01' };
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(8);
    const input: WorkerInput = { files, setup, shared, port: port2 };
    const worker = new Worker(WORKER, { workerData: input, transferList: [port2] });
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    expect(await exited).toBe(0);
    const posted: WorkerResult[] = [];
    for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) posted.push(message.message as WorkerResult);
    port1.close();
    const fsPort = new NodeFileSystem();
    expect(posted.map((p) => p.index)).toEqual(files.map((_, i) => i));
    expect(new Int32Array(shared)[1]).toBe(files.length);
    for (const { index, outcome } of posted) expect(outcome).toEqual(lintOneFile(files[index], setup, fsPort));
  });
});

describe('InOrder', () => {
  const outcome = (n: number): FileOutcome => ({ error: `file ${n}` });

  it('hands outcomes over in index order whatever order they arrive in, each once', () => {
    const handed: number[] = [];
    const order = new InOrder(5, (o, index) => {
      expect(o).toEqual(outcome(index));
      handed.push(index);
    });
    for (const index of [3, 1, 1, 0, 4, 2, 3]) order.add(index, outcome(index));
    expect(handed).toEqual([0, 1, 2, 3, 4]);
    expect(order.done).toBe(true);
  });

  it('knows which outcomes it holds or has handed over', () => {
    const order = new InOrder(3, () => undefined);
    order.add(2, outcome(2));
    expect([order.has(0), order.has(1), order.has(2)]).toEqual([false, false, true]);
    order.add(0, outcome(0));
    expect([order.has(0), order.has(1), order.done]).toEqual([true, false, false]);
  });
});

describe('threadCount', () => {
  it('uses two threads from MIN_FILES_FOR_WORKERS files on when there is a second core, else one', () => {
    expect(threadCount(MIN_FILES_FOR_WORKERS - 1, undefined, 8)).toBe(1);
    expect(threadCount(MIN_FILES_FOR_WORKERS, undefined, 8)).toBe(2);
    expect(threadCount(1000, undefined, 1)).toBe(1);
  });

  it('takes --threads as given, but never more threads than files', () => {
    expect(threadCount(1000, 1, 8)).toBe(1);
    expect(threadCount(1000, 4, 2)).toBe(4);
    expect(threadCount(3, 4, 8)).toBe(3);
  });
});
