import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { lintText } from '../server/src/engine/lint';
import { validationDelay } from '../server/src/lsp/validation';
import { RecentParses } from '../server/src/lsp/recentParses';
import { NodeFileSystem } from '../server/src/platform/nodeFileSystem';
import { createWorkspace, LspServer, uriOf } from '../tests/lsp/harness';
import { createSpectral, createYamlLanguageServer, floorParse, ourLint } from './contenders';
import { typingEdits } from './edits';
import { ylsEditLatency } from './ylsEdits';
import { generatePlan } from './generatePlan';
import { median, percentile, race, raceProcesses, round, runCommand, runNode } from './measure';
import { renderTables, updatePerformanceDoc, type BenchResults, type EditResult, type HugeFindingsResult, type ManyFindingsResult, type SizeResult } from './report';

/**
 * `npm run bench`: one process run that measures the engine against its floor and against
 * two other YAML schema validators, the CLI on a batch and at cold start, and the language
 * server's diagnostics latency while typing. Prints tables, writes bench/results.json and,
 * on a full run, docs/performance.md. Not a test: it asserts nothing.
 *
 * Flags: --sizes=200,2000 (plan sizes; the edit section types into those of 1,000 lines or more), --quick (fewer rounds, smaller batch, no docs),
 * --skip=yls,spectral,batch,cold,edit,many (sections to leave out), --render-docs (rewrite
 * docs/performance.md from bench/results.json, measuring nothing).
 */

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PRELOAD = join(ROOT, 'bench', 'peakRss.cjs');
const FLOOR_BATCH = join(ROOT, 'bench', 'floorBatch.cjs');

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const sizes = (flag('sizes') ?? '200,2000,20000,100000').split(',').map(Number);
const skip = new Set((flag('skip') ?? '').split(',').filter(Boolean));
/** Generated plans typed in by the edit section: the given sizes from 1,000 lines, else the usual three. */
const editSizes = flag('sizes') ? sizes.filter((lines) => lines >= 1000) : quick ? [2000] : [2000, 5000, 20000];
const writeDocs = !quick && !flag('sizes') && skip.size === 0;

