import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../server/src/render/escape';
import { HTML_CSP } from '../../server/src/render/htmlPage';
import { renderTimelineHtml } from '../../server/src/render/timelineHtml';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';
import { timelineOf, WAVES_PLAN, withoutFindings } from './timelineOf';

describe('renderTimelineHtml', () => {
  const data = withoutFindings(timelineOf(WAVES_PLAN));
  const html = renderTimelineHtml(data);

  it('is one page with a strict CSP, no scripts and nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeXml(HTML_CSP)}">`);
    expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).not.toMatch(/<script|<link|src=|href=|@import/);
  });

  it('embeds the SVG, a legend and tables of phases and milestones', () => {
    expect(html).toContain(renderTimelineSvg(data, { theme: 'light' }));
    expect(html).toContain('<ul class="legend" aria-label="legend">');
    expect(html).toMatch(/<caption class="meta">3 phases<\/caption>/);
    expect(html).toContain('<tr><td>design</td><td>Design</td><td>design</td><td>All waves</td><td>plan</td><td>ann</td><td>2027-01-11</td><td>2027-01-15</td><td class="num">5</td><td class="num">critical (0)</td><td>1/2</td><td></td></tr>');
    expect(html).toContain('<tr><td>signed</td><td>Design signed</td><td>gate</td><td>design</td><td>2027-01-15</td><td></td><td>Approved</td></tr>');
  });

  it('uses the dark palette for the page and the chart when asked', () => {
    const dark = renderTimelineHtml(data, { theme: 'dark' });
    expect(dark).toContain(':root { color-scheme: dark; }');
    expect(dark).toContain('class="crm-timeline theme-dark"');
  });

  it('escapes a hostile plan name in the title, heading and tables', () => {
    const page = renderTimelineHtml(timelineOf(WAVES_PLAN.replace('name: Waves', 'name: "<img src=x onerror=alert(1)>"')));
    expect(page).toContain('<title>&lt;img src=x onerror=alert(1)&gt;: timeline</title>');
    expect(page).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(page).not.toContain('<img');
  });
});
