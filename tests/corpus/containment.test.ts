import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { onlyRulesConfig, runCli } from '../helpers/cli';

/**
 * Hostile input, containment half: paths written in files (`imports`, `extends`) never lead
 * outside the project root, only regular files are opened, reads are bounded, and nothing
 * read from a file that is not a plan or configuration is ever printed. Cases that could hang
 * run `dist/cli.js` as a child process with a timeout, so a regression fails instead of
 * blocking the test runner.
 */

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** Far above what any case needs; only a hang reaches it. */
const HANG = 10_000;
const SECRET = 'TOKEN=s3cr3t-do-not-print';
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab', 'markdown'];

const PLAN = (imports: string, sponsor = 'dana') => `plan: 1\nname: Pilot\n${imports}sponsor: ${sponsor}\npeople:\n  - { id: dana, name: Dana Whitfield }\n`;

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary base folder (symbolic links resolved) holding `outside/` with secrets and the
 * given files; `repo` makes `repo/` a git repository.
 */
function layout(files: Record<string, string>, options: { repo: boolean }): string {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-contain-')));
  made.push(base);
  const all: Record<string, string> = {
    'outside/secret.env': `${SECRET}\n`,
    'outside/people.yaml': 'people:\n  - { id: mallory, name: Mallory Outsider }\n',
    'repo/.crm-rollout.yaml': onlyRulesConfig(['known-references']),
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    fs.writeFileSync(path.join(base, rel), text);
  }
  if (options.repo) fs.mkdirSync(path.join(base, 'repo/.git'));
  return base;
}

function runBinary(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: HANG });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, timedOut: run.error !== undefined };
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe('paths written in files stay inside the project root', () => {
  it('refuses `extends` of a file outside the repository and prints none of it, in every format', () => {
    const base = layout({ 'repo/.crm-rollout.yaml': 'extends: ../outside/secret.env\n', 'repo/p.rollout.yaml': PLAN('') }, { repo: true });
    for (const format of FORMATS) {
      const run = runCli(['lint', 'p.rollout.yaml', '--format', format, '--no-color'], path.join(base, 'repo'));
      expect(run.code, format).toBe(1);
      expect(run.stdout + run.stderr, format).not.toContain('s3cr3t');
      expect(run.stdout, format).toContain('leads outside the project root');
    }
  });

  it('refuses `extends` through ../../ up to a system file, at the extends value', () => {
    const base = layout({ 'repo/.crm-rollout.yaml': 'extends: ../../../../../../../../etc/passwd\n', 'repo/p.rollout.yaml': PLAN('') }, { repo: true });
    const run = runCli(['lint', 'p.rollout.yaml', '--format', 'json'], path.join(base, 'repo'));
    const findings = (JSON.parse(run.stdout) as { findings: { file: string; rule: string; line: number; column: number; message: string }[] }).findings;
    expect(findings.filter((f) => f.rule === 'import')).toEqual([
      expect.objectContaining({ file: '.crm-rollout.yaml', rule: 'import', line: 1, column: 10, message: expect.stringContaining('leads outside the project root') }),
    ]);
    expect(run.stdout).not.toContain('root:x:');
  });

  it('names the kind of a non-mapping file it extends, never its content', () => {
    const base = layout({ 'repo/.crm-rollout.yaml': 'extends: ./local.env\n', 'repo/local.env': `${SECRET}\n`, 'repo/p.rollout.yaml': PLAN('') }, { repo: true });
    const run = runCli(['lint', 'p.rollout.yaml', '--format', 'json'], path.join(base, 'repo'));
    expect(run.stdout).toContain('the configuration must be a mapping, not text');
    expect(run.stdout).not.toContain('s3cr3t');
  });

  it('refuses an import through a symbolic link inside the repository that points outside it', () => {
    const base = layout({ 'repo/p.rollout.yaml': PLAN('imports: [shared/people.yaml]\n', 'mallori') }, { repo: true });
    fs.symlinkSync(path.join(base, 'outside'), path.join(base, 'repo/shared'));
    const run = runCli(['lint', 'p.rollout.yaml', '--format', 'json'], path.join(base, 'repo'));
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] }).findings;
    expect(findings.map((f) => f.rule)).toEqual(['import', 'known-references']);
    expect(findings[0].message).toContain('import "shared/people.yaml" leads outside the project root');
    // Not read, so its people are not suggested either.
    expect(run.stdout).not.toContain('mallory');
  });

  it('refuses an absolute import outside the project root when there is no repository', () => {
    const base = layout({}, { repo: false });
    fs.writeFileSync(path.join(base, 'repo/p.rollout.yaml'), PLAN(`imports: [${path.join(base, 'outside/people.yaml')}]\n`));
    const run = runCli(['lint', 'p.rollout.yaml', '--format', 'json'], path.join(base, 'repo'));
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] }).findings;
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining(`leads outside the project root ${path.join(base, 'repo')}`)]);
  });

  it('outside a repository, takes the nearest folder with a configuration as the root even when run from above it', () => {
    const base = layout({ 'repo/p.rollout.yaml': PLAN('imports: [../outside/people.yaml]\n') }, { repo: false });
    const run = runCli(['lint', 'repo/p.rollout.yaml', '--format', 'json'], base);
    expect(run.stdout).toContain(`leads outside the project root ${path.join(base, 'repo')}`);
  });

  it('lets a configuration named with --config outside the repository extend a file beside it (the user chose it)', () => {
    const base = layout({ 'shared/crm.yaml': 'extends: ./base.yaml\n', 'shared/base.yaml': 'rules:\n  known-references: off\n', 'repo/p.rollout.yaml': PLAN('', 'nobody') }, { repo: true });
    const run = runCli(['lint', 'p.rollout.yaml', '--config', '../shared/crm.yaml', '--format', 'json'], path.join(base, 'repo'));
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string }[] }).findings;
    // base.yaml turned known-references off, so the unknown sponsor is not reported.
    expect(findings.map((f) => f.rule)).not.toContain('known-references');
    expect(findings.map((f) => f.rule)).not.toContain('import');
  });
});

