import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { lintFile } from '../server/src/engine/lint';
import { buildTimeline } from '../server/src/engine/timeline';
import { NodeFileSystem } from '../server/src/platform/nodeFileSystem';
import { renderTimelineHtml } from '../server/src/render/timelineHtml';

/**
 * `npm run screenshot`: renders the HTML timeline export of the two-wave sample plan in
 * Debian's chromium and writes docs/images/timeline-export.png, the picture docs/timeline.md
 * shows: the chart and its legend, cropped to them.
 */

const root = process.cwd();
const CHROMIUM = '/usr/bin/chromium';
const PLAN = path.join(root, 'tests/render/golden/fjord.rollout.yaml');
const AS_OF = '2027-02-22';
const SCREENSHOT = path.join(root, 'docs/images/timeline-export.png');

function timelineHtml(): string {
  const result = lintFile(PLAN, { fs: new NodeFileSystem(), asOf: AS_OF, root: path.dirname(PLAN) });
  if ('error' in result) throw new Error(result.error);
  return renderTimelineHtml({ ...buildTimeline(result, AS_OF), path: path.basename(PLAN) });
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium is not installed at ${CHROMIUM}: apt-get update && apt-get install -y chromium`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-screenshot-'));
  const file = path.join(work, 'fjord.html');
  fs.writeFileSync(file, timelineHtml());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const top = await page.$eval('h1', (e) => e.getBoundingClientRect().y);
    const legend = await page.$eval('ul.legend', (e) => e.getBoundingClientRect());
    const right = await page.$eval('svg.crm-timeline', (e) => e.getBoundingClientRect().right);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: Math.max(0, top - 16), width: Math.ceil(right + 24), height: Math.ceil(legend.bottom - top + 32) } });
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`wrote ${path.relative(root, SCREENSHOT)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
