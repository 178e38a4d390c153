// Writes docs/images/status-report.png: the html status report of fjord.rollout.yaml (beside
// this script) as of 2027-06-01, rendered by the built CLI and photographed in chromium.
// Run `npm run build` first, then `node scripts/status-report/screenshot.mjs`. Not a test.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-status-shot-'));
const html = path.join(work, 'status.html');
const target = path.join(root, 'docs/images/status-report.png');

// Exit 0 whatever the colour; anything else is a failure worth seeing.
execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'status', path.join(here, 'fjord.rollout.yaml'), '--as-of', '2027-06-01', '--output', html], { stdio: 'inherit' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1600 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  // From the title to the progress table's end: the verdict, go-lives, timeline and progress.
  const headings = await page.$$eval('section.plan h3', (hs) => hs.map((h) => [h.textContent, h.getBoundingClientRect().top]));
  const bottom = headings.find(([text]) => text === 'Late work')?.[1] ?? 1600;
  await page.screenshot({ path: target, clip: { x: 0, y: 0, width: 1100, height: Math.ceil(bottom - 8) } });
  console.log(`wrote ${path.relative(root, target)}`);
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