describe('only regular files are opened, and every read is bounded', () => {
  it('reports an import of a FIFO instead of waiting for a writer', () => {
    const base = layout({ 'repo/p.rollout.yaml': PLAN('imports: [people.fifo]\n') }, { repo: true });
    mkfifo(path.join(base, 'repo/people.fifo'));
    const run = runBinary(['lint', 'p.rollout.yaml', '--format', 'json'], path.join(base, 'repo'));
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('is not a regular file');
  });

  it('reports an `extends` of a FIFO instead of waiting for a writer', () => {
    const base = layout({ 'repo/.crm-rollout.yaml': 'extends: ./base.fifo\n', 'repo/p.rollout.yaml': PLAN('') }, { repo: true });
    mkfifo(path.join(base, 'repo/base.fifo'));
    const run = runBinary(['lint', 'p.rollout.yaml', '--format', 'json'], path.join(base, 'repo'));
    expect(run.timedOut).toBe(false);
    expect(run.stdout).toContain('is not a regular file');
  });

  it('walks a folder whose .gitignore is a FIFO', () => {
    const base = layout({ 'repo/plans/p.rollout.yaml': PLAN('') }, { repo: true });
    mkfifo(path.join(base, 'repo/plans/.gitignore'));
    const run = runBinary(['lint', 'plans', '--format', 'json'], path.join(base, 'repo'));
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(0);
  });

  it('refuses a FIFO named as the plan, with exit 2, also for --fix', () => {
    const base = layout({}, { repo: true });
    mkfifo(path.join(base, 'repo/p.rollout.yaml'));
    for (const extra of [[], ['--fix']]) {
      const run = runBinary(['lint', 'p.rollout.yaml', ...extra], path.join(base, 'repo'));
      expect(run.timedOut).toBe(false);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is not a regular file');
    }
  });

  it('refuses --baseline /dev/zero with exit 2 instead of reading forever', () => {
    const base = layout({ 'repo/p.rollout.yaml': PLAN('') }, { repo: true });
    const run = runBinary(['lint', 'p.rollout.yaml', '--baseline', '/dev/zero'], path.join(base, 'repo'));
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('baseline "/dev/zero" is not a regular file');
  });

  it('refuses --output where no folder can be made with exit 2 instead of retrying', () => {
    const base = layout({ 'repo/p.rollout.yaml': PLAN('') }, { repo: true });
    const run = runBinary(['lint', 'p.rollout.yaml', '--format', 'json', '--output', '/proc/self/x/y'], path.join(base, 'repo'));
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot write --output "/proc/self/x/y"');
  });

  it('refuses --output under a file with exit 2', () => {
    const base = layout({ 'repo/p.rollout.yaml': PLAN('') }, { repo: true });
    const run = runCli(['lint', 'p.rollout.yaml', '--output', 'p.rollout.yaml/report.json'], path.join(base, 'repo'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot write --output "p.rollout.yaml/report.json" (ENOTDIR)');
  });
});
