import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyRulesConfig, runCli, tempTree } from '../helpers/cli';

const repoRoot = path.resolve(__dirname, '../..');

/** The rules whose safe fixes these tests exercise; the others are off, so rules added later cannot change the counts. */
const ONLY_FIXING_RULES = onlyRulesConfig(['known-tags', 'working-days', 'known-references', 'date-order']);

/** Eight fixable problems between comments of every kind: full-line, trailing, indented, in flow collections. */
const FIXABLE = `# Pilot plan: every comment here must survive --fix.
plan: 1
name: Pilot   # trailing comment
calendar:
  start: 2027-01-09          # a Saturday
  # holidays come later
people:
  - { id: priya, name: Priya }   # the owner
phases:
  # first phase
  - id: discovery
    name: Discovery
    kind: planning
    owner: priay               # typo
    start: 2027-01-11
    duration: 1w
    checklist:
      # items
      - { task: Interview leads, tags: [stakholders] }   # typo in tag
      - { task: Back up the sheets, tags: [bakup], due: 2027-01-16 }   # Saturday and typo
  - id: design
    name: Design
    kind: design
    owner: pryia
    after: [discovery]
    start: 2027-01-12          # before discovery ends
    duration: 1w
    checklist:
      - task: Draft the data model
        tags: [desing]         # typo
# end of plan
`;

const commentLines = (text: string) => text.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')));

function jsonFindings(dir: string, file: string) {
  return JSON.parse(runCli(['lint', '--format', 'json', file], dir).stdout).findings as { rule: string; fixable: boolean }[];
}

