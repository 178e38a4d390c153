import { describe, expect, it } from 'vitest';
import { lintText } from '../../server/src/engine/lint';
import { buildStatus, type StatusOptions, type StatusReport } from '../../server/src/engine/status';
import { OverlayFileSystem } from '../../server/src/engine/fileSystem';
import { NodeFileSystem } from '../../server/src/platform/nodeFileSystem';

/**
 * The status report's verdict, one plan made for each rule (docs/status.md, "The verdict"),
 * and its late-work and coming-up lists. No best-practice rule runs (only the pipeline's
 * core checks), so the lint-error rule is the only way findings reach the verdict here.
 * Mon-Fri calendars; 2027-03-01 is a Monday.
 */

function statusOf(text: string, asOf: string, options: Partial<StatusOptions> = {}): StatusReport {
  const fs = new OverlayFileSystem(new NodeFileSystem());
  const result = lintText('/virtual/test.rollout.yaml', text, { fs, asOf, only: { rules: [], settings: new Map() } });
  return buildStatus(result, 'test.rollout.yaml', { asOf, horizon: 10, ...options });
}

const RUNNING_BUILD = `plan: 1
name: Running
calendar: { start: 2027-03-01 }
phases:
  - id: build
    name: Build
    kind: configuration
    duration: 4w
    owner: tom
    actual: { start: 2027-03-01 }
    checklist:
      - { id: configure, task: Configure pipelines, due: 2027-03-03 }
  - { id: go, name: Go, kind: go-live, after: [build], duration: 1d }
`;

describe('status verdict', () => {
  it('is green when nothing is late, every go-live holds and nothing runs', () => {
    // build ran Mon 03-01 .. Fri 03-12 as planned; as of Fri 03-12 the go-live (Mon 03-15) has not started.
    const report = statusOf(
      `plan: 1
name: Green
calendar: { start: 2027-03-01 }
phases:
  - id: build
    name: Build
    kind: configuration
    duration: 2w
    actual: { start: 2027-03-01, end: 2027-03-12 }
    checklist:
      - { task: Configure, due: 2027-03-05, done: 2027-03-04 }
  - { id: go, name: Go, kind: go-live, after: [build], duration: 1d }
`,
      '2027-03-12',
    );
    expect(report.status).toEqual({
      colour: 'green',
      reasons: [],
      reason: 'Green: every go-live is on or ahead of planned, no gate is overdue, nothing critical is late and no running phase has less float than the horizon.',
    });
    expect(report.goLives).toEqual([{ phase: 'go', baseline: '2027-03-15', forecast: '2027-03-15', variance: 0 }]);
    expect(report.progress).toMatchObject({ done: 1, total: 1, percent: 100, phases: { done: 1, running: 0, late: 0, 'not-started': 1 } });
  });

  it('is red when a go-live is forecast later than planned, with the variance in working days', () => {
    // build (2w) was planned Mon 03-01 .. Fri 03-12 and started Wed 03-03: it ends Tue 03-16, so the
    // go-live moves from Mon 03-15 to Wed 03-17, two working days later.
    const report = statusOf(
      `plan: 1
name: Slipped
calendar: { start: 2027-03-01 }
phases:
  - { id: build, name: Build, kind: configuration, duration: 2w, actual: { start: 2027-03-03 } }
  - { id: go, name: Go, kind: go-live, after: [build], duration: 1d }
`,
      '2027-03-04',
      { horizon: 0 },
    );
    expect(report.goLives).toEqual([{ phase: 'go', baseline: '2027-03-15', forecast: '2027-03-17', variance: 2 }]);
    expect(report.status.colour).toBe('red');
    expect(report.status.reason).toBe('Red: the go-live is forecast for 2027-03-17, 2 working days later than planned (2027-03-15).');
  });

  it('is red when a gate milestone is overdue', () => {
    const report = statusOf(
      `plan: 1
name: Gate
calendar: { start: 2027-03-01 }
phases:
  - id: design
    name: Design
    kind: configuration
    duration: 2w
    milestones:
      - { id: design-approved, name: Design approved, date: 2027-03-05, gate: true }
  - { id: go, name: Go, kind: go-live, after: [design], duration: 1d }
`,
      '2027-03-08',
    );
    expect(report.status.colour).toBe('red');
    expect(report.status.reasons[0]).toBe('gate "design-approved" of critical phase "design" was due 2027-03-05 and is not achieved');
  });

  it('is red when the plan has lint errors', () => {
    const report = statusOf('plan: 1\nname: Broken\nphases:\n  - { id: a, name: A, start: 2027-03-01, duration: 1w, kind: nonsense }\n', '2027-03-01');
    expect(report.findings.error).toBeGreaterThan(0);
    expect(report.findings.errors[0]).toMatchObject({ ruleId: 'schema', line: 4 });
    expect(report.status).toMatchObject({ colour: 'red', reasons: [`the plan has ${report.findings.error === 1 ? '1 lint error' : `${report.findings.error} lint errors`}`] });
  });

  it('is red, not a crash, for a plan that does not parse', () => {
    const report = statusOf('plan: 1\nname: [unclosed\n', '2027-03-01');
    expect(report.status.colour).toBe('red');
    expect(report.phases).toEqual([]);
  });

  it('is amber when an item of a critical phase is overdue', () => {
    // configure was due Wed 03-03; as of Mon 03-08 it is late by Thu, Fri, Mon: 3 working days.
    const report = statusOf(RUNNING_BUILD, '2027-03-08', { horizon: 0 });
    expect(report.status).toEqual({
      colour: 'amber',
      reasons: ['checklist item "configure" of critical phase "build" is 3 working days late'],
      reason: 'Amber: checklist item "configure" of critical phase "build" is 3 working days late.',
    });
    expect(report.late).toEqual([{ kind: 'item', id: 'configure', title: 'Configure pipelines', phase: 'build', owner: 'tom', due: '2027-03-03', gate: false, critical: true, daysLate: 3 }]);
  });

  it('is amber when a phase in progress has less float than the horizon, and green with a shorter horizon', () => {
    const text = RUNNING_BUILD.replace('due: 2027-03-03', 'due: 2027-03-20');
    expect(statusOf(text, '2027-03-02', { horizon: 10 }).status.reasons).toEqual(['phase "build" is in progress with 0 working days of float, less than the 10-day horizon']);
    expect(statusOf(text, '2027-03-02', { horizon: 0 }).status.colour).toBe('green');
  });
});

