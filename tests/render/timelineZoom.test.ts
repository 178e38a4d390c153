import { describe, expect, it } from 'vitest';
import { axisFor, axisUnits, AXIS_LABEL_GAP, type AxisLabel } from '../../server/src/render/timelineAxis';
import { layoutTimeline } from '../../server/src/render/timelineLayout';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';
import { TIMELINE_ZOOMS, zoomLayout, zoomStep, ZOOM_RIGHT_PAD, type TimelineZoom } from '../../server/src/render/timelineZoom';
import { runCli, tempTree } from '../helpers/cli';
import { timelineOf, withoutFindings } from './timelineOf';

/** A chain of `count` phases of `weeks` weeks each, starting 2027-01-11. */
function chainPlan(count: number, weeks: number, name = 'Chain'): string {
  const phases = Array.from({ length: count }, (_, i) =>
    [
      `  - id: p${i}`,
      `    name: Phase number ${i} with a rather long descriptive name`,
      '    kind: configuration',
      '    owner: ann',
      i === 0 ? '    start: 2027-01-11' : `    after: [p${i - 1}]`,
      `    duration: ${weeks}w`,
      i === count - 1 ? '    milestones:\n      - { id: done, name: Everything is finished and signed off }' : '',
    ].filter(Boolean).join('\n'),
  );
  return `plan: 1\nname: ${name}\nsponsor: ann\nowner: ann\npeople:\n  - { id: ann, name: Ann }\nphases:\n${phases.join('\n')}\n`;
}

const PLANS = {
  'two weeks': withoutFindings(timelineOf(chainPlan(2, 1))),
  'fifteen months': withoutFindings(timelineOf(chainPlan(6, 11))),
  'three years': withoutFindings(timelineOf(chainPlan(8, 20))),
};
const WIDTHS = [320, 400, 520, 800, 1400];

function overlapping(labels: AxisLabel[]): [AxisLabel, AxisLabel] | undefined {
  for (const row of ['major', 'minor'] as const) {
    const own = labels.filter((l) => l.row === row).sort((a, b) => a.x - b.x);
    for (let i = 1; i < own.length; i++) if (own[i - 1].x + own[i - 1].width + AXIS_LABEL_GAP > own[i].x) return [own[i - 1], own[i]];
  }
  return undefined;
}

