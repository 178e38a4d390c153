import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kebabName } from '../../server/src/templates/naming';
import { isoFromDay } from '../../server/src/engine/calendar';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { runCli, tempTree } from '../helpers/cli';

const SIZES = ['small', 'mid', 'enterprise'] as const;
/** What init wrote before the templates stopped using the yaml library, kept byte for byte. */
const GOLDEN = path.join(__dirname, 'golden', 'init');
/** A Monday, a Friday before Christmas that runs across the year end, a leap day, and a New Year's Eve. */
const STARTS = ['2027-01-11', '2027-12-24', '2028-02-29', '2026-12-31'];

function generate(size: string, start: string) {
  const dir = tempTree({});
  const run = runCli(['init', '--size', size, '--name', 'Acme CRM rollout', '--start', start, '--dir', 'plans'], dir);
  const planPath = path.join(dir, 'plans', 'acme-crm-rollout.rollout.yaml');
  const configPath = path.join(dir, 'plans', '.crm-rollout.yaml');
  return { dir, run, planPath, configPath };
}

describe('crm-rollout init', () => {
  for (const size of SIZES) {
    for (const start of STARTS) {
      it(`writes a ${size} plan starting ${start} that lints clean under recommended`, () => {
        const { run, planPath, configPath } = generate(size, start);
        expect(run.code).toBe(0);
        const text = fs.readFileSync(planPath, 'utf8');
        const config = fs.readFileSync(configPath, 'utf8');
        const result = lintText(planPath, text, { fs: new MemoryFileSystem({ [configPath]: config }) });
        expect(result.configFindings).toEqual([]);
        expect(result.findings.map((f) => `${f.range.start.line + 1}: ${f.message} [${f.ruleId}]`)).toEqual([]);
        expect(result.plan?.organization?.size?.value).toBe(size);
        expect(result.plan?.calendar.start?.value).toBe(start);
      });
    }
  }

  it('writes plans that also lint clean under the all preset', () => {
    for (const size of SIZES) {
      const { planPath } = generate(size, '2027-06-30');
      const files = new MemoryFileSystem({ [path.join(path.dirname(planPath), '.crm-rollout.yaml')]: 'extends: all\n' });
      const result = lintText(planPath, fs.readFileSync(planPath, 'utf8'), { fs: files });
      expect(result.findings.map((f) => `${size} ${f.range.start.line + 1}: ${f.message} [${f.ruleId}]`)).toEqual([]);
    }
  });

  it('dates each go/no-go gate on the first day of its go-live, as the schedule places it', () => {
    for (const size of SIZES) {
      const { planPath } = generate(size, '2027-12-24');
      const result = lintText(planPath, fs.readFileSync(planPath, 'utf8'), { fs: new MemoryFileSystem({}) });
      const goLives = result.plan!.phases.filter((p) => p.phaseKind?.value === 'go-live');
      expect(goLives.length).toBe(size === 'enterprise' ? 2 : 1);
      for (const goLive of goLives) {
        const gate = goLive.milestones.find((m) => m.gate)!;
        expect(gate.date?.value).toBe(isoFromDay(result.schedule!.windowOf(goLive)!.start));
      }
    }
  });

  it('also passes crm-rollout lint on the written files, with exit 0', () => {
    const { dir } = generate('mid', '2027-03-01');
    expect(runCli(['lint', 'plans'], dir)).toEqual({ code: 0, stdout: '✔ 1 file checked, no problems\n', stderr: '' });
  });

  it('moves a start on a weekend to the next Monday and says so', () => {
    const { run, planPath } = generate('small', '2027-01-09');
    expect(run.stdout).toContain('created plans/acme-crm-rollout.rollout.yaml: a small plan starting 2027-01-11 (moved from 2027-01-09, not a working day)\n');
    expect(fs.readFileSync(planPath, 'utf8')).toContain('calendar: { start: 2027-01-11 }');
  });

  it('reports what it wrote and what to do next', () => {
    const { run } = generate('mid', '2027-01-11');
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'created plans/acme-crm-rollout.rollout.yaml: a mid plan starting 2027-01-11\n' +
        'created plans/.crm-rollout.yaml: extends the recommended rules\n' +
        'next: replace the example people and texts, then run crm-rollout lint plans/acme-crm-rollout.rollout.yaml\n',
    });
  });

  it('refuses to overwrite an existing plan without --force (exit 2, nothing written) and overwrites with it', () => {
    const dir = tempTree({ 'acme.rollout.yaml': '# mine\n' });
    const run = runCli(['init', '--name', 'Acme', '--start', '2027-01-11'], dir);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'crm-rollout: "acme.rollout.yaml" already exists; choose another --name or --dir, or pass --force to overwrite it\n' });
    expect(fs.readFileSync(path.join(dir, 'acme.rollout.yaml'), 'utf8')).toBe('# mine\n');
    expect(fs.existsSync(path.join(dir, '.crm-rollout.yaml'))).toBe(false);
    expect(runCli(['init', '--name', 'Acme', '--start', '2027-01-11', '--force'], dir).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'acme.rollout.yaml'), 'utf8')).toMatch(/^# A mid-size CRM rollout/);
  });

  it('keeps an existing configuration unless --force is given', () => {
    const dir = tempTree({ '.crm-rollout.yaml': 'extends: strict\n' });
    const run = runCli(['init', '--name', 'Acme', '--start', '2027-01-11'], dir);
    expect(run.stdout).toContain('kept .crm-rollout.yaml: the existing configuration applies\n');
    expect(fs.readFileSync(path.join(dir, '.crm-rollout.yaml'), 'utf8')).toBe('extends: strict\n');
    runCli(['init', '--name', 'Acme', '--start', '2027-01-11', '--force'], dir);
    expect(fs.readFileSync(path.join(dir, '.crm-rollout.yaml'), 'utf8')).toMatch(/^# crm-rollout configuration/m);
  });

  it('writes the name as given and the file name in kebab case', () => {
    const dir = tempTree({});
    runCli(['init', '--name', 'Ça va: "Ünïcode" CRM #1', '--start', '2027-01-11'], dir);
    const text = fs.readFileSync(path.join(dir, 'ca-va-unicode-crm-1.rollout.yaml'), 'utf8');
    expect(text).toContain('name: \'Ça va: "Ünïcode" CRM #1\'\n');
    expect(kebabName('  --  ')).toBe('crm-rollout');
  });

  it('rejects an unknown size, a bad date and file arguments with exit 2', () => {
    const dir = tempTree({});
    expect(runCli(['init', '--size', 'huge'], dir)).toMatchObject({ code: 2, stderr: 'crm-rollout: --size "huge" is not a size; use one of small, mid, enterprise\n' });
    expect(runCli(['init', '--start', '2027-13-01'], dir)).toMatchObject({ code: 2, stderr: 'crm-rollout: --start "2027-13-01" is not a date; write it as YYYY-MM-DD\n' });
    expect(runCli(['init', 'plan.yaml'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^crm-rollout: init takes no file names/) });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each(SIZES)('writes the %s plan and its configuration byte for byte as before (golden files)', (size) => {
    const { run, planPath, configPath } = generate(size, '2027-01-11');
    expect(run.code).toBe(0);
    expect(fs.readFileSync(planPath, 'utf8')).toBe(fs.readFileSync(path.join(GOLDEN, `${size}.rollout.yaml`), 'utf8'));
    expect(fs.readFileSync(configPath, 'utf8')).toBe(fs.readFileSync(path.join(GOLDEN, 'config.yaml'), 'utf8'));
  });

  it('quotes a name holding YAML punctuation as before, and moves a Saturday start (golden file)', () => {
    const dir = tempTree({});
    const run = runCli(['init', '--size', 'small', '--name', 'Acme, Inc. "CRM" rollout: phase #2', '--start', '2027-12-25', '--dir', 'plans'], dir);
    expect(run.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'plans', 'acme-inc-crm-rollout-phase-2.rollout.yaml'), 'utf8');
    expect(text).toBe(fs.readFileSync(path.join(GOLDEN, 'small-quoted-name.rollout.yaml'), 'utf8'));
  });
});
