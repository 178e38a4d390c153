import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFile } from '../../server/src/engine/lint';
import { buildTimeline, type TimelineData } from '../../server/src/engine/timeline';
import { NodeFileSystem } from '../../server/src/platform/nodeFileSystem';
import { renderTimelineHtml } from '../../server/src/render/timelineHtml';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';
import { timelineOf, WAVES_PLAN } from './timelineOf';

/**
 * The exports in a real browser: Debian's chromium driven by playwright-core. This check is
 * never skipped; without the browser it fails and says how to install it. (The picture in
 * docs/timeline.md is made by a script, npm run screenshot, not by a test.)
 */
const CHROMIUM = '/usr/bin/chromium';
const AS_OF = '2027-02-22';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_PHASE = `<script>alert('phase')</script>"quoted" & co`;

let work: string;
let fjord: TimelineData;
let launched: Promise<BrowserContext> | undefined;

/**
 * The browser, launched on first use. Launching here rather than in a beforeAll hook makes a
 * missing chromium fail every test with the message below: a failing hook would only mark
 * the tests skipped, and a skipped browser check proves nothing.
 */
function browser(): Promise<BrowserContext> {
  launched ??= (async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`chromium is not installed at ${CHROMIUM}; the browser check needs it: apt-get update && apt-get install -y chromium`);
    }
    return chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1600, height: 1000 },
    });
  })();
  return launched;
}

function fjordTimeline(): TimelineData {
  const file = path.join(__dirname, 'golden/fjord.rollout.yaml');
  const result = lintFile(file, { fs: new NodeFileSystem(), asOf: AS_OF, root: path.dirname(file) });
  if ('error' in result) throw new Error(result.error);
  return { ...buildTimeline(result, AS_OF), path: 'fjord.rollout.yaml' };
}

async function open(name: string, content: string): Promise<{ page: Page; dialogs: string[] }> {
  const file = path.join(work, name);
  fs.writeFileSync(file, content);
  const page = await (await browser()).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, dialogs };
}

type Box = { x: number; y: number; width: number; height: number };

async function boxes(page: Page, selector: string, key: string): Promise<Map<string, Box>> {
  const entries = await page.$$eval(
    selector,
    (elements, attribute) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        const owner = e.closest(`[${attribute}]`);
        return [owner?.getAttribute(attribute) ?? '', { x: r.x, y: r.y, width: r.width, height: r.height }] as const;
      }),
    key,
  );
  return new Map(entries);
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-browser-'));
  fjord = fjordTimeline();
});

