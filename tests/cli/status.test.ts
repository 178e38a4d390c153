import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../server/src/engine/status';
import { onlyRulesConfig, runCli, tempTree } from '../helpers/cli';
import { EXECUTION_PLAN } from '../helpers/statusPlan';

/** `crm-rollout status`: the report of plans in execution, its baselines, formats and exit codes. */

const CONFIG = onlyRulesConfig(['overdue']);

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });
}

function reports(stdout: string): StatusReport[] {
  return JSON.parse(stdout) as StatusReport[];
}

describe('crm-rollout status --format json', () => {
  it('gives each wave its planned and forecast go-live and variance, late work and the verdict', () => {
    const dir = tempTree({ 'fjord.rollout.yaml': EXECUTION_PLAN, '.crm-rollout.yaml': CONFIG });
    const run = runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01', '--format', 'json'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [report] = reports(run.stdout);
    expect(report.goLives).toEqual([
      { wave: 1, name: 'Norway', phase: 'go-no', baseline: '2027-05-31', forecast: '2027-06-02', variance: 2 },
      { wave: 2, name: 'Germany', phase: 'go-de', baseline: '2027-06-08', forecast: '2027-06-10', variance: 2 },
    ]);
    expect(report.late.map((w) => [w.kind, w.id, w.phase, w.owner, w.daysLate, w.critical])).toEqual([
      ['item', 'configure', 'build', 'ann', 8, true],
      ['milestone', 'de-ready', 'de-prep', undefined, 2, false],
    ]);
    expect(report.status.colour).toBe('red');
    expect(report.status.reason).toBe('Red: the go-live of wave 1 (Norway) is forecast for 2027-06-02, 2 working days later than planned (2027-05-31), and 4 more reasons.');
    expect(Object.keys(report)).toEqual(['path', 'name', 'asOf', 'horizon', 'baseline', 'status', 'goLives', 'progress', 'phases', 'late', 'comingUp', 'risks', 'kpis', 'findings']);
  });

  it('runs the lint behind the report as of the report date, so overdue counts', () => {
    const dir = tempTree({ 'fjord.rollout.yaml': EXECUTION_PLAN, '.crm-rollout.yaml': CONFIG });
    const [report] = reports(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01', '--format', 'json'], dir).stdout);
    expect(report.findings).toMatchObject({ error: 0, errors: [] });
    expect(report.findings.warning + report.findings.info).toBeGreaterThan(0);
    const [before] = reports(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-05-03', '--format', 'json'], dir).stdout);
    expect(before.findings.warning + before.findings.info).toBe(0);
  });

  it('gives one array entry per plan for a directory', () => {
    const dir = tempTree({ 'plans/a.rollout.yaml': EXECUTION_PLAN, 'plans/b.rollout.yaml': EXECUTION_PLAN.replace('Fjord rollout', 'Other'), '.crm-rollout.yaml': CONFIG });
    const run = runCli(['status', 'plans', '--as-of', '2027-06-01', '--format', 'json'], dir);
    expect(reports(run.stdout).map((r) => [r.path, r.name])).toEqual([
      ['plans/a.rollout.yaml', 'Fjord rollout'],
      ['plans/b.rollout.yaml', 'Other'],
    ]);
  });
});

describe('crm-rollout status --baseline', () => {
  function repository(): string {
    const dir = tempTree({ 'fjord.rollout.yaml': EXECUTION_PLAN.replace('    actual: { start: 2027-05-05 }\n', ''), '.crm-rollout.yaml': CONFIG });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'baseline');
    git(dir, 'tag', 'v1.0');
    return dir;
  }

  it('compares with the plan at a git ref: a go-live moved later shows its variance and turns red', () => {
    const dir = repository();
    // The working copy moves Norway's go-live one week later than v1.0 planned it.
    fs.writeFileSync(path.join(dir, 'fjord.rollout.yaml'), EXECUTION_PLAN.replace('    actual: { start: 2027-05-05 }\n', '').replace('duration: 4w', 'duration: 5w'));
    const run = runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-05-03', '--baseline', 'v1.0', '--format', 'json'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [report] = reports(run.stdout);
    expect(report.baseline).toEqual({ kind: 'git-ref', source: 'v1.0:fjord.rollout.yaml' });
    expect(report.goLives[0]).toEqual({ wave: 1, name: 'Norway', phase: 'go-no', baseline: '2027-05-31', forecast: '2027-06-07', variance: 5 });
    expect(report.status.colour).toBe('red');
    expect(report.status.reasons[0]).toBe('the go-live of wave 1 (Norway) is forecast for 2027-06-07, 5 working days later than the baseline (2027-05-31)');
    // Against itself (no baseline) nothing has slipped.
    const [own] = reports(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-05-03', '--format', 'json'], dir).stdout);
    expect(own.goLives[0].variance).toBe(0);
  });

  it('heads the text go-live column "planned" without a baseline and "baseline" with one', () => {
    const dir = repository();
    const heading = (args: string[]): string | undefined => runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-05-03', ...args], dir).stdout.split('\n').find((line) => line.trimStart().startsWith('wave '));
    expect(heading([])?.split(/\s+/).filter(Boolean)).toEqual(['wave', 'planned', 'forecast', 'variance']);
    expect(heading(['--baseline', 'v1.0'])?.split(/\s+/).filter(Boolean)).toEqual(['wave', 'baseline', 'forecast', 'variance']);
  });

  it('reads imports at the same ref as the plan', () => {
    const dir = tempTree({
      'fjord.rollout.yaml': EXECUTION_PLAN.replace('    actual: { start: 2027-05-05 }\n', '').replace('calendar: { start: 2027-05-03 }', 'imports: [holidays.yaml]\ncalendar: { start: 2027-05-03 }'),
      'holidays.yaml': 'calendar: { holidays: [2027-05-13] }\n',
      '.crm-rollout.yaml': CONFIG,
    });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'with a holiday');
    // Today the holiday is gone: build ends a day sooner than at HEAD, where Thu 05-13 was off.
    fs.writeFileSync(path.join(dir, 'holidays.yaml'), 'calendar: { holidays: [] }\n');
    const [report] = reports(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-05-03', '--baseline', 'HEAD', '--format', 'json'], dir).stdout);
    expect(report.goLives[0]).toMatchObject({ baseline: '2027-06-01', forecast: '2027-05-31', variance: -1 });
  });

  it('prefers an existing file to a ref of the same name', () => {
    const dir = repository();
    fs.writeFileSync(path.join(dir, 'HEAD'), 'not a plan\n');
    fs.writeFileSync(path.join(dir, 'old.rollout.yaml'), EXECUTION_PLAN.replace('duration: 4w', 'duration: 3w'));
    const [report] = reports(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-05-03', '--baseline', 'old.rollout.yaml', '--format', 'json'], dir).stdout);
    expect(report.baseline).toEqual({ kind: 'file', source: 'old.rollout.yaml' });
    expect(report.goLives[0]).toMatchObject({ baseline: '2027-05-24', forecast: '2027-05-31', variance: 5 });
    expect(runCli(['status', 'fjord.rollout.yaml', '--baseline', 'HEAD'], dir)).toMatchObject({ code: 2, stderr: 'crm-rollout: --baseline "HEAD" is not a plan: plan files are named *.rollout.yaml or *.rollout.yml\n' });
  });

  it('exits 2 with a clear message for a ref that does not exist', () => {
    const dir = repository();
    const root = fs.realpathSync(dir);
    expect(runCli(['status', 'fjord.rollout.yaml', '--baseline', 'v9.9'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: `crm-rollout: --baseline "v9.9" is neither an existing file nor a git ref of the repository at "${root}"\n`,
    });
    const outside = tempTree({ 'fjord.rollout.yaml': EXECUTION_PLAN });
    expect(runCli(['status', 'fjord.rollout.yaml', '--baseline', 'v1.0'], outside)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: --baseline "v1.0" is neither an existing file nor a git ref: "fjord.rollout.yaml" is not inside a git repository\n',
    });
  });

  it('exits 2 with a clear message for a baseline file that is not a plan', () => {
    const dir = tempTree({ 'fjord.rollout.yaml': EXECUTION_PLAN, 'list.rollout.yaml': '- just\n- a list\n', 'broken.rollout.yaml': 'name: [unclosed\n', 'empty.rollout.yaml': 'plan: 1\nname: No phases\n' });
    expect(runCli(['status', 'fjord.rollout.yaml', '--baseline', 'list.rollout.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: --baseline "list.rollout.yaml" is not a plan: it is not a YAML mapping; name an earlier version of the plan\n',
    });
    expect(runCli(['status', 'fjord.rollout.yaml', '--baseline', 'broken.rollout.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: --baseline "broken.rollout.yaml" is not a plan: it does not parse; name an earlier version of the plan\n',
    });
    expect(runCli(['status', 'fjord.rollout.yaml', '--baseline', 'empty.rollout.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: --baseline "empty.rollout.yaml" is not a plan: it has no phases; name an earlier version of the plan\n',
    });
  });

  it('refuses a baseline file for several plans', () => {
    const dir = tempTree({ 'a.rollout.yaml': EXECUTION_PLAN, 'b.rollout.yaml': EXECUTION_PLAN });
    expect(runCli(['status', 'a.rollout.yaml', 'b.rollout.yaml', '--baseline', 'a.rollout.yaml'], dir)).toMatchObject({ code: 2 });
  });
});

describe('crm-rollout status: invocation and bad input', () => {
  it('says the report date in the first line: --as-of, else today', () => {
    const dir = tempTree({ 'fjord.rollout.yaml': EXECUTION_PLAN, '.crm-rollout.yaml': CONFIG });
    expect(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01'], dir).stdout.split('\n')[0]).toBe('Status report as of 2027-06-01 (the --as-of date)');
    expect(runCli(['status', 'fjord.rollout.yaml'], dir).stdout.split('\n')[0]).toMatch(/^Status report as of \d{4}-\d{2}-\d{2} \(today\)$/);
  });

  it('exits 1 with --fail-on when a plan is that colour or worse, 0 otherwise', () => {
    const dir = tempTree({ 'fjord.rollout.yaml': EXECUTION_PLAN, '.crm-rollout.yaml': CONFIG });
    expect(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01', '--fail-on', 'red'], dir)).toMatchObject({ code: 1, stderr: 'crm-rollout: "fjord.rollout.yaml" is red (--fail-on red)\n' });
    expect(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01', '--fail-on', 'amber'], dir).code).toBe(1);
    // Before anything started, the plan (without its actual dates) is green.
    fs.writeFileSync(path.join(dir, 'fjord.rollout.yaml'), EXECUTION_PLAN.replace('    actual: { start: 2027-05-05 }\n', ''));
    expect(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-04-30', '--fail-on', 'amber'], dir)).toMatchObject({ code: 0, stderr: '' });
    expect(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01'], dir).code).toBe(0);
  });

  it.each([
    [['status'], 'crm-rollout: name at least one plan file, directory or glob, for example: crm-rollout status plans/\n'],
    [['status', 'missing.rollout.yaml'], 'crm-rollout: "missing.rollout.yaml" does not exist; name a plan file, a directory of plans or a glob\n'],
    [['status', 'fjord.rollout.yaml', '--format', 'pdf'], 'crm-rollout: unknown format "pdf"; use one of text, markdown, html, json\n'],
    [['status', 'fjord.rollout.yaml', '--horizon', 'soon'], 'crm-rollout: --horizon "soon" is not a duration; write working days or weeks such as 10d or 2w\n'],
    [['status', 'fjord.rollout.yaml', '--fail-on', 'green'], 'crm-rollout: unknown --fail-on colour "green"; use red or amber\n'],
    [['status', 'fjord.rollout.yaml', '--as-of', '2027-13-01'], 'crm-rollout: --as-of "2027-13-01" is not a date; write it as YYYY-MM-DD\n'],
  ])('exits 2 for %j', (argv, stderr) => {
    const dir = tempTree({ 'fjord.rollout.yaml': EXECUTION_PLAN });
    expect(runCli(argv, dir)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('reports, never crashes, on actual.end before actual.start and a done date after --as-of', () => {
    const odd = EXECUTION_PLAN.replace('actual: { start: 2027-05-05 }', 'actual: { start: 2027-05-05, end: 2027-05-04 }').replace('done: 2027-05-13', 'done: 2027-07-01');
    const dir = tempTree({ 'fjord.rollout.yaml': odd });
    const run = runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01', '--format', 'json'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [report] = reports(run.stdout);
    expect(report.phases[0]).toMatchObject({ id: 'build', state: 'done', forecast: { start: '2027-05-05', end: '2027-05-04' } });
  });

  it('reports a plan that does not parse as red with its errors', () => {
    const dir = tempTree({ 'broken.rollout.yaml': 'plan: 1\nname: [unclosed\n' });
    const run = runCli(['status', 'broken.rollout.yaml', '--as-of', '2027-06-01', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    const [report] = reports(run.stdout);
    expect(report.status.colour).toBe('red');
    expect(report.findings.errors[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 3 });
  });

  it('writes --output atomically, the format chosen by its extension', () => {
    const dir = tempTree({ 'fjord.rollout.yaml': EXECUTION_PLAN, '.crm-rollout.yaml': CONFIG });
    expect(runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01', '--output', 'status.html'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(path.join(dir, 'status.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01', '--output', 'status.md'], dir);
    expect(fs.readFileSync(path.join(dir, 'status.md'), 'utf8')).toMatch(/^# Status report as of 2027-06-01/);
  });
});

describe('crm-rollout status --format markdown', () => {
  const HOSTILE = EXECUTION_PLAN.replace('name: Fjord rollout', 'name: "<img src=x onerror=alert(1)> @octocat"').replace('task: Configure pipelines', 'task: "<script>alert(1)</script> | [link](javascript:x)"');

  function tokens(markdown: string): Token[] {
    const all: Token[] = [];
    marked.walkTokens(marked.lexer(markdown), (token) => void all.push(token));
    return all;
  }

  it('renders as GitHub Markdown with headings and tables and no raw HTML from plan strings', () => {
    const dir = tempTree({ 'fjord.rollout.yaml': HOSTILE, '.crm-rollout.yaml': CONFIG });
    const { stdout, code } = runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01', '--format', 'markdown'], dir);
    expect(code).toBe(0);
    const all = tokens(stdout);
    expect(all.filter((t) => t.type === 'html')).toEqual([]);
    expect(all.filter((t) => t.type === 'link')).toEqual([]);
    expect(all.filter((t) => t.type === 'heading').map((t) => (t as Token & { text: string }).text)).toContain('Go-lives');
    expect(all.filter((t) => t.type === 'table')).toHaveLength(3);
    const html = marked.parse(stdout, { async: false });
    expect(html).not.toMatch(/<img|<script/);
    expect(stdout).not.toMatch(/@octocat/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
