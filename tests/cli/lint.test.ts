import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../server/src/cli/formatters/index';
import { LINT_OPTIONS } from '../../server/src/cli/lintCommand';
import { MAX_FILE_BYTES } from '../../server/src/engine/parse';
import { runCli, tempTree } from '../helpers/cli';

const CLEAN = `plan: 1
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

describe('crm-rollout lint', () => {
  it('prints file:line:col  severity  message  [rule-id] grouped by file, with a summary, and exits 1 on errors', () => {
    const dir = tempTree({ 'a.rollout.yaml': TYPO });
    const run = runCli(['lint', '--config', path.join(dir, 'none.yaml'), 'a.rollout.yaml'], dir);
    expect(run.code).toBe(2);
    const ok = runCli(['lint', 'a.rollout.yaml'], dir);
    expect(ok.code).toBe(1);
    const lines = ok.stdout.split('\n');
    expect(lines[0]).toBe('a.rollout.yaml');
    expect(lines).toContain('  a.rollout.yaml:7:5  error    "duraton" is not a phase field; did you mean "duration"?  [schema]');
    expect(lines.at(-2)).toMatch(/^✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\) in 1 file$/);
  });

  it('writes no colour codes when stdout is not a terminal', () => {
    const dir = tempTree({ 'a.rollout.yaml': TYPO });
    expect(runCli(['lint', 'a.rollout.yaml'], dir).stdout).not.toMatch(/\u001b\[/);
  });

  it('lists every finding in JSON with 1-based start and end', () => {
    const dir = tempTree({ 'a.rollout.yaml': TYPO });
    const run = runCli(['lint', '--format', 'json', 'a.rollout.yaml'], dir);
    const report = JSON.parse(run.stdout);
    const typo = report.findings.find((f: { rule: string; message: string }) => f.message.includes('duraton'));
    expect(typo).toMatchObject({ file: 'a.rollout.yaml', rule: 'schema', severity: 'error', line: 7, column: 5, endLine: 7, endColumn: 12 });
  });

  it('writes SARIF 2.1.0 with every rule and 1-based regions', () => {
    const dir = tempTree({ 'a.rollout.yaml': TYPO });
    const log = JSON.parse(runCli(['lint', '--format', 'sarif', 'a.rollout.yaml'], dir).stdout);
    expect(log.version).toBe('2.1.0');
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toContain('unique-ids');
    expect(rules.every((r: { helpUri: string }) => /\/docs\/rules\/[a-z-]+\.md$/.test(r.helpUri))).toBe(true);
    const result = log.runs[0].results.find((r: { message: { text: string } }) => r.message.text.includes('duraton'));
    expect(result.ruleId).toBe('schema');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 5, endLine: 7, endColumn: 12 });
  });

  it('exits 1 exactly when there are errors, and when warnings exceed --max-warnings', () => {
    const dir = tempTree({
      '.crm-rollout.yaml': 'extends: recommended\nrules:\n  known-tags: warning\n',
      'a.rollout.yaml': `${CLEAN}phases:\n  - { id: a, name: A, kind: planning, checklist: [{ task: T, tags: [bakup] }] }\n`,
    });
    const only = (args: string[]) => runCli(['lint', ...args, '--format', 'json', 'a.rollout.yaml'], dir);
    const warnings = JSON.parse(only([]).stdout).findings.filter((f: { severity: string }) => f.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    const errors = JSON.parse(only([]).stdout).findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(only([]).code).toBe(errors.length > 0 ? 1 : 0);
    expect(only(['--max-warnings', String(warnings.length)]).code).toBe(errors.length > 0 ? 1 : 0);
    expect(only(['--max-warnings', '0']).code).toBe(1);
  });

  it('reports errors only with --quiet', () => {
    const dir = tempTree({ 'a.rollout.yaml': `${CLEAN}phases:\n  - { id: a, name: A, kind: planning, checklist: [{ task: T, tags: [bakup] }] }\n` });
    const report = JSON.parse(runCli(['lint', '--quiet', '--format', 'json', 'a.rollout.yaml'], dir).stdout);
    expect(report.findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect(report.findings.some((f: { rule: string }) => f.rule === 'known-tags')).toBe(false);
  });

  it('lints every plan under a directory and skips what .gitignore ignores', () => {
    const dir = tempTree({
      '.gitignore': 'drafts/\n',
      'plans/a.rollout.yaml': TYPO,
      'plans/b.rollout.yml': TYPO,
      'plans/notes.yaml': 'not: a plan\n',
      'drafts/c.rollout.yaml': TYPO,
    });
    const report = JSON.parse(runCli(['lint', '--format', 'json', '.'], dir).stdout);
    const files = [...new Set(report.findings.map((f: { file: string }) => f.file))].sort();
    expect(files).toEqual(['plans/a.rollout.yaml', 'plans/b.rollout.yml']);
  });

  it('says when every plan under a named directory is ignored by .gitignore, and names the .gitignore and --no-ignore', () => {
    const dir = tempTree({ '.gitignore': 'drafts/\n', 'drafts/c.rollout.yaml': TYPO, 'drafts/d.rollout.yml': TYPO, 'drafts/notes.yaml': 'not: a plan\n' });
    expect(runCli(['lint', 'drafts'], dir)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: all 2 plan files under "drafts" are ignored by .gitignore (.gitignore); add --no-ignore to lint them anyway\n',
    });
    const nested = tempTree({ 'plans/.gitignore': '*.rollout.yaml\n', 'plans/old/a.rollout.yaml': TYPO });
    expect(runCli(['lint', 'plans'], nested).stderr).toBe(
      'crm-rollout: the only plan file under "plans" is ignored by .gitignore (plans/.gitignore); add --no-ignore to lint it anyway\n',
    );
  });

  it('still says "no plan files found" for a directory without plans, ignored or not', () => {
    const dir = tempTree({ '.gitignore': 'drafts/\n', 'drafts/notes.yaml': 'not: a plan\n', 'empty/notes.yaml': 'x: 1\n' });
    expect(runCli(['lint', 'drafts'], dir).stderr).toBe('crm-rollout: no plan files (*.rollout.yaml or *.rollout.yml) found under "drafts"\n');
    expect(runCli(['lint', 'empty'], dir).stderr).toBe('crm-rollout: no plan files (*.rollout.yaml or *.rollout.yml) found under "empty"\n');
  });

  it('lints the plans .gitignore ignores with --no-ignore, under a directory and a glob, but never inside node_modules', () => {
    const dir = tempTree({
      '.gitignore': 'drafts/\n*.old.rollout.yaml\n',
      'drafts/c.rollout.yaml': TYPO,
      'drafts/x.old.rollout.yaml': TYPO,
      'drafts/node_modules/n.rollout.yaml': TYPO,
    });
    const filesOf = (args: string[]) => {
      const report = JSON.parse(runCli(['lint', '--no-ignore', '--format', 'json', ...args], dir).stdout);
      return [...new Set(report.findings.map((f: { file: string }) => f.file))].sort();
    };
    expect(filesOf(['drafts'])).toEqual(['drafts/c.rollout.yaml', 'drafts/x.old.rollout.yaml']);
    expect(filesOf(['drafts/*.old.rollout.yaml'])).toEqual(['drafts/x.old.rollout.yaml']);
  });

  it('says when every file a glob matches is ignored by .gitignore', () => {
    const dir = tempTree({ '.gitignore': 'drafts/\n', 'drafts/c.rollout.yaml': TYPO });
    expect(runCli(['lint', 'drafts/*.rollout.yaml'], dir).stderr).toBe(
      'crm-rollout: the only file matching "drafts/*.rollout.yaml" is ignored by .gitignore (.gitignore); add --no-ignore to lint it anyway\n',
    );
  });

  it('expands a quoted glob itself', () => {
    const dir = tempTree({ 'plans/x/a.rollout.yaml': TYPO, 'plans/y/b.rollout.yaml': TYPO, 'other/c.rollout.yaml': TYPO });
    const report = JSON.parse(runCli(['lint', '--format', 'json', 'plans/**/*.rollout.yaml'], dir).stdout);
    expect(report.summary.files).toBe(2);
  });

  it('rejects a bad --as-of date with exit 2 and says the expected form', () => {
    const dir = tempTree({ 'a.rollout.yaml': CLEAN });
    const run = runCli(['lint', '--as-of', '2027-02-30', 'a.rollout.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('crm-rollout: --as-of "2027-02-30" is not a date; write it as YYYY-MM-DD\n');
  });

  it('rejects unknown options and commands with exit 2', () => {
    const dir = tempTree({ 'a.rollout.yaml': CLEAN });
    expect(runCli(['lint', '--colour', 'a.rollout.yaml'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^crm-rollout: unknown option "--colour"/) });
    expect(runCli(['lnt', 'a.rollout.yaml'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^crm-rollout: unknown command "lnt"/) });
    expect(runCli(['lint'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/name at least one plan file/) });
  });
});

describe('crm-rollout lint on junk', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /looks binary, not YAML/],
    ['a 0-byte file', '', /this file is empty; a plan needs at least "plan" and "name"/],
    ['a file over the size limit', `# ${'x'.repeat(MAX_FILE_BYTES)}\n`, /larger than the 10 MiB limit/],
    ['an alias bomb', `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`, /alias bomb/],
    ['broken YAML', 'plan: 1\nname: [oops\n', /fix the YAML syntax here/],
    ['UTF-16 text with a byte-order mark', new Uint8Array([0xff, 0xfe, ...Buffer.from('plan: 2\nname: x\n', 'utf16le')]), /"plan" must be 1/],
  ];
  for (const [name, content, message] of cases) {
    it(`reports ${name} as a finding with exit 1 and no stack trace`, () => {
      const dir = tempTree({ 'junk.rollout.yaml': content });
      const run = runCli(['lint', 'junk.rollout.yaml'], dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(message);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('says so with exit 2 for a directory with no plans', () => {
    const dir = tempTree({ 'empty/readme.txt': 'nothing here' });
    expect(runCli(['lint', 'empty'], dir)).toEqual({ code: 2, stdout: '', stderr: 'crm-rollout: no plan files (*.rollout.yaml or *.rollout.yml) found under "empty"\n' });
  });

  it('says so with exit 2 for a missing path', () => {
    const dir = tempTree({});
    expect(runCli(['lint', 'nope.rollout.yaml'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'crm-rollout: "nope.rollout.yaml" does not exist; name a plan file, a directory of plans or a glob\n',
    });
  });
});

describe('help texts', () => {
  it('lint --help names every report format and every lint option', () => {
    const run = runCli(['lint', '--help'], '/');
    expect(run.code).toBe(0);
    for (const format of Object.keys(FORMATTERS)) expect(run.stdout).toContain(format);
    for (const option of Object.keys(LINT_OPTIONS)) expect(run.stdout).toContain(`--${option}`);
  });

  it('crm-rollout --help lists every command, and each of them has its own --help', () => {
    const run = runCli(['--help'], '/');
    const listed = [...run.stdout.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(['diff', 'init', 'lint', 'status', 'timeline']);
    for (const command of listed) expect(runCli([command, '--help'], '/')).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^Usage: crm-rollout ${command}`)) });
  });

  it('rejects an unknown format with exit 2 and lists the formats there are', () => {
    const dir = tempTree({ 'a.rollout.yaml': CLEAN });
    expect(runCli(['lint', '--format', 'xml', 'a.rollout.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: unknown format "xml"; use one of stylish, json, sarif, github, junit, gitlab, markdown\n',
    });
  });
});
