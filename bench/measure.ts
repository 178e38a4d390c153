import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Timing helpers. These machines are shared and noisy, so nothing is timed once: every
 * contender runs in rounds, interleaved with the others (the order rotates each round, so
 * none always runs right after another's garbage), and the median is reported.
 */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export type Contender = () => unknown | Promise<unknown>;

/**
 * Runs each contender `warmup` times, then `rounds` more times interleaved, and returns the
 * median wall time of each in ms.
 */
export async function race(contenders: Record<string, Contender>, rounds: number, warmup = 1): Promise<Record<string, number>> {
  const names = Object.keys(contenders);
  for (let i = 0; i < warmup; i++) for (const name of names) await contenders[name]();
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const started = performance.now();
      await contenders[name]();
      times[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n])]));
}

export interface ProcessRun {
  wallMs: number;
  peakMiB: number;
  status: number | null;
  stderr: string;
}

/** Runs `node [...args]` with the peak-RSS preload; returns wall time and peak memory. */
export function runNode(args: readonly string[], options: { cwd: string; preload: string }): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'crm-rollout-peak-'));
  const peakFile = join(dir, 'peak');
  try {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['-r', options.preload, ...args], {
      cwd: options.cwd,
      env: { ...process.env, BENCH_PEAK_FILE: peakFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - started;
    let peakKiB = Number.NaN;
    try {
      peakKiB = Number(readFileSync(peakFile, 'utf8'));
    } catch {
      // The child died before its exit hook ran; the caller sees status and stderr.
    }
    return { wallMs, peakMiB: peakKiB / 1024, status: child.status, stderr: child.stderr?.toString() ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a command other than node (such as `npx`); wall time only, as its process tree is not node's alone. */
export function runCommand(command: string, args: readonly string[], cwd: string): ProcessRun {
  const started = performance.now();
  const child = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return { wallMs: performance.now() - started, peakMiB: Number.NaN, status: child.status, stderr: child.stderr?.toString() ?? '' };
}

/** Median wall time and peak memory of `rounds` runs of each command, interleaved. */
export function raceProcesses(commands: Record<string, () => ProcessRun>, rounds: number): Record<string, { wallMs: number; peakMiB: number; status: number | null; stderr: string }> {
  const names = Object.keys(commands);
  const runs: Record<string, ProcessRun[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      runs[name].push(commands[name]());
    }
  }
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        wallMs: median(runs[n].map((r) => r.wallMs)),
        peakMiB: median(runs[n].map((r) => r.peakMiB)),
        status: runs[n][runs[n].length - 1].status,
        stderr: runs[n][runs[n].length - 1].stderr,
      },
    ]),
  );
}

/** One decimal place for times and ratios in tables and JSON (two for small ratios). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
