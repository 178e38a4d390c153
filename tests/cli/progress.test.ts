import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRESS_DELAY_MS, progressDelayMs, ProgressLine } from '../../server/src/cli/progress';
import { tempTree } from '../helpers/cli';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const ERASE = '\r\u001b[K';

const PLAN = `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
`;
const TYPO = `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    duraton: 4w
`;

/** A stream that records what is written, as a terminal (or not) of the given width. */
function recorder(isTTY: boolean, columns?: number): { written: string[]; write(s: string): void; isTTY: boolean; columns?: number } {
  const written: string[] = [];
  return { written, write: (s: string) => void written.push(s), isTTY, columns };
}

/** A clock the test moves by hand. */
function clock(): { now: () => number; advance(ms: number): void } {
  let time = 0;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

describe('ProgressLine', () => {
  it('stays silent until the delay has passed, then draws one self-erasing line', () => {
    const stream = recorder(true);
    const time = clock();
    const line = new ProgressLine(stream, { quiet: false, env: {}, now: time.now });
    line.count('linting', 1, 1000, 'plan');
    expect(stream.written).toEqual([]);
    time.advance(DEFAULT_PROGRESS_DELAY_MS);
    line.count('linting', 412, 1000, 'plan');
    expect(stream.written).toEqual([`${ERASE}linting 412/1000 plans…`]);
    line.clear();
    expect(stream.written.at(-1)).toBe(ERASE);
  });

  it('redraws at most once per interval and says "plan" for one', () => {
    const stream = recorder(true);
    const time = clock();
    const line = new ProgressLine(stream, { quiet: false, env: { CRM_ROLLOUT_PROGRESS_DELAY_MS: '0' }, now: time.now });
    line.count('fixing', 0, 1, 'plan');
    line.count('fixing', 1, 1, 'plan');
    expect(stream.written).toEqual([`${ERASE}fixing 0/1 plan…`]);
    time.advance(1000);
    line.count('fixing', 1, 1, 'plan');
    expect(stream.written.at(-1)).toBe(`${ERASE}fixing 1/1 plan…`);
  });

  it('writes messages on a line of their own and redraws the status at the next update', () => {
    const stream = recorder(true);
    const line = new ProgressLine(stream, { quiet: false, env: { CRM_ROLLOUT_PROGRESS_DELAY_MS: '0' }, now: () => 0 });
    line.count('fixing', 3, 9, 'plan');
    line.print('fixed 2 problems in a.rollout.yaml\n');
    line.count('fixing', 4, 9, 'plan');
    expect(stream.written).toEqual([`${ERASE}fixing 3/9 plans…`, ERASE, 'fixed 2 problems in a.rollout.yaml\n', `${ERASE}fixing 4/9 plans…`]);
  });

  it('cuts the line to the terminal width so it never wraps', () => {
    const stream = recorder(true, 12);
    const line = new ProgressLine(stream, { quiet: false, env: { CRM_ROLLOUT_PROGRESS_DELAY_MS: '0' }, now: () => 0 });
    line.count('linting', 412, 1000, 'plan');
    expect(stream.written).toEqual([`${ERASE}linting 41…`]);
  });

  it('never writes to a non-terminal, under --quiet or in CI', () => {
    const env = { CRM_ROLLOUT_PROGRESS_DELAY_MS: '0' };
    const cases = [
      { stream: recorder(false), quiet: false, env },
      { stream: recorder(true), quiet: true, env },
      { stream: recorder(true), quiet: false, env: { ...env, CI: 'true' } },
    ];
    for (const { stream, quiet, env: e } of cases) {
      const line = new ProgressLine(stream, { quiet, env: e, now: () => 0 });
      line.count('linting', 1, 2, 'plan');
      line.print('message\n');
      line.clear();
      expect(stream.written).toEqual(['message\n']);
    }
  });

  it('reads the delay from CRM_ROLLOUT_PROGRESS_DELAY_MS, falling back to a second', () => {
    expect(progressDelayMs({ CRM_ROLLOUT_PROGRESS_DELAY_MS: '250' })).toBe(250);
    expect(progressDelayMs({ CRM_ROLLOUT_PROGRESS_DELAY_MS: 'soon' })).toBe(DEFAULT_PROGRESS_DELAY_MS);
    expect(progressDelayMs({})).toBe(DEFAULT_PROGRESS_DELAY_MS);
  });
});

/** The environment of a user at a terminal: not CI, and no delay so the line shows at once. */
function terminalEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CRM_ROLLOUT_PROGRESS_DELAY_MS: '0' };
  delete env.CI;
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return { ...env, ...extra };
}

/**
 * Runs `crm-rollout <args>` with stderr on a pseudo-terminal made by util-linux `script`, and
 * stdout redirected to a file; returns what the terminal showed and what stdout received.
 */
function underTerminal(cwd: string, args: string[], env: NodeJS.ProcessEnv): { terminal: string; stdout: string } {
  const stdoutFile = path.join(cwd, 'stdout.txt');
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const run = spawnSync('script', ['-q', '-e', '-c', `"$NODE" "$CLI" ${quoted} > "$STDOUT_FILE"`, '/dev/null'], {
    cwd,
    env: { ...env, NODE: process.execPath, CLI, STDOUT_FILE: stdoutFile },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.error) throw new Error(`util-linux "script" is needed to give the CLI a terminal: ${run.error.message}`);
  return { terminal: run.stdout, stdout: fs.readFileSync(stdoutFile, 'utf8') };
}

describe('crm-rollout on a terminal', () => {
  const plans = { 'a.rollout.yaml': PLAN, 'b.rollout.yaml': PLAN, 'c.rollout.yaml': TYPO };

  it('shows "linting n/3 plans…" on the terminal, erases it, and keeps it out of stdout', () => {
    const dir = tempTree(plans);
    const { terminal, stdout } = underTerminal(dir, ['lint', '.'], terminalEnv());
    expect(terminal).toContain('linting 0/3 plans…');
    // The line is erased after its last drawing, before the run ends.
    expect(terminal.lastIndexOf(ERASE)).toBeGreaterThan(terminal.lastIndexOf('plans…'));
    expect(stdout).toContain('c.rollout.yaml');
    expect(stdout).not.toContain('plans…');
    expect(stdout).not.toContain('\u001b[K');
  });

  it('shows "fixing n/3 plans…" for --fix, then the linting line', () => {
    const dir = tempTree(plans);
    const { terminal } = underTerminal(dir, ['lint', '--fix', '.'], terminalEnv());
    expect(terminal).toContain('fixing 0/3 plans…');
    expect(terminal).toContain('linting 0/3 plans…');
  });

  it('shows nothing under --quiet or when CI is set', () => {
    const dir = tempTree(plans);
    expect(underTerminal(dir, ['lint', '--quiet', '.'], terminalEnv()).terminal).not.toContain('plans…');
    expect(underTerminal(dir, ['lint', '.'], terminalEnv({ CI: 'true' })).terminal).not.toContain('plans…');
  });

  it('shows nothing when stderr is a pipe', () => {
    const dir = tempTree(plans);
    const run = spawnSync(process.execPath, [CLI, 'lint', '.'], { cwd: dir, env: terminalEnv(), encoding: 'utf8' });
    expect(run.stdout).toContain('c.rollout.yaml');
    expect(run.stderr).toBe('');
  });
});
