import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli, tempTree } from '../helpers/cli';

const PLAN = `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: discovery, name: Discovery, kind: planning, duration: 1w }
  - { id: build, name: Build, kind: configuration, after: [discovery], duration: 2w,
      milestones: [{ id: ready, name: Ready, gate: true }] }
`;

describe('crm-rollout timeline', () => {
  it('prints a Mermaid gantt to stdout by default and exits 0', () => {
    const dir = tempTree({ 'a.rollout.yaml': PLAN });
    const run = runCli(['timeline', '--as-of', '2027-01-11', 'a.rollout.yaml'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['gantt', '    title Pilot']);
    expect(run.stdout).toContain('    Build :crit, p_build, 2027-01-18, 2027-01-30\n');
  });

  it('writes --output and takes the format from its extension', () => {
    const dir = tempTree({ 'a.rollout.yaml': PLAN });
    for (const [file, start] of [['t.svg', '<svg '], ['t.html', '<!DOCTYPE html>'], ['t.csv', 'type,id,name'], ['t.json', '{\n  "path": "a.rollout.yaml"'], ['t.mmd', 'gantt\n']]) {
      const run = runCli(['timeline', '--as-of', '2027-01-11', '--output', file, 'a.rollout.yaml'], dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(fs.readFileSync(path.join(dir, file), 'utf8').startsWith(start)).toBe(true);
    }
  });

  it('uses --format over the extension, and --theme dark for svg', () => {
    const dir = tempTree({ 'a.rollout.yaml': PLAN });
    const run = runCli(['timeline', '--format', 'svg', '--theme', 'dark', '--output', 'chart.txt', 'a.rollout.yaml'], dir);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'chart.txt'), 'utf8')).toContain('class="crm-timeline theme-dark"');
  });

  it('draws the as-of line at --as-of, and today (the local date) without it', () => {
    const dir = tempTree({ 'a.rollout.yaml': PLAN });
    expect(runCli(['timeline', '--format', 'svg', '--as-of', '2027-01-13', 'a.rollout.yaml'], dir).stdout).toContain('>as of 2027-01-13</text>');
    // The clock is injected: a second before local midnight is still that day.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(2027, 0, 14, 23, 59, 59));
      expect(runCli(['timeline', '--format', 'json', 'a.rollout.yaml'], dir).stdout).toContain('"asOf": "2027-01-14"');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a plan with YAML errors: exit 1 with the syntax findings on stderr and nothing on stdout', () => {
    const dir = tempTree({ 'a.rollout.yaml': 'plan: 1\nname: [unclosed\n' });
    const run = runCli(['timeline', 'a.rollout.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^a\.rollout\.yaml\n {2}a\.rollout\.yaml:\d+:\d+ {2}error {4}.+ {2}\[yaml-syntax\]\n/);
    expect(run.stderr).toContain('crm-rollout: "a.rollout.yaml" cannot be read as a plan; fix the errors above first\n');
  });

  it('exports a plan with schema errors but notes them on stderr', () => {
    const dir = tempTree({ 'a.rollout.yaml': PLAN.replace('name: Pilot', 'name: Pilot\nbogus: 1') });
    const run = runCli(['timeline', 'a.rollout.yaml'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gantt');
    expect(run.stderr).toMatch(/^crm-rollout: note: "a\.rollout\.yaml" has \d+ errors?; run crm-rollout lint a\.rollout\.yaml to see them\n$/);
    expect(runCli(['lint', 'a.rollout.yaml'], dir).stdout).toContain('error    "bogus" is not a plan field');
  });

  it('rejects bad invocations with exit 2 and a message that says what to do', () => {
    const dir = tempTree({ 'a.rollout.yaml': PLAN, 'people.yaml': 'people: []\n' });
    const cases: [string[], string][] = [
      [['timeline'], 'crm-rollout: name the plan to export, for example: crm-rollout timeline plan.rollout.yaml\n'],
      [['timeline', 'a.rollout.yaml', 'a.rollout.yaml'], 'crm-rollout: timeline exports one plan at a time, not 2\n'],
      [['timeline', 'people.yaml'], 'crm-rollout: "people.yaml" is not a plan: plan files are named *.rollout.yaml or *.rollout.yml\n'],
      [['timeline', 'missing.rollout.yaml'], `crm-rollout: "${path.join(dir, 'missing.rollout.yaml')}" does not exist\n`],
      [['timeline', '--format', 'png', 'a.rollout.yaml'], 'crm-rollout: unknown format "png"; use one of mermaid, svg, html, json, csv\n'],
      [['timeline', '--output', 'a.txt', 'a.rollout.yaml'], 'crm-rollout: cannot tell the format from "a.txt"; add --format mermaid|svg|html|json|csv\n'],
      [['timeline', '--theme', 'dark', 'a.rollout.yaml'], 'crm-rollout: --theme applies to the svg and html formats, not mermaid\n'],
      [['timeline', '--format', 'svg', '--theme', 'blue', 'a.rollout.yaml'], 'crm-rollout: unknown theme "blue"; use light or dark\n'],
      [['timeline', '--as-of', 'tomorrow', 'a.rollout.yaml'], 'crm-rollout: --as-of "tomorrow" is not a date; write it as YYYY-MM-DD\n'],
      [['timeline', '--output', 'no/such/dir/t.svg', 'a.rollout.yaml'], 'crm-rollout: cannot write "no/such/dir/t.svg" (ENOENT)\n'],
    ];
    for (const [argv, message] of cases) {
      const run = runCli(argv, dir);
      expect({ argv, code: run.code, stderr: run.stderr }).toEqual({ argv, code: 2, stderr: message });
    }
  });

  it('prints its help with --help', () => {
    const run = runCli(['timeline', '--help'], tempTree({}));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: crm-rollout timeline \[options\] <plan\.rollout\.yaml>/);
  });
});
