import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { buildTrackedTimeline, type TimelineData } from '../../server/src/engine/timeline';
import { renderTimelineCsv } from '../../server/src/render/timelineCsv';
import { renderTimelineHtml } from '../../server/src/render/timelineHtml';
import { renderTimelineMermaid } from '../../server/src/render/timelineMermaid';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';
import { withoutFindings } from './timelineOf';

/**
 * A plan in execution (plan-format.md, "Progress and actual dates"; golden/tracked.rollout.yaml),
 * as of Wed 2027-01-27:
 * - design, planned Mon 01-11 to Fri 01-15 (5d), really ran 01-11 to Tue 01-19: 2 working days late;
 * - build, after design, 5d: planned Mon 01-18 to Fri 01-22; the forecast starts it the day
 *   after design really ended, Wed 01-20, so it ends Tue 01-26: +2;
 * - go-live, after build, 1d: planned Mon 01-25, forecast Wed 01-27.
 * Milestone "kickoff" (dated 01-12) was achieved on 01-12; "ready" (dated 01-22) is not
 * achieved, and 01-22 is before the as-of date: overdue.
 */
const PLAN = fs.readFileSync(path.join(__dirname, 'golden', 'tracked.rollout.yaml'), 'utf8');
const AS_OF = '2027-01-27';

function tracked(yaml: string): TimelineData {
  const path = '/plans/tracked.rollout.yaml';
  const result = lintText(path, yaml, { fs: new MemoryFileSystem({ [path]: yaml }), asOf: AS_OF, root: '/plans' });
  return withoutFindings(buildTrackedTimeline(result, AS_OF));
}

/** The opening tag and content of the `<g>` of an entry. */
function groupOf(svg: string, id: string): string {
  const match = new RegExp(`<g [^>]*data-id="${id}"[\\s\\S]*?</g>(?=\\n)`).exec(svg);
  if (!match) throw new Error(`no element with data-id "${id}"`);
  return match[0];
}

