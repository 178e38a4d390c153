import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTimelineCsv } from '../../server/src/render/timelineCsv';
import { renderTimelineHtml } from '../../server/src/render/timelineHtml';
import { renderTimelineMermaid } from '../../server/src/render/timelineMermaid';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';
import { timelineOf, withoutFindings } from './timelineOf';

/**
 * The timeline of a version 1.1 plan: three waves on three country calendars, a milestone
 * dependency, an ss dependency with a lag and fs dependencies with a lag (the dates are worked
 * out by hand in tests/engine/scheduler.waves.test.ts).
 */
const PLAN = fs.readFileSync(path.join(__dirname, 'golden', 'waves.rollout.yaml'), 'utf8');
const data = withoutFindings(timelineOf(PLAN, '2027-02-22', 'waves.rollout.yaml'));
const svg = renderTimelineSvg(data, { dayWidth: 10 });

/** The y of the top of the lane titled `label`. */
function laneTop(label: string): number {
  const title = new RegExp(`<rect class="lane-band" x="0" y="([\\d.]+)"[^>]*/>\\s*<text class="lane-label"[^>]*>${label}</text>`).exec(svg);
  if (!title) throw new Error(`no lane titled ${label}`);
  return Number(title[1]);
}

/** y and height of every shading rect that covers a day column at x. */
function shadesAt(className: 'nonworking' | 'holiday', x: number): { y: number; height: number }[] {
  const out: { y: number; height: number }[] = [];
  for (const m of svg.matchAll(new RegExp(`<rect class="${className}" x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`, 'g'))) {
    const [left, y, width, height] = m.slice(1).map(Number);
    if (x >= left && x < left + width) out.push({ y, height });
  }
  return out;
}

/** The x of a day's column (the axis starts Monday 2027-03-01, 10 px a day, names 230 px). */
const columnOf = (iso: string) => 230 + ((Date.parse(iso) - Date.parse('2027-03-01')) / 86_400_000) * 10 + 5;

