import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generatePlan, randomSource } from '../bench/generatePlan';
import { percentile } from '../bench/measure';
import { MemoryFileSystem } from '../server/src/engine/fileSystem';
import { lintText } from '../server/src/engine/lint';
import { createWorkspace, LspServer } from '../tests/lsp/harness';

/**
 * `npm run soak`: holds the language server (dist/server.js over stdio) through many random
 * edits of a 2,000-line plan, typed in bursts, and checks that it stays up, answers every
 * burst, keeps its memory bounded (live heap after a full collection, measured by
 * scripts/soakHeapProbe.cjs preloaded into the server, and resident memory) and ends with the
 * diagnostics a fresh lint gives.
 *
 *   npm run soak                       10,000 edits
 *   npm run soak -- --edits=500        fewer (CI); SOAK_EDITS=500 does the same
 *
 * Prints one line per check, then `soak: N passed, N failed`; exits 1 when a check fails.
 */

const args = process.argv.slice(2);
const EDITS = Number(args.find((a) => a.startsWith('--edits='))?.slice(8) ?? process.env.SOAK_EDITS ?? 10_000);
/** Edits sent back to back before waiting for diagnostics, as a fast typist sends them. */
const BURST = 10;
/** Live heap (after a full collection) the server may gain between the warm-up and the end. */
const MAX_HEAP_GROWTH_MIB = Number(process.env.SOAK_MAX_HEAP_GROWTH_MIB ?? 16);
/** Resident memory it may gain: V8 keeps freed pages for reuse, so this bound is looser. */
const MAX_GROWTH_MIB = Number(process.env.SOAK_MAX_GROWTH_MIB ?? 128);
/** The slowest burst-to-diagnostics time (p95) accepted. */
const MAX_P95_MS = Number(process.env.SOAK_MAX_P95_MS ?? 3000);
const AS_OF = '2027-03-01';

const SNIPPETS = ['x', ' ', '\n', '- ', ': ', '#', '"', '[', ']', '{', '}', ',', 'kind: planing', '  - { task: Extra item, tags: [uat] }\n', 'owner: nobody\n'];

function residentMiB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/**
 * The server's live heap after a full collection, from scripts/soakHeapProbe.cjs, which the
 * soak preloads into it: a signal asks, the probe answers in a file.
 */
async function heapMiB(pid: number | undefined, file: string): Promise<number> {
  rmSync(file, { force: true });
  process.kill(pid ?? 0, 'SIGUSR2');
  for (let waited = 0; waited < 10_000; waited += 50) {
    await new Promise((done) => setTimeout(done, 50));
    try {
      return Number(readFileSync(file, 'utf8')) / 1024 / 1024;
    } catch {
      // Not written yet.
    }
  }
  return Number.NaN;
}

/** The next text: a random small edit, and now and then the original back (an undo-all). */
function nextText(current: string, original: string, random: () => number, index: number): string {
  if (index % 50 === 49) return original;
  const at = Math.floor(random() * (current.length + 1));
  const roll = random();
  if (roll < 0.45) return current.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + current.slice(at);
  if (roll < 0.9) return current.slice(0, at) + current.slice(at + 1 + Math.floor(random() * 3));
  const lineStart = current.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = current.indexOf('\n', at);
  return current.slice(0, lineStart) + current.slice(lineEnd < 0 ? current.length : lineEnd + 1);
}

