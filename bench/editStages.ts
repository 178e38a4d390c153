import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintSteps, type LintOptions } from '../server/src/engine/lint';
import { RecentParses } from '../server/src/lsp/recentParses';
import { NodeFileSystem } from '../server/src/platform/nodeFileSystem';
import { typingEdits } from './edits';
import { generatePlan } from './generatePlan';
import { median } from './measure';

/**
 * Where a keystroke's lint goes, stage by stage: `node bench/run.mjs bench/editStages.ts
 * [lines] [edits] [--profile=file.cpuprofile]`. Lints a generated plan in full a few times,
 * then types one-character edits through the language server's parse memory (RecentParses),
 * as the bench's "engine edit lint" does, and prints the median time of each stage of
 * `lintSteps` for both. With --profile, a CPU profile of the edits only. Not a test.
 */

type StageTimes = Record<string, number>;

function stagesOf(path: string, text: string, options: LintOptions): StageTimes {
  const times: StageTimes = {};
  const steps = lintSteps(path, text, options);
  let stage = 'parse';
  let at = performance.now();
  for (;;) {
    const step = steps.next();
    const now = performance.now();
    times[stage] = (times[stage] ?? 0) + now - at;
    at = now;
    if (step.done) return times;
    stage = step.value.next;
  }
}

function medians(rows: StageTimes[]): StageTimes {
  const out: StageTimes = {};
  for (const stage of Object.keys(rows[0])) out[stage] = Math.round(median(rows.map((r) => r[stage] ?? 0)) * 10) / 10;
  out.total = Math.round(median(rows.map((r) => Object.values(r).reduce((a, b) => a + b, 0))) * 10) / 10;
  return out;
}

function post(session: Session, method: string): Promise<unknown> {
  return new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
}

async function main(): Promise<void> {
  const [lines = 20000, count = 20] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
  const profile = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
  const root = mkdtempSync(join(tmpdir(), 'edit-stages-'));
  try {
    const path = join(root, 'plan.rollout.yaml');
    const text = generatePlan({ lines }).text;
    writeFileSync(path, text);
    const base = { fs: new NodeFileSystem(), asOf: '2027-03-01', root };
    for (let i = 0; i < 3; i++) stagesOf(path, text, base);
    const full = Array.from({ length: 5 }, () => stagesOf(path, text, base));
    const typing = { ...base, parse: new RecentParses().parse };
    stagesOf(path, text, typing);
    const session = new Session();
    session.connect();
    if (profile) await post(session, 'Profiler.enable').then(() => post(session, 'Profiler.start'));
    const edits = typingEdits(text, count).map((edit) => stagesOf(path, edit.text, typing));
    if (profile) writeFileSync(profile, JSON.stringify(((await post(session, 'Profiler.stop')) as { profile: unknown }).profile));
    const [f, e] = [medians(full), medians(edits)];
    process.stdout.write(`full lint  ${JSON.stringify(f)}\nedit lint  ${JSON.stringify(e)}\nedit/full  ${(e.total / f.total).toFixed(2)}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