describe('the timeline of three waves on three calendars', () => {
  it('titles each wave lane with its wave number and name, and gives the lane its calendar', () => {
    expect(data.lanes.map((l) => [l.label, l.calendar])).toEqual([
      ['All waves', undefined],
      ['Wave 1: France', 'fr'],
      ['Wave 2: Germany', 'de'],
      ['Wave 3: United Kingdom', 'uk'],
    ]);
    for (const label of ['Wave 1: France', 'Wave 2: Germany', 'Wave 3: United Kingdom']) expect(svg).toContain(`>${label}</text>`);
  });

  it('shows the wave lanes by wave number in every format, though wave 3 starts before wave 2', () => {
    const start = (id: string) => data.phases.find((p) => p.id === id)?.start ?? '';
    expect(start('uk-uat') < start('de-uat')).toBe(true);
    const labels = ['All waves', 'Wave 1: France', 'Wave 2: Germany', 'Wave 3: United Kingdom'];
    const tops = labels.map(laneTop);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    const csvLanes = renderTimelineCsv(data).split('\r\n').filter((r) => r.startsWith('phase,')).map((r) => r.split(',')[4]);
    expect([...new Set(csvLanes)]).toEqual(labels);
    const html = renderTimelineHtml(data);
    const phaseTable = html.slice(html.indexOf('<h2>Phases</h2>'), html.indexOf('<h2>Milestones</h2>'));
    const htmlLanes = [...phaseTable.matchAll(/<tr><td>[^<]*<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect([...new Set(htmlLanes)]).toEqual(labels);
    const sections = [...renderTimelineMermaid(data).matchAll(/^ {4}section (.*)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['All waves', 'Wave 1∶ France', 'Wave 2∶ Germany', 'Wave 3∶ United Kingdom']);
  });

  it('orders the lanes by wave number whatever order `waves:` declares them in', () => {
    const declared = '  - { wave: 1, name: France, calendar: fr }\n  - { wave: 2, name: Germany, calendar: de }\n  - { wave: 3, name: United Kingdom, calendar: uk }\n';
    expect(PLAN).toContain(declared);
    const reversed = declared.split('\n').filter(Boolean).reverse().join('\n') + '\n';
    const lanes = timelineOf(PLAN.replace(declared, reversed), '2027-02-22').lanes.map((l) => l.label);
    expect(lanes).toEqual(['All waves', 'Wave 1: France', 'Wave 2: Germany', 'Wave 3: United Kingdom']);
  });

  it('marks every phase with zero float critical, both tied wave 1 chains included, and gives each its calendar and float', () => {
    expect(data.phases.map((p) => [p.id, p.calendar, p.float, p.critical])).toEqual([
      ['design', undefined, 70, false],
      ['build', undefined, 0, true],
      ['fr-uat', 'fr', 0, true],
      ['fr-training', 'fr', 0, true],
      ['fr-go-live', 'fr', 0, true],
      ['de-uat', 'de', 0, true],
      ['de-go-live', 'de', 0, true],
      ['uk-uat', 'uk', 6, false],
      ['uk-go-live', 'uk', 0, true],
      ['hypercare', undefined, 0, true],
    ]);
    const tail = ['fr-go-live', 'de-uat', 'de-go-live', 'uk-go-live', 'hypercare'];
    expect(data.criticalChains).toEqual([
      ['build', 'fr-uat', 'fr-training', ...tail],
      ['build', 'fr-uat', ...tail],
    ]);
  });

  it("lists every wave's go-live and draws a line for each", () => {
    expect(data.goLives).toEqual([
      { wave: 1, name: 'France', phase: 'fr-go-live', date: '2027-05-19' },
      { wave: 2, name: 'Germany', phase: 'de-go-live', date: '2027-06-18' },
      { wave: 3, name: 'United Kingdom', phase: 'uk-go-live', date: '2027-06-21' },
    ]);
    for (const label of ['France go-live 2027-05-19', 'Germany go-live 2027-06-18', 'United Kingdom go-live 2027-06-21']) expect(svg).toContain(`>${label}</text>`);
  });

  it("shades each lane with its own calendar: a French holiday only in France's lane, Germany's worked Saturday unshaded only in Germany's", () => {
    const france = laneTop('Wave 1: France');
    const germany = laneTop('Wave 2: Germany');
    // Mon 2027-05-17 is a French holiday: one holiday band, France's lane.
    expect(shadesAt('holiday', columnOf('2027-05-17')).map((s) => s.y)).toEqual([france]);
    // Mon 2027-03-29 is the plan's holiday: every lane inherits it.
    expect(shadesAt('holiday', columnOf('2027-03-29')).length).toBeGreaterThanOrEqual(3);
    // Sat 2027-06-19 is worked in Germany: shaded as a weekend everywhere but Germany's lane.
    const saturday = shadesAt('nonworking', columnOf('2027-06-19'));
    expect(saturday.some((s) => s.y === germany)).toBe(false);
    expect(saturday.length).toBeGreaterThanOrEqual(2);
    // Sunday 06-20 is not worked anywhere: the lanes' shading covers the chart top to bottom.
    const sunday = shadesAt('nonworking', columnOf('2027-06-20'));
    expect(sunday.reduce((h, s) => h + s.height, 0)).toBe(Math.max(...sunday.map((s) => s.y + s.height)) - 70);
  });

  it("starts a milestone dependency's arrow at the milestone's diamond", () => {
    const diamond = /data-id="design-signed-off"[\s\S]*?<path class="diamond" d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)/.exec(svg);
    const arrow = /<g class="dependency critical" data-from="design" data-to="build" data-milestone="design-signed-off"[^>]*>.*?<path d="M([\d.]+) ([\d.]+)H/.exec(svg);
    if (!diamond || !arrow) throw new Error('no diamond or no arrow');
    // The diamond's right corner is (x + 6, y + 6) from its top (x, y): the arrow starts there.
    expect([Number(arrow[1]), Number(arrow[2])]).toEqual([Number(diamond[3]), Number(diamond[4])]);
  });

  it('draws an ss dependency from the start of its predecessor and labels lags', () => {
    const ss = /<g class="dependency critical" data-from="fr-uat" data-to="fr-training" data-type="ss" data-lag="5">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    const uatStart = Number(/data-id="fr-uat"[\s\S]*?<rect class="bar" x="([\d.]+)"/.exec(svg)?.[1]);
    expect(ss).toMatch(new RegExp(`<path d="M${uatStart} `));
    expect(ss).toContain('>ss +5d</text>');
    expect(ss).toContain('<title>fr-training starts with fr-uat + 5 working days (critical)</title>');
    expect(svg).toMatch(/data-from="fr-go-live" data-to="de-uat" data-type="fs" data-lag="10">.*?>\+10d<\/text>/);
  });

  it('puts calendar and float in the csv and the html tables, and each critical chain on its own line', () => {
    const csv = renderTimelineCsv(data).split('\r\n');
    expect(csv.find((r) => r.startsWith('phase,uk-uat,'))?.endsWith(',uk,6,,,')).toBe(true);
    const html = renderTimelineHtml(data);
    expect(html).toContain('<tr><td>de-uat</td><td>UAT Germany</td><td>testing</td><td>Wave 2: Germany</td><td>Germany</td>');
    expect(html).toContain('<li>build → fr-uat → fr-training → fr-go-live → de-uat → de-go-live → uk-go-live → hypercare</li>');
    expect(html).toContain('<li>build → fr-uat → fr-go-live → de-uat → de-go-live → uk-go-live → hypercare</li>');
    expect(html).not.toContain('critical path:');
  });

  it('writes the critical chains as Mermaid comments and names each section after its wave', () => {
    const mermaid = renderTimelineMermaid(data);
    expect(mermaid).toContain('    %% critical chain: build → fr-uat → fr-training → fr-go-live → de-uat → de-go-live → uk-go-live → hypercare\n');
    expect(mermaid).toContain('    section Wave 2∶ Germany\n');
  });
});