async function main(): Promise<number> {
  const original = generatePlan({ lines: 2000 }).text;
  const ws = createWorkspace({ 'plan.rollout.yaml': original, '.crm-rollout.yaml': 'extends: all\n' });
  const uri = ws.uri('plan.rollout.yaml');
  const probeDir = mkdtempSync(join(tmpdir(), 'crm-rollout-soak-'));
  const heapFile = join(probeDir, 'heap');
  // The server inherits this environment: the probe rides along in NODE_OPTIONS.
  const probe = resolve(__dirname, '..', '..', 'scripts', 'soakHeapProbe.cjs');
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(probe)}`.trim();
  process.env.SOAK_HEAP_FILE = heapFile;
  const server = await LspServer.start(ws.root, { settings: { asOf: AS_OF } });
  delete process.env.SOAK_HEAP_FILE;
  const checks: { name: string; ok: boolean; detail: string }[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  try {
    await server.open(uri, original);
    const random = randomSource(20270301);
    const latencies: number[] = [];
    let text = original;
    let missed = 0;
    let before = Number.NaN;
    let heapBefore = Number.NaN;
    const warmup = Math.min(500, Math.floor(EDITS / 5));
    const started = performance.now();
    for (let i = 0; i < EDITS; i++) {
      text = nextText(text, original, random, i);
      const version = server.change(uri, text);
      if (i % BURST === BURST - 1 || i === EDITS - 1) {
        const sent = performance.now();
        try {
          await server.waitForDiagnostics(uri, (p) => p.version === version);
          latencies.push(performance.now() - sent);
        } catch {
          missed++;
        }
      }
      if (i === warmup - 1) {
        await server.waitForDiagnostics(uri, (p) => p.version === version);
        before = residentMiB(server.pid);
        heapBefore = await heapMiB(server.pid, heapFile);
      }
      if (i % 1000 === 999) process.stderr.write(`soak: ${i + 1} edits, ${residentMiB(server.pid).toFixed(0)} MiB resident\n`);
    }
    const seconds = (performance.now() - started) / 1000;
    const final = await server.waitForDiagnostics(uri, () => true);
    const after = residentMiB(server.pid);
    const heapAfter = await heapMiB(server.pid, heapFile);
    const expected = lintText(ws.path('plan.rollout.yaml'), text, {
      fs: new MemoryFileSystem({ [ws.path('.crm-rollout.yaml')]: 'extends: all\n' }),
      asOf: AS_OF,
      root: ws.root,
    }).findings;

    process.stdout.write(
      `soak: ${EDITS} edits in ${seconds.toFixed(0)} s; ${latencies.length} bursts of ${BURST}; burst → diagnostics p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(latencies, 95).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; ` +
        `live heap ${heapBefore.toFixed(1)} MiB after ${warmup} edits, ${heapAfter.toFixed(1)} MiB at the end; ` +
        `resident memory ${before.toFixed(0)} MiB, then ${after.toFixed(0)} MiB\n`,
    );
    check('server stays up', server.alive, server.alive ? 'alive' : 'exited');
    check('every burst gets its diagnostics', missed === 0, `${missed} of ${latencies.length + missed} bursts got none within 15 s`);
    check(`live heap grows at most ${MAX_HEAP_GROWTH_MIB} MiB`, heapAfter - heapBefore <= MAX_HEAP_GROWTH_MIB, `${(heapAfter - heapBefore).toFixed(1)} MiB`);
    check(`resident memory grows at most ${MAX_GROWTH_MIB} MiB`, after - before <= MAX_GROWTH_MIB, `${(after - before).toFixed(1)} MiB`);
    check(`p95 latency at most ${MAX_P95_MS} ms`, percentile(latencies, 95) <= MAX_P95_MS, `${percentile(latencies, 95).toFixed(0)} ms`);
    check(
      'final diagnostics match a fresh lint',
      final.diagnostics.length === expected.length && final.diagnostics.every((d, i) => d.message === expected[i].message),
      `${final.diagnostics.length} published, ${expected.length} expected`,
    );
  } finally {
    await server.stop();
    ws.dispose();
    rmSync(probeDir, { recursive: true, force: true });
  }
  for (const c of checks) process.stdout.write(`soak: ${c.ok ? 'ok  ' : 'FAIL'} ${c.name} (${c.detail})\n`);
  const failed = checks.filter((c) => !c.ok).length;
  process.stdout.write(`soak: ${checks.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`soak: failed to run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.stdout.write('soak: 0 passed, 1 failed\n');
    process.exitCode = 1;
  },
);