describe('status lists', () => {
  // build (3w, critical) runs Mon 03-01 .. Fri 03-19; docs (1w) runs beside it with 10 days of float.
  const text = `plan: 1
name: Lists
calendar: { start: 2027-03-01 }
phases:
  - id: build
    name: Build
    kind: configuration
    duration: 3w
    owner: tom
    actual: { start: 2027-03-01 }
    checklist:
      - { task: Late by two, due: 2027-03-08 }
      - { task: Due soon, due: 2027-03-12 }
      - { task: Beyond the horizon, due: 2027-03-15 }
  - id: docs
    name: Docs
    kind: configuration
    duration: 1w
    owner: ann
    actual: { start: 2027-03-01 }
    checklist:
      - { task: Late by four, due: 2027-03-04, owner: bob }
      - { task: Done late, due: 2027-03-03, done: 2027-03-09 }
    milestones:
      - { id: docs-reviewed, name: Docs reviewed, date: 2027-03-11 }
  - { id: go, name: Go, kind: go-live, after: [build, docs], duration: 1d }
`;

  it('orders late work critical first, then by days late, each with owner and phase', () => {
    const report = statusOf(text, '2027-03-10', { horizon: 2 });
    expect(report.late.map((w) => [w.title, w.phase, w.owner, w.critical, w.daysLate])).toEqual([
      ['Late by two', 'build', 'tom', true, 2],
      ['Late by four', 'docs', 'bob', false, 4],
    ]);
  });

  it('lists open items and milestones due within the horizon, by date', () => {
    const report = statusOf(text, '2027-03-10', { horizon: 2 });
    expect(report.comingUp.map((w) => [w.kind, w.title, w.due, w.daysAway])).toEqual([
      ['milestone', 'Docs reviewed', '2027-03-11', 1],
      ['item', 'Due soon', '2027-03-12', 2],
    ]);
    expect(report.progress.milestones).toEqual({ achieved: 0, total: 1, next: { id: 'docs-reviewed', name: 'Docs reviewed', phase: 'docs', date: '2027-03-11' } });
  });

  it('marks phases done, running, late and not started', () => {
    // As of Wed 03-10: build runs to 03-19; docs (1w from 03-01) should have ended Fri 03-05.
    const report = statusOf(text, '2027-03-10');
    expect(report.phases.map((p) => [p.id, p.state, p.critical, p.done, p.total])).toEqual([
      ['build', 'running', true, 0, 3],
      ['docs', 'late', false, 1, 2],
      ['go', 'not-started', true, 0, 0],
    ]);
  });
});
