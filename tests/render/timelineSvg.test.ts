import { describe, expect, it } from 'vitest';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';
import { timelineCss } from '../../server/src/render/timelineTheme';
import { timelineOf, WAVES_PLAN, withoutFindings } from './timelineOf';

/** The opening tag of the element carrying `data-id="<id>"`. */
function tagOf(svg: string, id: string): string {
  const match = new RegExp(`<g [^>]*data-id="${id}"[^>]*>`).exec(svg);
  if (!match) throw new Error(`no element with data-id "${id}"`);
  return match[0];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

describe('renderTimelineSvg', () => {
  const data = timelineOf(WAVES_PLAN);

  it('gives every phase and milestone the hooks a webview needs: data-id, data-kind, tabindex, role, aria-label and a title', () => {
    for (const [id, kind] of [['design', 'phase'], ['build-a', 'phase'], ['build-b', 'phase'], ['signed', 'milestone'], ['b-ready', 'milestone']]) {
      const tag = tagOf(renderTimelineSvg(data), id);
      expect(attr(tag, 'data-kind')).toBe(kind);
      expect(attr(tag, 'tabindex')).toBe('0');
      expect(attr(tag, 'role')).toBe('graphics-symbol');
      expect(attr(tag, 'aria-label')).toBeTruthy();
    }
    const svg = renderTimelineSvg(data);
    expect(svg).toMatch(/data-id="design"[^>]*><title>Design \(design\)\n2027-01-11 → 2027-01-15, 5 working days/);
  });

  it('marks critical phases and gates with their own classes and data attributes', () => {
    const svg = renderTimelineSvg(data);
    expect(attr(tagOf(svg, 'design'), 'class')).toBe('phase critical');
    expect(attr(tagOf(svg, 'build-b'), 'class')).toBe('phase');
    expect(attr(tagOf(svg, 'signed'), 'class')?.split(' ')).toContain('gate');
    expect(attr(tagOf(svg, 'signed'), 'data-gate')).toBe('true');
    expect(attr(tagOf(svg, 'b-ready'), 'class')).toBe('milestone');
  });

  it('places bars left to right by date on the day axis, a working week being five columns plus the weekend', () => {
    const svg = renderTimelineSvg(data, { dayWidth: 10 });
    const x = (id: string) => Number(/<rect class="bar" x="([\d.]+)"/.exec(svg.slice(svg.indexOf(`data-id="${id}"`)))?.[1]);
    // design starts Monday 2027-01-11, the axis's first day, and ends Friday the 15th;
    // build-a starts the next working day, Monday the 18th: seven day columns later.
    expect(x('design')).toBe(230);
    expect(x('build-a') - x('design')).toBe(7 * 10);
    expect(x('build-b')).toBe(x('build-a'));
  });

  it('shades weekends and the holiday, and draws the as-of line and go-live-less header', () => {
    const svg = renderTimelineSvg(data, { dayWidth: 10 });
    expect(svg).toContain('<rect class="holiday"');
    expect(svg).toContain('<title>holiday 2027-01-20</title>');
    expect(svg.match(/<rect class="nonworking"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(svg).toMatch(/<line class="today" x1="([\d.]+)"/);
    expect(svg).toContain('as of 2027-01-20');
    expect(svg).toContain('no go-live phase');
  });

  it('shows checklist progress, slack whiskers, dependency arrows and lanes', () => {
    const svg = renderTimelineSvg(data);
    expect(svg).toMatch(/data-id="design"[\s\S]*?<rect class="progress"[^>]*\/>[\s\S]*?>50%<\/text>/);
    expect(svg).toMatch(/data-id="build-b"[\s\S]*?<line class="slack"/);
    expect(svg).toContain('data-from="design" data-to="build-a"');
    expect(svg).toContain('class="dependency critical"');
    expect(svg).toContain('>Wave 1</text>');
    expect(svg).toContain('>Wave 2</text>');
  });

  it('puts a findings badge, coloured by the worst severity, on the phase whose owner is undeclared', () => {
    const svg = renderTimelineSvg(data);
    const group = svg.slice(svg.indexOf('data-id="build-b"'), svg.indexOf('</g>', svg.indexOf('data-id="build-b"') + 1) + 4);
    const { error, warning, info } = data.phases.find((p) => p.id === 'build-b')!.findings;
    expect(error).toBeGreaterThanOrEqual(1);
    expect(group).toContain(`<g class="badge badge-error"><circle cx=`);
    expect(group).toMatch(new RegExp(`<text [^>]*>${error + warning + info}</text></g>`));
  });

  it('draws no badge on a phase without findings', () => {
    const svg = renderTimelineSvg(withoutFindings(data));
    expect(svg).not.toContain('class="badge');
  });

  it('embeds the light or dark palette, and none for the vscode theme', () => {
    expect(renderTimelineSvg(data, { theme: 'light' })).toContain(timelineCss('light'));
    expect(renderTimelineSvg(data, { theme: 'dark' })).toContain(timelineCss('dark'));
    const vscode = renderTimelineSvg(data, { theme: 'vscode' });
    expect(vscode).not.toContain('<style>');
    expect(vscode).not.toMatch(/\sfill="|\sstroke="|\sstyle="/);
    expect(timelineCss('vscode')).toContain('var(--vscode-charts-red)');
  });

  it('is deterministic and self-contained: no scripts, no external references', () => {
    const a = renderTimelineSvg(data);
    expect(renderTimelineSvg(timelineOf(WAVES_PLAN))).toBe(a);
    expect(a).not.toMatch(/<script|href=|xlink|url\((?!#crm-timeline-arrow)/);
  });

  it('fits the days to a given total width', () => {
    const svg = renderTimelineSvg(data, { width: 900 });
    expect(svg).toMatch(/^<svg [^>]*width="900"/);
  });

  it('escapes a hostile plan name and phase name everywhere they appear', () => {
    const hostile = WAVES_PLAN.replace('name: Waves', `name: "<img src=x onerror=alert(1)> & co"`).replace('name: Design\n', `name: "<script>alert('x')</script>"\n`);
    const svg = renderTimelineSvg(timelineOf(hostile));
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(svg).toContain('aria-label="phase &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
  });

  it('says so when no phase could be scheduled', () => {
    const svg = renderTimelineSvg(timelineOf('plan: 1\nname: Empty\nphases:\n  - { id: a, name: A, kind: planning }\n'));
    expect(svg).toContain('no phase could be scheduled');
    expect(svg).not.toContain('data-kind="phase"');
  });
});