describe('a forecast drawn over its planned schedule (ghost bars)', () => {
  const data = tracked(PLAN);
  const svg = renderTimelineSvg(data, { dayWidth: 10 });

  it('is the forecast, with the planned schedule as its ghost', () => {
    expect(data.phases.map((p) => [p.id, p.start, p.end])).toEqual([
      ['design', '2027-01-11', '2027-01-19'],
      ['build', '2027-01-20', '2027-01-26'],
      ['go-live', '2027-01-27', '2027-01-27'],
    ]);
    expect(data.ghost?.phases.map((p) => [p.id, p.start, p.end])).toEqual([
      ['design', '2027-01-11', '2027-01-15'],
      ['build', '2027-01-18', '2027-01-22'],
      ['go-live', '2027-01-25', '2027-01-25'],
    ]);
    expect(data.phases[0].actual).toEqual({ start: '2027-01-11', end: '2027-01-19' });
  });

  it('draws a faint planned bar under each forecast bar, labelled with the slip in working days', () => {
    const build = groupOf(svg, 'build');
    // Axis from Mon 01-11, 10 px a day after the 230 px names: planned 01-18 is x 300, 5 days wide to Fri 01-22.
    expect(build).toContain('<rect class="ghost" x="300" y="');
    expect(build).toMatch(/<rect class="ghost" x="300" y="[\d.]+" width="50"/);
    expect(build).toMatch(/<rect class="bar" x="320"/);
    expect(build).toContain('data-slip="2"');
    expect(build).toContain('<text class="slip late"');
    expect(build).toContain('>+2d</text>');
    expect(build).toContain('planned: 2027-01-18 → 2027-01-22, +2d (2 working days later)');
    // The ghost is drawn first, so the forecast bar lies over it.
    expect(build.indexOf('class="ghost"')).toBeLessThan(build.indexOf('class="bar"'));
  });

  it('fills the bar of a complete phase (actual.end) whatever its checklist says', () => {
    expect(data.phases[0].progress).toEqual({ done: 2, total: 2, complete: true });
    const design = groupOf(svg, 'design');
    const width = (cls: string) => /width="([\d.]+)"/.exec(design.slice(design.indexOf(`class="${cls}"`)))?.[1];
    expect(width('progress')).toBe(width('bar'));
    expect(design).toContain('>100%</text>');
  });

  it('fills achieved milestones at the day they were achieved and marks overdue ones', () => {
    const kickoff = groupOf(svg, 'kickoff');
    expect(kickoff).toMatch(/^<g class="milestone achieved"[^>]*data-achieved="2027-01-12"/);
    expect(kickoff).toContain('>✓</text>');
    const ready = groupOf(svg, 'ready');
    expect(ready).toMatch(/^<g class="milestone gate overdue"[^>]*data-overdue="true"/);
    expect(ready).toContain('<text class="overdue-mark"');
    expect(ready).toContain('aria-label="gate Ready, 2027-01-22, phase build, overdue"');
  });

  it('takes another ghost (a baseline) from the options, or none with null', () => {
    const baseline: TimelineData = { ...data, phases: data.phases.map((p) => (p.id === 'build' ? { ...p, start: '2027-01-21', end: '2027-01-27' } : p)) };
    const against = renderTimelineSvg(data, { dayWidth: 10, ghost: baseline, ghostLabel: 'baseline' });
    expect(groupOf(against, 'build')).toContain('baseline: 2027-01-21 → 2027-01-27, −1d (1 working day earlier)');
    expect(groupOf(against, 'build')).toContain('<text class="slip early"');
    // design ends on the same day in both: slip 0, no label.
    expect(groupOf(against, 'design')).toContain('data-slip="0"');
    expect(groupOf(against, 'design')).not.toContain('class="slip');
    expect(renderTimelineSvg(data, { ghost: null })).not.toContain('class="ghost"');
  });

  it('shows the ghost, slip, achieved and overdue in the html legend only when the chart has them', () => {
    const html = renderTimelineHtml(data);
    for (const label of ['planned (ghost)', 'slip in working days', 'achieved', 'overdue']) expect(html).toContain(`<span>${label}</span>`);
    const planned = renderTimelineHtml({ ...data.ghost!, milestones: [] });
    expect(planned).not.toContain('<span>planned (ghost)</span>');
  });

  it('is the planned timeline, with no ghost, for a plan that records nothing that happened', () => {
    const plain = tracked(PLAN.replace('    actual: { start: 2027-01-11, end: 2027-01-19 }\n', '').replace(', achieved: 2027-01-12', ''));
    expect(plain.ghost).toBeUndefined();
    expect(plain.phases[1].start).toBe('2027-01-18');
    expect(renderTimelineSvg(plain)).not.toContain('class="ghost"');
  });

  it('gives each phase its planned dates and slip in the CSV\'s last columns, empty for milestones', () => {
    const rows = renderTimelineCsv(data).split('\r\n').map((r) => r.split(','));
    const column = (name: string) => rows[0].indexOf(name);
    const cells = (id: string) => rows.find((r) => r[column('id')] === id)?.slice(column('planned_start'));
    expect(rows[0].slice(-3)).toEqual(['planned_start', 'planned_end', 'slip']);
    expect(cells('design')).toEqual(['2027-01-11', '2027-01-15', '2']);
    expect(cells('build')).toEqual(['2027-01-18', '2027-01-22', '2']);
    expect(cells('go-live')).toEqual(['2027-01-25', '2027-01-25', '2']);
    expect(cells('ready')).toEqual(['', '', '']);
    const plain = renderTimelineCsv({ ...data, ghost: undefined }).split('\r\n')[1].split(',');
    expect(plain.slice(-3)).toEqual(['', '', '']);
  });

  it('marks each slipped phase in the Mermaid chart by name, with its planned dates in a comment', () => {
    const mermaid = renderTimelineMermaid(data);
    expect(mermaid).toContain('    %% design: planned 2027-01-11 → 2027-01-15\n    Design (2d late) :');
    expect(mermaid).toContain('    %% build: planned 2027-01-18 → 2027-01-22\n    Build (2d late) :');
    const early: TimelineData = { ...data, ghost: { ...data.ghost!, phases: data.ghost!.phases.map((p) => (p.id === 'build' ? { ...p, end: '2027-01-27' } : p)) } };
    expect(renderTimelineMermaid(early)).toMatch(/\n {4}Build \(1d early\) :/);
    const onTime: TimelineData = { ...data, ghost: { ...data.ghost!, phases: data.phases } };
    expect(renderTimelineMermaid(onTime)).not.toMatch(/planned|late|early/);
  });
});
