import { describe, expect, it } from 'vitest';
import { renderTimelineMermaid } from '../../server/src/render/timelineMermaid';
import { timelineOf, WAVES_PLAN } from './timelineOf';

describe('renderTimelineMermaid', () => {
  const text = renderTimelineMermaid(timelineOf(WAVES_PLAN));
  const lines = text.split('\n');

  it('writes a gantt with ISO dates and one section per lane', () => {
    expect(lines.slice(0, 4)).toEqual(['gantt', '    title Waves', '    dateFormat YYYY-MM-DD', '    axisFormat %d %b']);
    expect(lines.filter((l) => l.startsWith('    section '))).toEqual(['    section All waves', '    section Wave 1', '    section Wave 2']);
  });

  it('writes explicit start and exclusive end dates instead of after or durations, and no excludes', () => {
    // design: 2027-01-11 to Friday 2027-01-15 inclusive, written with the Saturday as end.
    expect(lines).toContain('    Design :crit, p_design, 2027-01-11, 2027-01-16');
    // build-a: ten working days from Monday the 18th skipping the holiday on the 20th (the
    // as-of date, so it is active).
    expect(lines).toContain('    Build A :crit, active, p_build_a, 2027-01-18, 2027-02-02');
    expect(text).not.toMatch(/\bafter\b|excludes|\d+d, |, \dw/);
  });

  it('tags milestones, and gates as critical milestones named "(gate)"', () => {
    expect(lines).toContain('    Design signed (gate) :crit, milestone, m_signed, 2027-01-15, 0d');
    expect(lines).toContain('    B ready :milestone, m_b_ready, 2027-01-25, 0d');
  });

  it('marks a phase whose checklist is all done as done', () => {
    const done = renderTimelineMermaid(timelineOf(WAVES_PLAN.replace('{ task: Agree roles }', '{ task: Agree roles, done: true }'), '2027-03-01'));
    expect(done).toContain('    Design :crit, done, p_design, 2027-01-11, 2027-01-16');
  });

  it('escapes names and makes ids that can never be read as tags', () => {
    const hostile = WAVES_PLAN.replace('name: Waves', 'name: "Waves: phase #2; go"').replace('id: design', 'id: done').replace('after: [design]', 'after: [done]').replace('after: [design]', 'after: [done]').replace('name: Design\n', 'name: "Design: data; #1"\n');
    const out = renderTimelineMermaid(timelineOf(hostile));
    expect(out).toContain('    title Waves\u2236 phase \uFF032, go');
    expect(out).toContain('    Design\u2236 data, \uFF031 :crit, p_done, 2027-01-11, 2027-01-16');
  });
});
