import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli';

const BASE = `plan: 1
name: Pilot
sponsor: ann
calendar: { start: 2027-01-11 }
imports: [people.yaml]
phases:
  - { id: build, name: Build, kind: configuration, owner: ann, duration: 2w }
  - { id: live, name: Go-live, kind: go-live, owner: ann, after: [build], duration: 1w }
`;
const PEOPLE = 'people:\n  - { id: ann, name: Ann }\n';
const LATER = BASE.replace('duration: 2w', 'duration: 3w');
const RENAMED = BASE.replace('name: Build,', 'name: Build it,');
const NEW_OWNER = BASE.replace('{ id: build, name: Build, kind: configuration, owner: ann,', '{ id: build, name: Build, kind: configuration,');

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });
}

/** A repository with plans/pilot.rollout.yaml committed twice: BASE, then `second`. */
function repository(second: string, people = PEOPLE): string {
  const dir = tempTree({ 'plans/pilot.rollout.yaml': BASE, 'plans/people.yaml': PEOPLE });
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  fs.writeFileSync(path.join(dir, 'plans/pilot.rollout.yaml'), second);
  fs.writeFileSync(path.join(dir, 'plans/people.yaml'), people);
  git(dir, 'commit', '-q', '-a', '-m', 'second');
  return dir;
}

