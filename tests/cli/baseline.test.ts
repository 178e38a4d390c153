import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyRulesConfig, runCli, tempTree } from '../helpers/cli';
import { serializeBaseline } from '../../server/src/cli/baseline';
import { UsageError } from '../../server/src/cli/args';

const CONFIG = onlyRulesConfig(['known-tags', 'known-references']);

const PLAN = `plan: 1
name: Pilot
people:
  - { id: priya, name: Priya }
phases:
  - id: discovery
    name: Discovery
    kind: planning
    owner: priay
    checklist:
      - { task: Back up, tags: [bakup] }
      - { task: Interview, tags: [stakholders] }
`;

interface JsonReport {
  summary: { baselined: number };
  findings: { rule: string; message: string; line: number }[];
}

const lint = (dir: string, ...args: string[]) => runCli(['lint', '--format', 'json', ...args], dir);
const findings = (dir: string, ...args: string[]) => (JSON.parse(lint(dir, ...args).stdout) as JsonReport).findings;

describe('crm-rollout lint --baseline', () => {
  it('--update-baseline writes every current finding as sorted JSON with a version, then reports none of them', () => {
    const dir = tempTree({ '.crm-rollout.yaml': CONFIG, 'plans/a.rollout.yaml': PLAN });
    const run = runCli(['lint', '--baseline', 'ci/baseline.json', '--update-baseline', 'plans'], dir);
    expect(run.stderr).toBe('wrote ci/baseline.json with 3 findings\n');
    expect(run.stdout).toBe('✔ 1 file checked, no problems; 3 in the baseline\n');
    expect(run.code).toBe(0);
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'ci/baseline.json'), 'utf8'));
    expect(baseline).toEqual({
      version: 1,
      tool: 'crm-rollout',
      findings: [
        { file: '../plans/a.rollout.yaml', rule: 'known-references', message: 'owner "priay" is not a declared person or team; did you mean "priya"?', count: 1 },
        { file: '../plans/a.rollout.yaml', rule: 'known-tags', idPath: 'phases/discovery/checklist/0', count: 1 },
        { file: '../plans/a.rollout.yaml', rule: 'known-tags', idPath: 'phases/discovery/checklist/1', count: 1 },
      ],
    });
  });

  it('writes the same bytes when nothing changed', () => {
    const dir = tempTree({ '.crm-rollout.yaml': CONFIG, 'a.rollout.yaml': PLAN });
    runCli(['lint', '--baseline', 'b.json', '--update-baseline', 'a.rollout.yaml'], dir);
    const first = fs.readFileSync(path.join(dir, 'b.json'), 'utf8');
    runCli(['lint', '--baseline', 'b.json', '--update-baseline', 'a.rollout.yaml'], dir);
    expect(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe(first);
  });

  it('reports only findings that are not in the baseline', () => {
    const dir = tempTree({ '.crm-rollout.yaml': CONFIG, 'a.rollout.yaml': PLAN });
    runCli(['lint', '--baseline', 'b.json', '--update-baseline', 'a.rollout.yaml'], dir);
    fs.appendFileSync(path.join(dir, 'a.rollout.yaml'), '      - { task: Train, tags: [traning] }\n');
    const run = lint(dir, '--baseline', 'b.json', 'a.rollout.yaml');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((f) => f.message)).toEqual(['tag "traning" is not a known checklist tag, so no rule will recognise this item; did you mean "training"?']);
    expect(report.summary.baselined).toBe(3);
    expect(run.code).toBe(0);
  });

  it('still holds after unrelated edits move every finding to other lines', () => {
    const dir = tempTree({ '.crm-rollout.yaml': CONFIG, 'a.rollout.yaml': PLAN });
    runCli(['lint', '--baseline', 'b.json', '--update-baseline', 'a.rollout.yaml'], dir);
    const before = findings(dir, 'a.rollout.yaml').map((f) => f.line);
    fs.writeFileSync(path.join(dir, 'a.rollout.yaml'), PLAN.replace('name: Pilot\n', 'name: Pilot\n# the pilot for region A\n\ncalendar: { start: 2027-01-11 }\n'));
    expect(findings(dir, 'a.rollout.yaml').map((f) => f.line)).toEqual(before.map((l) => l + 3));
    expect(findings(dir, '--baseline', 'b.json', 'a.rollout.yaml')).toEqual([]);
  });

  it('counts findings per key, so a second identical finding is still reported', () => {
    const dir = tempTree({ '.crm-rollout.yaml': CONFIG, 'a.rollout.yaml': PLAN });
    runCli(['lint', '--baseline', 'b.json', '--update-baseline', 'a.rollout.yaml'], dir);
    fs.writeFileSync(path.join(dir, 'a.rollout.yaml'), PLAN.replace('tags: [bakup]', 'tags: [bakup, bakup]'));
    const left = findings(dir, '--baseline', 'b.json', 'a.rollout.yaml');
    expect(left.map((f) => f.message)).toEqual(['tag "bakup" is not a known checklist tag, so no rule will recognise this item; did you mean "backup"?']);
  });

  it('says when baselined findings no longer occur', () => {
    const dir = tempTree({ '.crm-rollout.yaml': CONFIG, 'a.rollout.yaml': PLAN });
    runCli(['lint', '--baseline', 'b.json', '--update-baseline', 'a.rollout.yaml'], dir);
    fs.writeFileSync(path.join(dir, 'a.rollout.yaml'), PLAN.replace('[bakup]', '[backup]'));
    const run = runCli(['lint', '--baseline', 'b.json', 'a.rollout.yaml'], dir);
    expect(run.stderr).toBe('1 baselined finding no longer occurs; run with --update-baseline to drop it from b.json\n');
  });

  it('keeps the entries of files not linted when updating', () => {
    const dir = tempTree({ '.crm-rollout.yaml': CONFIG, 'a.rollout.yaml': PLAN, 'b.rollout.yaml': PLAN });
    runCli(['lint', '--baseline', 'base.json', '--update-baseline', '.'], dir);
    fs.writeFileSync(path.join(dir, 'a.rollout.yaml'), PLAN.replace('[bakup]', '[backup]'));
    runCli(['lint', '--baseline', 'base.json', '--update-baseline', 'a.rollout.yaml'], dir);
    const entries = JSON.parse(fs.readFileSync(path.join(dir, 'base.json'), 'utf8')).findings as { file: string }[];
    expect(entries.filter((e) => e.file === 'a.rollout.yaml')).toHaveLength(2);
    expect(entries.filter((e) => e.file === 'b.rollout.yaml')).toHaveLength(3);
  });

  it('replaces a malformed baseline when updating it', () => {
    const dir = tempTree({ '.crm-rollout.yaml': CONFIG, 'a.rollout.yaml': PLAN, 'b.json': '{ "version": 1, ' });
    const run = runCli(['lint', '--baseline', 'b.json', '--update-baseline', 'a.rollout.yaml'], dir);
    expect(run).toMatchObject({ code: 0, stderr: 'wrote b.json with 3 findings\n' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).findings).toHaveLength(3);
  });

  it('rejects a missing or malformed baseline, and --update-baseline without --baseline, with exit 2', () => {
    const dir = tempTree({ 'a.rollout.yaml': PLAN, 'bad.json': '{ "version": 1, ', 'other.json': '{"version": 2, "findings": []}' });
    expect(runCli(['lint', '--baseline', 'none.json', 'a.rollout.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: baseline "none.json" cannot be read; create it with --update-baseline\n',
    });
    expect(runCli(['lint', '--baseline', 'bad.json', 'a.rollout.yaml'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^crm-rollout: baseline "bad.json" is not valid JSON/) });
    expect(runCli(['lint', '--baseline', 'other.json', 'a.rollout.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: baseline "other.json" is not a crm-rollout baseline (version 1); regenerate it with --update-baseline\n',
    });
    expect(runCli(['lint', '--update-baseline', 'a.rollout.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: 'crm-rollout: --update-baseline needs --baseline <file> to name the file it writes\n',
    });
  });
});

describe('serializeBaseline', () => {
  const entries = Array.from({ length: 400 }, (_, i) => ({ file: 'plan.rollout.yaml', rule: 'schema', message: `finding ${i}`, count: 2 }));

  it('writes the whole baseline when it is within the size a run may read back', () => {
    const text = [...serializeBaseline({ version: 1, entries })].join('');
    expect(JSON.parse(text).findings).toHaveLength(400);
  });

  it('refuses, as a usage error naming the limit and the count, a baseline larger than a run may read back', () => {
    const tooSmall = 4 * 1024;
    expect(() => [...serializeBaseline({ version: 1, entries }, tooSmall)]).toThrow(UsageError);
    expect(() => [...serializeBaseline({ version: 1, entries }, tooSmall)]).toThrow(
      'a baseline of these 800 findings would be larger than the 0.00390625 MiB a baseline may be, so no run could read it back; fix, waive or turn off the most frequent findings first, then update the baseline',
    );
  });
});
