import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';

/**
 * With an as-of date the rules judge the forecast schedule (plan-format.md, "Scheduling,
 * precisely"); without one, the plan as written. 2027-03-01 is a Monday.
 * design: planned Mon 03-01 .. Fri 03-12 (2w); it started on time and has not finished, so on
 * Mon 03-22 the forecast has it running late, ending on the as-of date.
 * build: a fixed start on Mon 03-15, after design: fine as planned, too early in the forecast.
 */
const PATH = '/repo/forecast.rollout.yaml';
const PLAN = `plan: 1
name: Forecast judged
calendar: { start: 2027-03-01 }
phases:
  - id: design
    name: Design
    kind: design
    duration: 2w
    actual: { start: 2027-03-01 }
  - id: build
    name: Build
    kind: configuration
    after: [design]
    start: 2027-03-15
    duration: 1w
`;

function dateOrder(asOf?: string): string[] {
  const result = lintText(PATH, PLAN, { fs: new MemoryFileSystem({ [PATH]: PLAN }), asOf });
  return result.findings.filter((f) => f.ruleId === 'date-order').map((f) => `${f.range.start.line}: ${f.message}`);
}

describe('lint with an as-of date', () => {
  it('judges the plan as written when there is no as-of date', () => {
    expect(dateOrder()).toEqual([]);
  });

  it('judges the forecast: a prerequisite running late makes a fixed start too early', () => {
    const findings = dateOrder('2027-03-22');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^13: /);
    expect(findings[0]).toContain('2027-03-15');
  });

  it('keeps the planned schedule as the result, for the editor features that edit the plan as written', () => {
    const result = lintText(PATH, PLAN, { fs: new MemoryFileSystem({ [PATH]: PLAN }), asOf: '2027-03-22' });
    const windows = result.schedule?.windows ?? [];
    const end = (id: string) => windows.find((w) => w.phase.id === id)?.end;
    const start = (id: string) => windows.find((w) => w.phase.id === id)?.start;
    // Planned: design ends Fri 03-12, the Friday before build's Monday start.
    expect([end('design'), start('build')].map((d) => (d === undefined ? d : d - (start('build') ?? 0)))).toEqual([-3, 0]);
  });
});
