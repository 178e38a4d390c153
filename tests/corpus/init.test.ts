import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

/** Hostile input to `init`: names and dates that would write a broken plan, and links that would redirect its writes. */

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function emptyDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-init-')));
  made.push(dir);
  return dir;
}

describe('init refuses, with exit 2 and nothing written', () => {
  const cases: [string, string[], string][] = [
    ['a name with a line break', ['--name', 'Acme\nplan: 2'], '--name must be one line of text'],
    ['a name with an escape sequence', ['--name', 'Acme \x1b[2J'], '--name must be one line of text'],
    ['a name of 270 characters', ['--name', 'a'.repeat(270)], '--name is 270 characters long; use at most 120'],
    ['a start in year 9999', ['--start', '9999-12-31'], '--start "9999-12-31" is outside the years 1900 to 2999'],
    ['a start before 1900', ['--start', '1899-12-29'], 'is outside the years 1900 to 2999'],
  ];
  for (const [name, args, says] of cases) {
    it(name, () => {
      const dir = emptyDir();
      const run = runCli(['init', ...args], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(says);
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  }

  it('a dangling symbolic link named like the plan, which it would follow', () => {
    const dir = emptyDir();
    const elsewhere = path.join(emptyDir(), 'planted.yaml');
    fs.symlinkSync(elsewhere, path.join(dir, 'crm-rollout.rollout.yaml'));
    for (const extra of [[], ['--force']]) {
      const run = runCli(['init', ...extra], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('"crm-rollout.rollout.yaml" is a symbolic link; init does not write through links');
    }
    expect(fs.existsSync(elsewhere)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['crm-rollout.rollout.yaml']);
  });

  it('a dangling symbolic link named like the configuration', () => {
    const dir = emptyDir();
    const elsewhere = path.join(emptyDir(), 'planted.yaml');
    fs.symlinkSync(elsewhere, path.join(dir, '.crm-rollout.yaml'));
    const run = runCli(['init'], dir);
    expect(run.code).toBe(2);
    expect(fs.existsSync(elsewhere)).toBe(false);
  });
});

it('init still writes a plan for a name of 120 characters and a start in 2999', () => {
  const dir = emptyDir();
  const run = runCli(['init', '--name', 'a'.repeat(120), '--start', '2999-01-07', '--size', 'small'], dir);
  expect(run.code).toBe(0);
  expect(fs.readdirSync(dir).sort()).toEqual(['.crm-rollout.yaml', `${'a'.repeat(120)}.rollout.yaml`]);
});