afterAll(async () => {
  if (launched) await (await launched.catch(() => undefined))?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('chromium', () => {
  it(`is installed at ${CHROMIUM} and starts headless`, async () => {
    expect(fs.existsSync(CHROMIUM), `install it with: apt-get update && apt-get install -y chromium`).toBe(true);
    const page = await (await browser()).newPage();
    expect(await page.evaluate('navigator.userAgent')).toContain('HeadlessChrome');
    await page.close();
  }, 60_000);
});

describe('the HTML export in chromium', () => {
  it('lays phase bars out left to right by start date, with equal starts aligned', async () => {
    const { page } = await open('fjord.html', renderTimelineHtml(fjord));
    const bars = await boxes(page, '[data-kind="phase"] rect.bar', 'data-id');
    expect([...bars.keys()].sort()).toEqual(fjord.phases.map((p) => p.id).sort());
    for (const a of fjord.phases) {
      for (const b of fjord.phases) {
        const [boxA, boxB] = [bars.get(a.id)!, bars.get(b.id)!];
        if (a.start < b.start) expect(boxA.x, `${a.id} before ${b.id}`).toBeLessThan(boxB.x);
        if (a.start === b.start) expect(Math.abs(boxA.x - boxB.x), `${a.id} with ${b.id}`).toBeLessThan(0.5);
        if (a.end < b.end) expect(boxA.x + boxA.width, `${a.id} ends before ${b.id}`).toBeLessThan(boxB.x + boxB.width);
      }
      expect(bars.get(a.id)!.width).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('draws milestones as diamonds in date order, gates marked as gates', async () => {
    const { page } = await open('fjord.html', renderTimelineHtml(fjord));
    const diamonds = await boxes(page, '[data-kind="milestone"] path.diamond', 'data-id');
    const byDate = [...fjord.milestones].sort((a, b) => a.date.localeCompare(b.date));
    expect(byDate.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < byDate.length; i++) {
      if (byDate[i - 1].date < byDate[i].date) expect(diamonds.get(byDate[i - 1].id)!.x).toBeLessThan(diamonds.get(byDate[i].id)!.x);
    }
    const gates = await page.$$eval('[data-kind="milestone"].gate', (els) => els.map((e) => e.getAttribute('data-id')));
    expect([...gates].sort()).toEqual(fjord.milestones.filter((m) => m.gate).map((m) => m.id).sort());
    await page.close();
  });

  it('highlights the critical path with its own class and a visibly different colour', async () => {
    const { page } = await open('fjord.html', renderTimelineHtml(fjord));
    const critical = await page.$$eval('[data-kind="phase"].critical', (els) => els.map((e) => e.getAttribute('data-id')));
    expect([...critical].sort()).toEqual(fjord.phases.filter((p) => p.critical).map((p) => p.id).sort());
    expect(critical.length).toBeGreaterThan(0);
    const stroke = (selector: string) => page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).stroke`);
    const normal = fjord.phases.find((p) => !p.critical)!.id;
    expect(await stroke(`[data-id="${critical[0]}"] rect.bar`)).not.toBe(await stroke(`[data-id="${normal}"] rect.bar`));
    await page.close();
  });

  it('draws the as-of line inside the bar of the phase running on that date', async () => {
    const { page } = await open('fjord.html', renderTimelineHtml(fjord));
    const line = await page.$eval('line.today', (e) => e.getBoundingClientRect().x);
    const running = fjord.phases.find((p) => p.start <= AS_OF && AS_OF <= p.end)!;
    const finished = fjord.phases.find((p) => p.end < AS_OF)!;
    const bars = await boxes(page, '[data-kind="phase"] rect.bar', 'data-id');
    expect(line).toBeGreaterThan(bars.get(running.id)!.x);
    expect(line).toBeLessThan(bars.get(running.id)!.x + bars.get(running.id)!.width);
    expect(line).toBeGreaterThanOrEqual(bars.get(finished.id)!.x + bars.get(finished.id)!.width);
    expect(await page.$eval('text.today-label', (e) => e.textContent)).toBe(`as of ${AS_OF}`);
    await page.close();
  });

  it('shows a hostile plan name as text: no element is created and no script runs', async () => {
    const plan = WAVES_PLAN.replace('name: Waves', `name: "${HOSTILE_NAME}"`).replace('name: Design\n', `name: '${HOSTILE_PHASE.replace(/'/g, "''")}'\n`);
    // open() waited for the load event: an inline handler or script, had one been created,
    // has run by then (an alert holds the page, and so its load event, until it is dismissed).
    const { page, dialogs } = await open('hostile.html', renderTimelineHtml(timelineOf(plan)));
    expect(dialogs).toEqual([]);
    expect(await page.$$eval('img, script, iframe, object', (els) => els.length)).toBe(0);
    expect(await page.$eval('h1', (e) => e.textContent)).toBe(HOSTILE_NAME);
    expect(await page.title()).toBe(`${HOSTILE_NAME}: timeline`);
    expect(await page.$eval('[data-id="design"] > title', (e) => e.textContent?.split('\n')[0])).toBe(`${HOSTILE_PHASE} (design)`);
    expect(await page.$eval('[data-id="design"]', (e) => e.getAttribute('aria-label'))).toContain(`phase ${HOSTILE_PHASE},`);
    await page.close();
  });

  it('has a CSP that blocks inline script', async () => {
    const { page } = await open('fjord.html', renderTimelineHtml(fjord));
    // Page-side code as a string: the project's tsconfig has no DOM library.
    const outcome = await page.evaluate(`(async () => {
      const violation = new Promise((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.crmRolloutRan = true;';
      document.body.append(script);
      // An inserted inline script runs at once, or is blocked and the violation event follows.
      if (window.crmRolloutRan === true) return { ran: true, directive: 'none' };
      return { ran: false, directive: await violation };
    })()`);
    expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
    await page.close();
  });
});

describe('the standalone SVG export in chromium', () => {
  it('parses as well-formed XML with hostile names and renders them as text', async () => {
    const plan = WAVES_PLAN.replace('name: Waves', `name: "${HOSTILE_NAME}"`).replace('name: Design\n', `name: '${HOSTILE_PHASE.replace(/'/g, "''")}'\n`);
    const { page, dialogs } = await open('hostile.svg', renderTimelineSvg(timelineOf(plan), { theme: 'dark' }));
    expect(await page.evaluate('document.documentElement.nodeName')).toBe('svg');
    expect(await page.$$eval('parsererror', (els) => els.length)).toBe(0);
    expect(await page.$eval('text.title', (e) => e.textContent)).toBe(HOSTILE_NAME);
    expect(dialogs).toEqual([]);
    const bars = await boxes(page, '[data-kind="phase"] rect.bar', 'data-id');
    expect(bars.get('design')!.x).toBeLessThan(bars.get('build-a')!.x);
    await page.close();
  });
});