describe('timeline zoom and axis', () => {
  it('never lets two axis labels of a row overlap, at any zoom and width, and keeps them inside the drawing', () => {
    for (const [plan, data] of Object.entries(PLANS)) {
      for (const zoom of TIMELINE_ZOOMS) {
        for (const width of WIDTHS) {
          const layout = layoutTimeline(data, zoomLayout(zoom, width));
          const { labels } = axisFor(layout);
          expect(labels.length, `${plan} at ${zoom}, ${width}px has labels`).toBeGreaterThan(0);
          expect(overlapping(labels), `${plan} at ${zoom}, ${width}px`).toBeUndefined();
          for (const label of labels) {
            expect(label.x).toBeGreaterThanOrEqual(layout.labelWidth);
            expect(label.x + label.width).toBeLessThanOrEqual(layout.width);
          }
        }
      }
    }
  });

  it('fits the whole plan to the width: the last day ends where the right margin starts', () => {
    for (const data of Object.values(PLANS)) {
      for (const width of WIDTHS) {
        const layout = layoutTimeline(data, zoomLayout('fit', width));
        expect(layout.width).toBe(width);
        expect(layout.x(layout.lastDay + 1) + ZOOM_RIGHT_PAD).toBeCloseTo(width, 6);
      }
    }
  });

  it('puts about a quarter, a month or a week across the chart part of the width, growing the drawing', () => {
    const data = PLANS['fifteen months'];
    const across = (zoom: TimelineZoom) => {
      const layout = layoutTimeline(data, zoomLayout(zoom, 800));
      return (800 - layout.labelWidth - ZOOM_RIGHT_PAD) / layout.dayWidth;
    };
    expect(across('quarter')).toBeCloseTo(91, 6);
    expect(across('month')).toBeCloseTo(30.5, 6);
    expect(across('week')).toBeCloseTo(7, 6);
    expect(layoutTimeline(data, zoomLayout('month', 800)).width).toBeGreaterThan(800 * 10);
  });

  it('adapts the axis units to the zoom: days, weeks, months, quarters', () => {
    const units = (zoom: TimelineZoom) => {
      const layout = layoutTimeline(PLANS['fifteen months'], zoomLayout(zoom, 520));
      return axisUnits(layout.dayWidth);
    };
    expect(units('week')).toEqual({ major: 'month', minor: 'day' });
    expect(units('month')).toEqual({ major: 'month', minor: 'week' });
    expect(units('quarter').minor).toBe('month');
    expect(units('fit')).toEqual({ major: 'year', minor: 'quarter' });
  });

  it('zooms in and out by the day width each level gives the plan', () => {
    const dayWidthAt = (data: (typeof PLANS)['two weeks']) => (zoom: TimelineZoom) => layoutTimeline(data, zoomLayout(zoom, 520)).dayWidth;
    const long = dayWidthAt(PLANS['fifteen months']);
    expect(zoomStep('fit', 1, long)).toBe('quarter');
    expect(zoomStep('quarter', 1, long)).toBe('month');
    expect(zoomStep('month', -1, long)).toBe('quarter');
    expect(zoomStep('quarter', -1, long)).toBe('fit');
    expect(zoomStep('fit', -1, long)).toBe('fit');
    expect(zoomStep('week', 1, long)).toBe('week');
    // Two weeks fitted to the width are closer than a quarter or a month across it.
    const short = dayWidthAt(PLANS['two weeks']);
    expect(zoomStep('fit', 1, short)).toBe('week');
    expect(zoomStep('fit', -1, short)).toBe('month');
  });

  it('cuts names to a 400 px drawing and keeps the full name as the tooltip', () => {
    const svg = renderTimelineSvg(PLANS['fifteen months'], { zoom: 'fit', width: 400 });
    expect(svg).toMatch(/^<svg [^>]*width="400"/);
    expect(svg).toContain('<text class="row-label" x="12" y="88" data-for="p0"><title>Phase number 0 with a rather long descriptive name</title>Phase number 0…</text>');
    // The phase's own label for screen readers names it in full.
    expect(svg).toMatch(/data-id="p0"[^>]*aria-label="[^"]*Phase number 0 with a rather long descriptive name/);
  });
});

describe('crm-rollout timeline --zoom and --width', () => {
  const dir = tempTree({ 'plan.rollout.yaml': chainPlan(6, 11) });

  it('draws the SVG fitted to --width, or zoomed with its name column and margins for that width', () => {
    const fit = runCli(['timeline', '--format', 'svg', '--zoom', 'fit', '--width', '640', '--as-of', '2027-01-20', 'plan.rollout.yaml'], dir);
    expect(fit.code).toBe(0);
    expect(fit.stdout).toMatch(/^<svg [^>]*width="640" height="\d+" viewBox="0 0 640 \d+"/);
    const month = runCli(['timeline', '--format', 'html', '--zoom', 'month', '--width', '640', '--as-of', '2027-01-20', 'plan.rollout.yaml'], dir);
    expect(month.code).toBe(0);
    const width = Number(/<svg [^>]*class="crm-timeline[^>]*width="(\d+)"/.exec(month.stdout)?.[1] ?? /<svg [^>]*width="(\d+)"[^>]*class="crm-timeline/.exec(month.stdout)?.[1]);
    expect(width).toBeGreaterThan(640 * 10);
  });

  it('refuses an unknown zoom, a width that is not a number, and both for formats that are not drawings', () => {
    const run = (...args: string[]) => runCli(['timeline', ...args, 'plan.rollout.yaml'], dir);
    expect(run('--format', 'svg', '--zoom', 'day').stderr).toContain('unknown zoom "day"; use one of fit, quarter, month, week');
    expect(run('--format', 'svg', '--width', 'wide').stderr).toContain('--width "wide" is not a whole number of pixels of at least 320');
    expect(run('--format', 'csv', '--zoom', 'fit').stderr).toContain('--zoom applies to the svg and html formats, not csv');
    expect(run('--format', 'svg', '--zoom', 'day').code).toBe(2);
  });
});