describe('crm-rollout lint --fix', () => {
  it('applies every safe fix until the file is stable, says how many, and keeps every comment in order', () => {
    const dir = tempTree({ '.crm-rollout.yaml': ONLY_FIXING_RULES, 'p.rollout.yaml': FIXABLE });
    expect(jsonFindings(dir, 'p.rollout.yaml').length).toBeGreaterThanOrEqual(8);
    const run = runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
    const fixed = fs.readFileSync(path.join(dir, 'p.rollout.yaml'), 'utf8');
    expect(run.stderr).toMatch(/^fixed (\d+) problems in p\.rollout\.yaml\n$/);
    expect(Number(/fixed (\d+)/.exec(run.stderr)![1])).toBeGreaterThanOrEqual(8);
    expect(run.stdout).toBe('✔ 1 file checked, no problems\n');
    expect(run.code).toBe(0);
    expect(commentLines(fixed)).toEqual(commentLines(FIXABLE));
    expect(fixed).toContain('owner: priya               # typo');
    expect(fixed).toContain('tags: [stakeholders] }   # typo in tag');
    expect(fixed).toContain('start: 2027-01-11          # a Saturday');
    expect(fixed).toContain('tags: [backup], due: 2027-01-18 }');
    expect(fixed).toContain('start: 2027-01-18          # before discovery ends');
  });

  it('changes nothing on a second run', () => {
    const dir = tempTree({ '.crm-rollout.yaml': ONLY_FIXING_RULES, 'p.rollout.yaml': FIXABLE });
    runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
    const once = fs.readFileSync(path.join(dir, 'p.rollout.yaml'), 'utf8');
    const mtime = fs.statSync(path.join(dir, 'p.rollout.yaml')).mtimeMs;
    const again = runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
    expect(again.stderr).toBe('');
    expect(fs.readFileSync(path.join(dir, 'p.rollout.yaml'), 'utf8')).toBe(once);
    expect(fs.statSync(path.join(dir, 'p.rollout.yaml')).mtimeMs).toBe(mtime);
  });

  it('fixes what is fixable in a copy of samples/broken and still reports the rest', () => {
    const dir = tempTree({
      '.crm-rollout.yaml': fs.readFileSync(path.join(repoRoot, 'samples/.crm-rollout.yaml'), 'utf8'),
      'broken/kitchen-sink.rollout.yaml': fs.readFileSync(path.join(repoRoot, 'samples/broken/kitchen-sink.rollout.yaml'), 'utf8'),
    });
    const before = jsonFindings(dir, 'broken');
    expect(before.some((f) => f.fixable)).toBe(true);
    const run = runCli(['lint', '--fix', '--format', 'json', 'broken'], dir);
    expect(run.stderr).toMatch(/^fixed \d+ problems? in broken\/kitchen-sink\.rollout\.yaml\n$/);
    const after = JSON.parse(run.stdout).findings as { rule: string; fixable: boolean }[];
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    expect(after.filter((f) => f.fixable)).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('writes only files that changed', () => {
    const clean = 'plan: 1\nname: Clean\n';
    const dir = tempTree({ '.crm-rollout.yaml': ONLY_FIXING_RULES, 'a.rollout.yaml': FIXABLE, 'b.rollout.yaml': clean });
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(path.join(dir, 'b.rollout.yaml'), past, past);
    const run = runCli(['lint', '--fix', '.'], dir);
    expect(run.stderr).toMatch(/^fixed \d+ problems in a\.rollout\.yaml\n$/);
    expect(fs.statSync(path.join(dir, 'b.rollout.yaml')).mtime.toISOString()).toBe(past.toISOString());
  });

  it('keeps a UTF-8 byte-order mark and CRLF line endings', () => {
    const crlf = `\ufeff${FIXABLE.replace(/\n/g, '\r\n')}`;
    const dir = tempTree({ '.crm-rollout.yaml': ONLY_FIXING_RULES, 'p.rollout.yaml': crlf });
    runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
    const bytes = fs.readFileSync(path.join(dir, 'p.rollout.yaml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('tags: [stakeholders]');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('crm-rollout lint --fix-dry-run', () => {
  it('prints a unified diff of what --fix would write, writes nothing, and exits 1', () => {
    const dir = tempTree({ '.crm-rollout.yaml': ONLY_FIXING_RULES, 'p.rollout.yaml': FIXABLE });
    const run = runCli(['lint', '--fix-dry-run', 'p.rollout.yaml'], dir);
    expect(run.code).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'p.rollout.yaml'), 'utf8')).toBe(FIXABLE);
    expect(run.stderr).toMatch(/^would fix \d+ problems in p\.rollout\.yaml\n$/);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['--- a/p.rollout.yaml', '+++ b/p.rollout.yaml']);
    expect(lines[2]).toMatch(/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@$/);
    expect(lines).toContain('-    owner: priay               # typo');
    expect(lines).toContain('+    owner: priya               # typo');
  });

  it('prints a diff that git apply turns into exactly what --fix writes', () => {
    const dir = tempTree({ '.crm-rollout.yaml': ONLY_FIXING_RULES, 'p.rollout.yaml': FIXABLE });
    const patch = runCli(['lint', '--fix-dry-run', 'p.rollout.yaml'], dir).stdout;
    execFileSync('git', ['apply', '-'], { cwd: dir, input: patch });
    const fixDir = tempTree({ '.crm-rollout.yaml': ONLY_FIXING_RULES, 'p.rollout.yaml': FIXABLE });
    runCli(['lint', '--fix', 'p.rollout.yaml'], fixDir);
    expect(fs.readFileSync(path.join(dir, 'p.rollout.yaml'), 'utf8')).toBe(fs.readFileSync(path.join(fixDir, 'p.rollout.yaml'), 'utf8'));
  });

  it('prints nothing and exits 0 when there is nothing to fix', () => {
    const dir = tempTree({ '.crm-rollout.yaml': ONLY_FIXING_RULES, 'p.rollout.yaml': 'plan: 1\nname: Clean\n' });
    expect(runCli(['lint', '--fix-dry-run', 'p.rollout.yaml'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses options that have no meaning for a diff, and --fix together with it', () => {
    const dir = tempTree({ 'p.rollout.yaml': FIXABLE });
    expect(runCli(['lint', '--fix-dry-run', '--format', 'json', 'p.rollout.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: --fix-dry-run prints only a diff, so --format does not apply; drop one of them\n',
    });
    expect(runCli(['lint', '--fix', '--fix-dry-run', 'p.rollout.yaml'], dir).code).toBe(2);
  });
});