describe('crm-rollout diff', () => {
  it('compares two files and prints the changes by severity', () => {
    const dir = tempTree({ 'a.rollout.yaml': BASE, 'b.rollout.yaml': LATER, 'people.yaml': PEOPLE });
    const run = runCli(['diff', 'a.rollout.yaml', 'b.rollout.yaml'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 6)).toEqual([
      'diff a.rollout.yaml → b.rollout.yaml',
      'go-live 2027-01-25 → 2027-02-01 · start 2027-01-11 · end 2027-01-29 → 2027-02-05 · 15 → 20 working days',
      '1 breaking, 2 warnings, 2 info',
      '',
      'breaking',
      '  go-live moves 5 working days later (2027-01-25 → 2027-02-01)',
    ]);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('--fail-on breaking exits 1 only when a breaking change exists', () => {
    const dir = tempTree({ 'a.rollout.yaml': BASE, 'later.rollout.yaml': LATER, 'renamed.rollout.yaml': RENAMED, 'people.yaml': PEOPLE });
    const breaking = runCli(['diff', '--fail-on', 'breaking', 'a.rollout.yaml', 'later.rollout.yaml'], dir);
    expect(breaking.code).toBe(1);
    expect(breaking.stderr).toBe('crm-rollout: 1 change at or above "breaking" (--fail-on breaking)\n');
    expect(runCli(['diff', '--fail-on', 'breaking', 'a.rollout.yaml', 'renamed.rollout.yaml'], dir).code).toBe(0);
  });

  it('--fail-on warning exits 1 on a warning and counts breaking changes too', () => {
    const dir = tempTree({ 'a.rollout.yaml': BASE, 'owner.rollout.yaml': NEW_OWNER, 'later.rollout.yaml': LATER, 'renamed.rollout.yaml': RENAMED, 'people.yaml': PEOPLE });
    const warning = runCli(['diff', '--fail-on', 'warning', 'a.rollout.yaml', 'owner.rollout.yaml'], dir);
    expect(warning.code).toBe(1);
    expect(warning.stdout).toContain('warning\n  phase "build" no longer has an owner (was "ann")\n');
    expect(runCli(['diff', '--fail-on', 'warning', 'a.rollout.yaml', 'later.rollout.yaml'], dir).stderr).toBe('crm-rollout: 3 changes at or above "warning" (--fail-on warning)\n');
    expect(runCli(['diff', '--fail-on', 'warning', 'a.rollout.yaml', 'renamed.rollout.yaml'], dir).code).toBe(0);
  });

  it('exits 0 without --fail-on whatever changed', () => {
    const dir = tempTree({ 'a.rollout.yaml': BASE, 'later.rollout.yaml': LATER, 'people.yaml': PEOPLE });
    expect(runCli(['diff', 'a.rollout.yaml', 'later.rollout.yaml'], dir).code).toBe(0);
  });

  it('--git HEAD~1 compares the committed version with the working copy, imports included', () => {
    const dir = repository(RENAMED, `${PEOPLE}  - { id: bo, name: Bo }\n`);
    fs.writeFileSync(path.join(dir, 'plans/pilot.rollout.yaml'), LATER);
    const run = runCli(['diff', '--git', 'HEAD~1', 'pilot.rollout.yaml'], path.join(dir, 'plans'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('diff HEAD~1:plans/pilot.rollout.yaml → pilot.rollout.yaml');
    expect(run.stdout).toContain('  go-live moves 5 working days later (2027-01-25 → 2027-02-01)\n');
    expect(run.stdout).toContain('  person "bo" added\n');
    expect(run.stdout).not.toContain('Build it');
  });

  it('--git HEAD compares with the last commit', () => {
    const dir = repository(RENAMED);
    const run = runCli(['diff', '--git', 'HEAD', 'plans/pilot.rollout.yaml'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no semantic changes\n');
  });

  it('--git says clearly when the file is not in a git repository, not at that commit, or the commit does not exist', () => {
    const outside = tempTree({ 'a.rollout.yaml': BASE, 'people.yaml': PEOPLE });
    expect(runCli(['diff', '--git', 'HEAD~1', 'a.rollout.yaml'], outside)).toMatchObject({ code: 2, stderr: 'crm-rollout: "a.rollout.yaml" is not inside a git repository; --git compares a file with its version at a commit\n' });
    const dir = repository(RENAMED);
    fs.writeFileSync(path.join(dir, 'plans/new.rollout.yaml'), BASE);
    expect(runCli(['diff', '--git', 'HEAD~1', 'plans/new.rollout.yaml'], dir)).toMatchObject({ code: 2, stderr: 'crm-rollout: "plans/new.rollout.yaml" does not exist at "HEAD~1"; was it added or renamed since?\n' });
    const root = fs.realpathSync(dir);
    expect(runCli(['diff', '--git', 'HEAD~7', 'plans/pilot.rollout.yaml'], dir)).toMatchObject({ code: 2, stderr: `crm-rollout: "HEAD~7" is not a commit in the repository at "${root}"\n` });
    expect(runCli(['diff', '--git', '--upload-pack=x', 'plans/pilot.rollout.yaml'], dir)).toMatchObject({ code: 2, stderr: 'crm-rollout: option "--git" needs a value\n' });
    expect(runCli(['diff', '--git=-x', 'plans/pilot.rollout.yaml'], dir)).toMatchObject({ code: 2, stderr: 'crm-rollout: --git "-x" is not a commit; name a branch, tag or commit such as HEAD~1\n' });
  });

  it('refuses a side that does not parse: exit 1 with its errors on stderr', () => {
    const dir = tempTree({ 'a.rollout.yaml': BASE, 'b.rollout.yaml': 'plan: 1\nname: [broken\n', 'people.yaml': PEOPLE });
    const run = runCli(['diff', 'a.rollout.yaml', 'b.rollout.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^b\.rollout\.yaml\n {2}b\.rollout\.yaml:\d+:\d+ {2}error .*\[yaml-syntax\]/);
    expect(run.stderr).toContain('crm-rollout: "b.rollout.yaml" cannot be read as a plan; fix the errors above first\n');
  });

  it('rejects bad invocations with exit 2', () => {
    const dir = tempTree({ 'a.rollout.yaml': BASE, 'people.yaml': PEOPLE });
    const cases: [string[], string][] = [
      [['diff', 'a.rollout.yaml'], 'crm-rollout: name two versions of a plan: crm-rollout diff <base> <head>, or crm-rollout diff --git <ref> <file>\n'],
      [['diff', '--git', 'HEAD', 'a.rollout.yaml', 'a.rollout.yaml'], 'crm-rollout: with --git, name one plan file: crm-rollout diff --git HEAD~1 plan.rollout.yaml\n'],
      [['diff', '--format', 'html', 'a.rollout.yaml', 'a.rollout.yaml'], 'crm-rollout: unknown format "html"; use one of text, json, markdown\n'],
      [['diff', '--fail-on', 'info', 'a.rollout.yaml', 'a.rollout.yaml'], 'crm-rollout: unknown --fail-on level "info"; use one of breaking, warning\n'],
      [['diff', 'a.rollout.yaml', 'people.yaml'], 'crm-rollout: "people.yaml" is not a plan: plan files are named *.rollout.yaml or *.rollout.yml\n'],
    ];
    for (const [argv, message] of cases) {
      const run = runCli(argv, dir);
      expect({ argv, code: run.code, stderr: run.stderr }).toEqual({ argv, code: 2, stderr: message });
    }
  });

  it('prints its help with --help', () => {
    const run = runCli(['diff', '--help'], tempTree({}));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: crm-rollout diff \[options\] <base\.rollout\.yaml> <head\.rollout\.yaml>/);
  });
});
