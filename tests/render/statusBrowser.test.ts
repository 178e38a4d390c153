import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyRulesConfig, runCli } from '../helpers/cli';
import { EXECUTION_PLAN } from '../helpers/statusPlan';

/**
 * The html status report in a real browser (Debian's chromium through playwright-core, as
 * browser.test.ts does): the verdict, the go-lives, the embedded forecast timeline and the
 * progress bars by DOM, no script, and a layout that fits an A4 page when printed.
 */
const CHROMIUM = '/usr/bin/chromium';
const HOSTILE = '<img src=x onerror=alert(1)>';

let work: string;
let launched: Promise<BrowserContext> | undefined;

function browser(): Promise<BrowserContext> {
  launched ??= (async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium is not installed at ${CHROMIUM}; the browser check needs it: apt-get update && apt-get install -y chromium`);
    return chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 1000 },
    });
  })();
  return launched;
}

/** The report of `plan` as of 2027-06-01, written by the CLI and opened in chromium. */
async function openReport(plan: string): Promise<{ page: Page; dialogs: string[] }> {
  fs.writeFileSync(path.join(work, 'fjord.rollout.yaml'), plan);
  const run = runCli(['status', 'fjord.rollout.yaml', '--as-of', '2027-06-01', '--output', 'status.html'], work);
  if (run.code !== 0) throw new Error(run.stderr);
  const page = await (await browser()).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(path.join(work, 'status.html')).href, { waitUntil: 'load' });
  return { page, dialogs };
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-status-'));
  fs.writeFileSync(path.join(work, '.crm-rollout.yaml'), onlyRulesConfig(['overdue']));
});

afterAll(async () => {
  if (launched) await (await launched.catch(() => undefined))?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the html status report in chromium', () => {
  it('shows the verdict, each wave go-live with its variance, and the date in the heading', async () => {
    const { page } = await openReport(EXECUTION_PLAN);
    expect(await page.$eval('h1', (e) => e.textContent)).toBe('Status report as of 2027-06-01 (the --as-of date)');
    expect(await page.$eval('.verdict', (e) => e.getAttribute('data-status'))).toBe('red');
    const rows = await page.$$eval('section.plan table:first-of-type tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['Wave 1 Norway (go-no)', '2027-05-31', '2027-06-02', '+2'],
      ['Wave 2 Germany (go-de)', '2027-06-08', '2027-06-10', '+2'],
    ]);
    await page.close();
  });

  it('embeds the forecast timeline: every phase a bar, the running phase on its actual start', async () => {
    const { page } = await openReport(EXECUTION_PLAN);
    const ids = await page.$$eval('svg.crm-timeline [data-kind="phase"]', (els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids.sort()).toEqual(['build', 'de-prep', 'go-de', 'go-no']);
    const x = (id: string) => page.$eval(`svg.crm-timeline [data-id="${id}"] rect.bar`, (e) => e.getBoundingClientRect().x);
    // build started Wed 05-05, before de-prep's planned start (Mon 05-17).
    expect(await x('build')).toBeLessThan(await x('de-prep'));
    expect(await x('go-no')).toBeLessThan(await x('go-de'));
    expect(await page.$eval('svg.crm-timeline text.today-label', (e) => e.textContent)).toBe('as of 2027-06-01');
    await page.close();
  });

  it('draws the planned schedule as ghost bars under the forecast, with the slip', async () => {
    const { page } = await openReport(EXECUTION_PLAN);
    const box = (selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().x + e.getBoundingClientRect().width);
    // build was planned to end Fri 05-28 and is forecast to end Tue 06-01: its bar ends after its ghost.
    expect(await box('svg.crm-timeline [data-id="build"] rect.bar')).toBeGreaterThan(await box('svg.crm-timeline [data-id="build"] rect.ghost'));
    expect(await page.$$eval('svg.crm-timeline rect.ghost', (els) => els.length)).toBe(4);
    await page.close();
  });

  it('draws each phase progress bar filled by its share of done items', async () => {
    const { page } = await openReport(EXECUTION_PLAN);
    const fills = await page.$$eval('svg.bar', (bars) => bars.map((b) => [b.getAttribute('aria-label'), b.querySelector('rect.fill')?.getBoundingClientRect().width, b.querySelector('rect.track')?.getBoundingClientRect().width]));
    expect(fills[0]).toEqual(['1 of 2 done', 50, 100]);
    expect(fills).toHaveLength(4);
    await page.close();
  });

  it('shows hostile plan text as text: nothing runs and no element is created', async () => {
    const { page, dialogs } = await openReport(EXECUTION_PLAN.replace('name: Fjord rollout', `name: "${HOSTILE}"`));
    expect(dialogs).toEqual([]);
    expect(await page.$$eval('img, script, iframe, object', (els) => els.length)).toBe(0);
    expect(await page.$eval('h2', (e) => e.textContent)).toBe(HOSTILE);
    await page.close();
  });

  it('fits the width of an A4 page when printed, and prints', async () => {
    const { page } = await openReport(EXECUTION_PLAN);
    // A4 is 210 mm wide; less 2 × 14 mm of margins, 182 mm is 688 CSS pixels (96 per inch).
    await page.setViewportSize({ width: 688, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(688);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  });
});