/** Rounds per size: enough for a stable median without spending minutes on the largest. */
function roundsFor(lines: number): number {
  const full = lines <= 500 ? 40 : lines <= 5000 ? 15 : lines <= 30000 ? 5 : 3;
  return quick ? Math.max(2, Math.ceil(full / 4)) : full;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function measureSizes(): Promise<SizeResult[]> {
  const yls = skip.has('yls') ? undefined : createYamlLanguageServer();
  const spectral = skip.has('spectral') ? undefined : createSpectral();
  const out: SizeResult[] = [];
  for (const lines of sizes) {
    const plan = generatePlan({ lines });
    log(`${plan.lines} lines (${(plan.text.length / 1024).toFixed(0)} KiB): floor, lint${yls ? ', yaml-language-server' : ''}${spectral ? ', spectral' : ''}`);
    const rounds = roundsFor(lines);
    const lint = () => ourLint(plan.text);
    // Each ratio comes from a race of its own pair: the other validators' garbage and caches
    // would otherwise weigh on the floor-to-lint comparison.
    const base = await race({ floor: () => floorParse(plan.text), lint }, rounds);
    const vsYls = yls ? await race({ lint, yls: () => yls(plan.text) }, rounds) : undefined;
    const vsSpectral = spectral ? await race({ lint, spectral: () => spectral(plan.text) }, rounds) : undefined;
    out.push({
      lines: plan.lines,
      floorMs: round(base.floor),
      lintMs: round(base.lint),
      lintRatio: round(base.lint / base.floor, 2),
      ylsMs: vsYls ? round(vsYls.yls) : null,
      ylsRatio: vsYls ? round(vsYls.lint / vsYls.yls, 2) : null,
      spectralMs: vsSpectral ? round(vsSpectral.spectral) : null,
      spectralRatio: vsSpectral ? round(vsSpectral.lint / vsSpectral.spectral, 2) : null,
      findings: ourLint(plan.text).findings.length,
    });
  }
  return out;
}

function measureBatch(): BenchResults['batch'] {
  const files = quick ? 200 : 1000;
  const dir = mkdtempSync(join(tmpdir(), 'crm-rollout-batch-'));
  try {
    for (let i = 0; i < files; i++) {
      const plan = generatePlan({ lines: 200, seed: i + 1, label: `site ${i}` });
      writeFileSync(join(dir, `site-${String(i).padStart(4, '0')}.rollout.yaml`), plan.text);
    }
    log(`batch: ${files} plans of ~200 lines, one CLI run each round`);
    const r = raceProcesses(
      {
        lint: () => runNode([CLI, 'lint', dir, '--format', 'json'], { cwd: dir, preload: PRELOAD }),
        floor: () => runNode([FLOOR_BATCH, dir], { cwd: dir, preload: PRELOAD }),
      },
      quick ? 1 : 3,
    );
    if (r.lint.status !== 0 && r.lint.status !== 1) throw new Error(`the CLI failed on the batch (exit ${r.lint.status}): ${r.lint.stderr}`);
    return { files, lintMs: round(r.lint.wallMs), floorMs: round(r.floor.wallMs), lintPeakMiB: round(r.lint.peakMiB), floorPeakMiB: round(r.floor.peakMiB) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureColdStart(): BenchResults['coldStart'] {
  const dir = mkdtempSync(join(tmpdir(), 'crm-rollout-cold-'));
  try {
    const file = join(dir, 'plan.rollout.yaml');
    writeFileSync(file, generatePlan({ lines: 200 }).text);
    log('cold start: CLI on a 200-line plan beside the floor as a process, node -e "" and npx crm-rollout');
    const r = raceProcesses(
      {
        cli: () => runNode([CLI, 'lint', file], { cwd: dir, preload: PRELOAD }),
        // The floor as a process: node loading `yaml` and parsing the same plan with a LineCounter.
        floor: () => runNode([FLOOR_BATCH, dir], { cwd: dir, preload: PRELOAD }),
        node: () => runNode(['-e', ''], { cwd: dir, preload: PRELOAD }),
        // What a user types in the project: npm resolves the package's own bin first.
        npx: () => runCommand('npx', ['--no-install', 'crm-rollout', 'lint', file], ROOT),
      },
      quick ? 3 : 10,
    );
    return { cliMs: round(r.cli.wallMs), nodeMs: round(r.node.wallMs), floorMs: round(r.floor.wallMs), npxMs: round(r.npx.wallMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A plan of `count` tiny phases, each with an invalid kind and no name: three findings each. */
function tinyInvalidPhases(count: number): string {
  return `plan: 1\nname: Many small mistakes\nphases:\n${Array.from({ length: count }, (_, i) => `  - { id: p${i}, kind: nope }\n`).join('')}`;
}

/** The whole CLI on 300,000 of the smallest invalid phases there are (`- {kind: x}`, 4 MB): it must finish, with a capped report. */
function measureHugeFindings(): HugeFindingsResult {
  const items = quick ? 100_000 : 300_000;
  const dir = mkdtempSync(join(tmpdir(), 'crm-rollout-huge-'));
  try {
    const file = join(dir, 'huge.rollout.yaml');
    const text = `plan: 1\nname: Many small mistakes\nphases:\n${'  - {kind: x}\n'.repeat(items)}`;
    writeFileSync(file, text);
    log(`huge findings: crm-rollout lint on ${items} tiny invalid phases (${(text.length / 1024 / 1024).toFixed(1)} MiB), one run, stylish`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, 'lint', file, '--no-color'], { cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - started;
    const stdout = run.stdout ?? '';
    const summary = stdout.trimEnd().split('\n').at(-1) ?? '';
    return {
      items,
      mebibytes: round(text.length / 1024 / 1024),
      ms: round(ms),
      finished: run.status === 1 && summary.includes('problems'),
      reportLines: stdout.split('\n').length,
      leftOutLines: stdout.split('\n').filter((l) => l.includes('more findings like this')).length,
      summary,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Lint time of plans with N tiny invalid phases (the median of a few rounds, sizes taken in
 * turn): the cost must grow as N, not faster, so the time per phase stays that of the smallest.
 */
function measureManyFindings(): ManyFindingsResult[] {
  const fs = new NodeFileSystem();
  const counts = quick ? [5000, 10000, 20000] : [10000, 20000, 40000];
  const rounds = quick ? 1 : 3;
  const texts = counts.map(tinyInvalidPhases);
  const times: number[][] = counts.map(() => []);
  const findings: number[] = [];
  for (let r = 0; r < rounds; r++) {
    counts.forEach((items, i) => {
      log(`many findings: ${items} tiny invalid phases (round ${r + 1} of ${rounds})`);
      const started = performance.now();
      const result = lintText('/bench/many.rollout.yaml', texts[i], { fs, asOf: '2027-03-01', root: '/bench' });
      times[i].push(performance.now() - started);
      findings[i] = result.findings.length;
    });
  }
  const ms = times.map(median);
  return counts.map((items, i) => ({
    items,
    ms: round(ms[i]),
    findings: findings[i],
    ratioToFirst: round(ms[i] / ms[0], 2),
    perPhaseToFirst: round(ms[i] / items / (ms[0] / counts[0]), 2),
  }));
}

interface EditTarget {
  label: string;
  /** The plan file, inside `root`, and its text. */
  path: string;
  text: string;
  root: string;
}

/** didChange → publishDiagnostics for one-character edits, each waited for before the next. */
/**
 * Keystroke → diagnostics over stdio, with the server's own validation time of each edit
 * (its verbose trace, "linted … in N ms") and the quiet time the adaptive debounce chose
 * before it (validationDelay of the edit before's validation time).
 */
async function editLatency(target: EditTarget, count: number): Promise<{ p50: number; p95: number; serverMs: number; debounceMs: number }> {
  const server = await LspServer.start(target.root, { settings: { asOf: '2027-03-01', trace: { server: 'verbose' } } });
  try {
    const uri = uriOf(target.path);
    await server.open(uri, target.text);
    const latencies: number[] = [];
    const serverTimes: number[] = [];
    const delays: number[] = [];
    let previous = lastValidationMs(server.logs);
    for (const edit of typingEdits(target.text, count)) {
      const logged = server.logs.length;
      const started = performance.now();
      await server.changeAndWait(uri, edit.text);
      latencies.push(performance.now() - started);
      const own = lastValidationMs(server.logs.slice(logged));
      delays.push(validationDelay(previous));
      if (own !== undefined) serverTimes.push(own);
      previous = own ?? previous;
    }
    if (!server.alive) throw new Error('the language server exited during the edits');
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), serverMs: median(serverTimes), debounceMs: median(delays) };
  } finally {
    await server.stop();
  }
}

/** The duration in the last "crm-rollout: linted … in N ms" line of the server's verbose trace. */
function lastValidationMs(logs: readonly string[]): number | undefined {
  for (let i = logs.length - 1; i >= 0; i--) {
    const match = / in ([\d.]+) ms \(/.exec(logs[i]);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** The engine's own full lint of a file, as the server runs it (real disk, imports). */
async function fullLintMs(target: EditTarget): Promise<number> {
  const fs = new NodeFileSystem();
  const lint = () => {
    lintText(target.path, target.text, { fs, asOf: '2027-03-01', root: target.root });
  };
  const t = await race({ lint }, roundsFor(target.text.split('\n').length), 2);
  return t.lint;
}

/** The engine alone on the same keystrokes: each lint re-uses the parse of the text before. */
function engineEditMs(target: EditTarget, count: number): number {
  const fs = new NodeFileSystem();
  const options = { fs, asOf: '2027-03-01', root: target.root, parse: new RecentParses().parse };
  lintText(target.path, target.text, options);
  const times: number[] = [];
  for (const edit of typingEdits(target.text, count)) {
    const started = performance.now();
    lintText(target.path, edit.text, options);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function measureEdits(): Promise<EditResult[]> {
  const count = quick ? 20 : 100;
  const targets: EditTarget[] = [];
  const workspaces: { dispose(): void }[] = [];
  for (const lines of editSizes) {
    const text = generatePlan({ lines }).text;
    const ws = createWorkspace({ 'plan.rollout.yaml': text });
    workspaces.push(ws);
    targets.push({ label: `generated ${lines}`, path: ws.path('plan.rollout.yaml'), text, root: ws.root });
  }
  for (const rel of ['samples/mid/northwind.rollout.yaml', 'samples/enterprise/contoso.rollout.yaml']) {
    const path = join(ROOT, rel);
    targets.push({ label: rel, path, text: readFileSync(path, 'utf8'), root: join(ROOT, 'samples') });
  }
  const out: EditResult[] = [];
  try {
    for (const target of targets) {
      const lines = target.text.split('\n').length - (target.text.endsWith('\n') ? 1 : 0);
      log(`language server: ${count} one-character edits in ${target.label} (${lines} lines)`);
      const latency = await editLatency(target, count);
      const full = await fullLintMs(target);
      const engine = engineEditMs(target, count);
      const yls = skip.has('yls') || !target.label.startsWith('generated') ? undefined : await ylsEditLatency(ROOT, target.path, target.text, count).catch((error: Error) => log(`yaml-language-server: ${error.message}; its column is left empty`));
      out.push({
        file: target.label.startsWith('generated') ? undefined : basename(target.path),
        lines,
        p50Ms: round(latency.p50),
        p95Ms: round(latency.p95),
        fullLintMs: round(full),
        serverMs: round(latency.serverMs),
        debounceMs: round(latency.debounceMs),
        p50RatioAfterDebounce: round((latency.p50 - latency.debounceMs) / full, 2),
        engineEditMs: round(engine),
        engineEditRatio: round(engine / full, 2),
        ...(yls ? { ylsP50Ms: round(yls.p50), ylsP95Ms: round(yls.p95), p50RatioToYls: round(latency.p50 / yls.p50, 2) } : {}),
      });
    }
  } finally {
    for (const ws of workspaces) ws.dispose();
  }
  return out;
}

function machine(): BenchResults['machine'] {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: round(totalmem() / 1024 ** 3, 0),
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((l) => round(l, 1)),
  };
}

/** `--render-docs`: rewrites docs/performance.md from bench/results.json without measuring. */
function renderDocsOnly(): void {
  const results = JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')) as BenchResults;
  const doc = join(ROOT, 'docs', 'performance.md');
  writeFileSync(doc, updatePerformanceDoc(existsSync(doc) ? readFileSync(doc, 'utf8') : undefined, results));
  process.stdout.write(renderTables(results));
}

async function main(): Promise<void> {
  if (args.includes('--render-docs')) return renderDocsOnly();
  const startedAt = new Date().toISOString();
  const before = machine();
  // A warm-up of every code path on a small plan, so the first size does not pay for JIT.
  ourLint(generatePlan({ lines: 300 }).text);
  const results: BenchResults = {
    sizes: await measureSizes(),
    batch: skip.has('batch') ? null : measureBatch(),
    coldStart: skip.has('cold') ? null : measureColdStart(),
    manyFindings: skip.has('many') ? [] : measureManyFindings(),
    hugeFindings: skip.has('many') ? null : measureHugeFindings(),
    edit: skip.has('edit') ? [] : await measureEdits(),
    machine: { ...before, loadAverageAfter: loadavg().map((l) => round(l, 1)) },
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    date: startedAt,
  };
  const resultsFile = join(ROOT, 'bench', 'results.json');
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(renderTables(results));
  if (writeDocs) {
    const doc = join(ROOT, 'docs', 'performance.md');
    writeFileSync(doc, updatePerformanceDoc(existsSync(doc) ? readFileSync(doc, 'utf8') : undefined, results));
    log('wrote bench/results.json and docs/performance.md');
  } else {
    log('wrote bench/results.json (docs/performance.md is only written by a full run)');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
