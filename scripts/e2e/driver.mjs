// Runs the extension's end-to-end suites in code-server's VS Code, in Debian's chromium driven
// by playwright-core. Called by scripts/e2e/run.sh, which installs and builds first.
//
// 1. starts code-server's VS Code server on a free loopback port with a throw-away data dir;
// 2. session "tests": opens a copy of tests/e2e/fixtures/workspace with this repository as the
//    extension under development and out/test/index.js as the tests (the same run() entry
//    @vscode/test-electron calls); window.codeAutomationExit reports the exit code;
// 3. session "tour": opens a copy of samples/ and walks out/test/tour.js, answering its
//    checkpoints: looks inside the timeline webview, presses keys in it, takes screenshots;
// 4. with --vsix: installs crm-rollout.vsix into the server and checks it activates on a plan;
// 5. prints every result and the closing line "e2e: N passed, N failed".
// Options: --screenshots (write docs/images/timeline-{light,dark,fit,month}.png), --vsix, --verbose
// (the server's and the workbench's logs), --keep (keep the temporary folder of the run).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repo, testsWorkspace as makeTestsWorkspace, tourWorkspace as makeTourWorkspace } from './workspace.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const codeServer = option('--code-server');
const wantScreenshots = argv.includes('--screenshots');
const wantVsix = argv.includes('--vsix');
const verbose = argv.includes('--verbose') || !!process.env.CRM_ROLLOUT_E2E_VERBOSE;
const keep = argv.includes('--keep');
// A cap for a session that hangs, not a measure: the tour now also reloads the window once.
const SESSION_LIMIT_MS = 240_000;

const results = [];
const record = (title, ok, error) => results.push({ title, state: ok ? 'passed' : 'failed', error });

function finish(extraFailure) {
  if (extraFailure) record(extraFailure.title, false, extraFailure.error);
  for (const r of results) console.log(`${r.state === 'passed' ? '  ✓' : '  ✗'} ${r.title}${r.error ? `\n      ${String(r.error).split('\n').join('\n      ')}` : ''}`);
  const passed = results.filter((r) => r.state === 'passed').length;
  const failed = results.length - passed;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function chromiumPath() {
  for (const candidate of [process.env.CRM_ROLLOUT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('chromium not found; run scripts/e2e/setup.sh or set CRM_ROLLOUT_CHROMIUM');
}

/** Starts the VS Code server and resolves once it listens. */
function startServer(serverMain, port, dataDir, env) {
  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-workspace-trust',
    '--server-data-dir', path.join(dataDir, 'server'),
    '--user-data-dir', path.join(dataDir, 'user'),
    '--extensions-dir', path.join(dataDir, 'extensions'),
  ];
  // Its own process group, so stopping it also stops the extension hosts and language servers it started.
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = [];
  const onData = (chunk) => {
    const text = chunk.toString();
    log.push(text);
    if (verbose) process.stderr.write(`[server] ${text}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the VS Code server did not start in 60 s:\n${log.join('')}`)), 60_000);
    const watch = (chunk) => {
      if (/Extension host agent listening on|Web UI available at|Server bound to/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve({ child, log, stop: () => stopServer(child) });
      }
    };
    child.stdout.on('data', watch);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the VS Code server exited with ${code}:\n${log.join('')}`));
    });
  });
}

function workbenchUrl(port, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${query}`;
}

/** SIGTERM to the server's process group, SIGKILL if it is still there after 5 s. */
async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

const remote = (port, p) => `vscode-remote://127.0.0.1:${port}${p}`;

/** The webview frame that shows the timeline (VS Code nests the page in two iframes). */
async function timelineFrame(page, limitMs = 20_000) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$('svg.crm-timeline')) return frame;
      } catch {
        // A frame that navigated away while we looked.
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no webview frame shows svg.crm-timeline');
}

/**
 * What the timeline panel shows, measured in the page: the zoom, the panel's and the
 * drawing's widths, the bars and go-live line that reach past the panel's right edge, and
 * the axis labels whose boxes (getBBox) overlap another label of their row.
 */
function inspectChart(frame) {
  return frame.evaluate(() => {
    const chart = document.querySelector('.chart');
    const svg = chart?.querySelector('svg.crm-timeline');
    if (!chart || !svg) return { missing: true };
    const right = chart.getBoundingClientRect().left + chart.clientWidth;
    const outside = [...svg.querySelectorAll('[data-kind="phase"] .bar, line.go-live')]
      .filter((e) => e.getBoundingClientRect().right > right + 0.5)
      .map((e) => e.closest('[data-id]')?.getAttribute('data-id') ?? e.getAttribute('class'));
    const rows = new Map();
    for (const t of svg.querySelectorAll('text.axis-label')) {
      const b = t.getBBox();
      const key = t.getAttribute('y');
      rows.set(key, [...(rows.get(key) ?? []), { x: b.x, right: b.x + b.width, text: t.textContent }]);
    }
    const overlaps = [];
    for (const labels of rows.values()) {
      labels.sort((a, b) => a.x - b.x);
      for (let i = 1; i < labels.length; i++) if (labels[i - 1].right > labels[i].x) overlaps.push(`"${labels[i - 1].text}" and "${labels[i].text}"`);
    }
    return {
      zoom: chart.dataset.zoom,
      panelWidth: chart.clientWidth,
      scrollWidth: chart.scrollWidth,
      svgWidth: Number(svg.getAttribute('width')),
      phases: svg.querySelectorAll('[data-kind="phase"]').length,
      goLive: svg.querySelectorAll('line.go-live').length,
      labels: svg.querySelectorAll('text.axis-label').length,
      outside,
      overlaps,
    };
  });
}

/** Problems with a drawing that should show the whole plan in the panel. */
function fitProblems(found) {
  const problems = [];
  if (found.missing) return ['no chart'];
  if (found.zoom !== 'fit') problems.push(`zoom is ${found.zoom}, not fit`);
  if (found.scrollWidth > found.panelWidth) problems.push(`scrolls sideways: ${found.scrollWidth}px in a ${found.panelWidth}px panel`);
  if (found.outside.length > 0) problems.push(`past the right edge: ${found.outside.join(', ')}`);
  if (found.goLive < 1) problems.push('no go-live line');
  if (found.overlaps.length > 0) problems.push(`overlapping axis labels: ${found.overlaps.join('; ')}`);
  return problems;
}

/** Answers the tour's checkpoints until the session ends. */
/**
 * The on-screen box of a phase's bar, scrolled into view. The chart redraws whenever the server
 * sends a new timeline (a re-lint after an edit or a change on disk), which replaces the bar's
 * element; if that happens between finding the bar and measuring it, find it again (a few
 * times: each redraw is a reply to a change, and the tour makes none meanwhile).
 */
async function barBox(frame, id) {
  for (let attempt = 1; ; attempt++) {
    const bar = frame.locator(`[data-id="${id}"][data-kind="phase"] rect.bar`);
    try {
      // A redraw replaces the chart: wait until the bar is there and shown, then measure it. A bar
      // replaced between these steps measures as nothing (null) or is "not attached": find it again.
      await bar.waitFor({ state: 'visible', timeout: 10_000 });
      await bar.scrollIntoViewIfNeeded();
      const box = await bar.boundingBox();
      if (box || attempt >= 5) return box;
    } catch (error) {
      if (attempt >= 5 || !/not attached/.test(String(error))) throw error;
    }
  }
}

function answerCheckpoints(page, tourDir, dialogs, stopped) {
  let n = 1;
  const answer = async (checkpoint) => {
    if (checkpoint.name === 'viewport') {
      await page.setViewportSize({ width: checkpoint.width, height: checkpoint.height });
      return { ok: true };
    }
    const frame = await timelineFrame(page);
    switch (checkpoint.name) {
      case 'inspect-escaping': {
        const found = await frame.evaluate(() => {
          const svg = document.querySelector('svg.crm-timeline');
          const texts = [...(svg?.querySelectorAll('text, title') ?? [])].map((t) => t.textContent ?? '');
          return {
            scripts: document.querySelectorAll('svg script, svg foreignObject, svg iframe, svg [onload], svg [onerror], img').length,
            shownAsText: texts.some((t) => t.includes('<script>document.title')) && texts.some((t) => t.includes('</text><script>alert("phase")</script>')),
            title: document.title,
            csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
            inlineHandlers: [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))),
          };
        });
        const problems = [];
        if (found.scripts > 0) problems.push(`${found.scripts} script-capable element(s) in the chart`);
        if (!found.shownAsText) problems.push('the plan names are not shown as literal text');
        if (found.title === 'pwned') problems.push('a script from the plan ran');
        if (found.inlineHandlers) problems.push('an element carries an inline event handler');
        if (!/default-src 'none'/.test(found.csp) || !/script-src 'nonce-[^']+'/.test(found.csp)) problems.push(`weak CSP: ${found.csp}`);
        if (dialogs.length > 0) problems.push(`dialogs opened: ${dialogs.join(' | ')}`);
        return { ok: problems.length === 0, detail: problems.join('; ') };
      }
      case 'press-enter-on': {
        const selector = `[data-id="${checkpoint.id}"][data-kind]`;
        await frame.focus(selector);
        await frame.press(selector, 'Enter');
        return { ok: true };
      }
      case 'click': {
        await frame.click(`[data-id="${checkpoint.id}"][data-kind]`);
        return { ok: true };
      }
      case 'drag': {
        // Drags the bar `days` calendar days along the axis with the mouse, waiting for the
        // server's preview label before letting go; the day width is the bar's own.
        const box = await barBox(frame, checkpoint.id);
        const days = await frame.evaluate((id) => {
          const g = document.querySelector(`[data-id="${id}"][data-kind="phase"]`);
          const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
          return day(g.getAttribute('data-end')) - day(g.getAttribute('data-start')) + 1;
        }, checkpoint.id);
        if (!box) return { ok: false, detail: `no bar for ${checkpoint.id}` };
        const dayWidth = box.width / days;
        const x = box.x + Math.min(box.width / 3, 3 * dayWidth);
        const y = box.y + box.height / 2;
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.mouse.move(x + checkpoint.days * dayWidth, y, { steps: 12 });
        await frame.waitForSelector(`.drag-label[data-days="${checkpoint.days}"]:not([hidden])`, { timeout: 10_000 });
        const label = await frame.textContent('.drag-label');
        if (checkpoint.screenshot) {
          // The picture the README shows: the bar mid-drag with the server's preview under it.
          const dir = wantScreenshots ? path.join(repo, 'docs', 'images') : path.join(tourDir, 'shots');
          mkdirSync(dir, { recursive: true });
          await page.screenshot({ path: path.join(dir, checkpoint.screenshot) });
        }
        await page.mouse.up();
        return { ok: true, detail: label ?? '' };
      }
      case 'drag-refused': {
        // The same mouse drag where dragging is off: nothing may follow the pointer; answers what
        // the live region says instead.
        // The live region is emptied first: an empty one takes no room, so the chart moves up.
        await frame.evaluate(() => {
          document.querySelector('.drag-status').textContent = '';
        });
        const box = await barBox(frame, checkpoint.id);
        if (!box) return { ok: false, detail: `no bar for ${checkpoint.id}` };
        const x = box.x + box.width / 3;
        const y = box.y + box.height / 2;
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.mouse.move(x + box.width, y, { steps: 12 });
        await frame.waitForFunction(() => document.querySelector('.drag-status')?.textContent !== '', undefined, { timeout: 10_000 });
        const moved = await frame.evaluate(
          (id) => !!document.querySelector(`[data-id="${id}"][data-kind].is-dragging, [data-id="${id}"][data-kind][transform]`) || !!document.querySelector('.drag-label:not([hidden])'),
          checkpoint.id,
        );
        await page.mouse.up();
        if (moved) return { ok: false, detail: 'the bar followed the pointer although dragging is off' };
        return { ok: true, detail: (await frame.textContent('.drag-status')) ?? '' };
      }
      case 'expect-drag-off': {
        // What the line above the chart says about dragging: `text`, or nothing (hidden) when it is on.
        const shown = (text) => {
          const line = document.querySelector('.drag-off');
          return !!line && (text ? !line.hidden && line.textContent === text : line.hidden);
        };
        try {
          await frame.waitForFunction(shown, checkpoint.text, { timeout: 10_000 });
          return { ok: true };
        } catch {
          const line = await frame.evaluate(() => {
            const el = document.querySelector('.drag-off');
            return el ? `${el.hidden ? 'hidden' : 'shown'}: ${el.textContent}` : 'no .drag-off line';
          });
          return { ok: false, detail: `expected ${checkpoint.text ? `"${checkpoint.text}"` : 'no reason'}, found ${line}` };
        }
      }
      case 'press-on': {
        // A key on a focused bar; answers what the live region then says.
        const selector = `[data-id="${checkpoint.id}"][data-kind]`;
        const before = await frame.textContent('.drag-status');
        await frame.focus(selector);
        await frame.press(selector, checkpoint.key);
        await frame.waitForFunction((text) => {
          const status = document.querySelector('.drag-status')?.textContent ?? '';
          return status !== '' && status !== text;
        }, before, { timeout: 10_000 });
        return { ok: true, detail: (await frame.textContent('.drag-status')) ?? '' };
      }
      case 'expect-highlight': {
        await frame.waitForSelector(`[data-id="${checkpoint.id}"][data-kind].is-current`, { timeout: 10_000 });
        return { ok: true };
      }
      case 'expect-lanes': {
        // What the webview's DOM shows: lane titles, the bars marked critical (and drawn in a
        // colour of their own), and dependency arrows that start at a milestone's diamond.
        const found = await frame.evaluate(() => {
          const svg = document.querySelector('svg.crm-timeline');
          const strokeOf = (selector) => {
            const bar = svg?.querySelector(selector);
            return bar ? getComputedStyle(bar).stroke : undefined;
          };
          return {
            lanes: [...(svg?.querySelectorAll('text.lane-label') ?? [])].map((t) => t.textContent),
            critical: [...(svg?.querySelectorAll('g.phase.critical[data-critical="true"]') ?? [])].map((g) => g.getAttribute('data-id')),
            criticalStroke: strokeOf('g.phase.critical .bar'),
            otherStroke: strokeOf('g.phase:not(.critical) .bar'),
            milestoneArrows: [...(svg?.querySelectorAll('g.dependency[data-milestone]') ?? [])].map((g) => g.getAttribute('data-milestone')),
            holidayTitles: [...(svg?.querySelectorAll('rect.holiday > title') ?? [])].map((t) => t.textContent),
            summary: document.querySelector('.toolbar .summary')?.textContent ?? '',
          };
        });
        const problems = [];
        const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
        if (!same(found.lanes, checkpoint.lanes)) problems.push(`lanes ${JSON.stringify(found.lanes)}, expected ${JSON.stringify(checkpoint.lanes)}`);
        if (!same([...found.critical].sort(), [...checkpoint.critical].sort())) problems.push(`critical bars ${JSON.stringify(found.critical)}, expected ${JSON.stringify(checkpoint.critical)}`);
        if (!found.criticalStroke || found.criticalStroke === found.otherStroke) problems.push(`critical bars are not drawn in a colour of their own (${found.criticalStroke} vs ${found.otherStroke})`);
        if (!same(found.milestoneArrows, checkpoint.milestoneArrows)) problems.push(`arrows from milestones ${JSON.stringify(found.milestoneArrows)}`);
        for (const holiday of checkpoint.holidays) if (!found.holidayTitles.includes(holiday)) problems.push(`no shaded "${holiday}"`);
        if (!found.summary.startsWith(checkpoint.summary)) problems.push(`toolbar summary "${found.summary}", expected it to start "${checkpoint.summary}"`);
        return { ok: problems.length === 0, detail: problems.join('; ') };
      }
      case 'expect-ghosts': {
        // A forecast over its planned schedule: faint ghost bars, slip labels, achieved and overdue milestones.
        // The as-of setting was just changed: wait for the drawing made with it.
        await frame.waitForFunction((asOf) => document.querySelector(`svg.crm-timeline[data-as-of="${asOf}"]`) !== null, checkpoint.asOf, { timeout: 15_000 });
        const found = await frame.evaluate(() => {
          const svg = document.querySelector('svg.crm-timeline');
          const ids = (selector) => [...(svg?.querySelectorAll(selector) ?? [])].map((e) => e.closest('[data-id]')?.getAttribute('data-id'));
          return {
            ghosts: ids('rect.ghost'),
            slips: [...(svg?.querySelectorAll('text.slip') ?? [])].map((t) => `${t.closest('[data-id]')?.getAttribute('data-id')} ${t.textContent}`),
            achieved: ids('g.milestone.achieved'),
            overdue: ids('g.milestone.overdue'),
            ghostUnderBar: [...(svg?.querySelectorAll('rect.ghost') ?? [])].every((g) => g.nextElementSibling?.classList.contains('bar')),
          };
        });
        const problems = [];
        for (const key of ['ghosts', 'slips', 'achieved', 'overdue']) {
          if (JSON.stringify(found[key]) !== JSON.stringify(checkpoint[key])) problems.push(`${key} ${JSON.stringify(found[key])}, expected ${JSON.stringify(checkpoint[key])}`);
        }
        if (!found.ghostUnderBar) problems.push('a ghost bar is not drawn right under its forecast bar');
        return { ok: problems.length === 0, detail: problems.join('; ') };
      }
      case 'expect-status-report': {
        // A status report panel showing the plan; with `timeline`, also its timeline drawn (after
        // the window reload, both pages are the extension's new answers: VS Code keeps only the
        // webviews' state).
        if (checkpoint.timeline) await timelineFrame(page);
        const deadline = Date.now() + 20_000;
        while (Date.now() < deadline) {
          for (const frame of page.frames()) {
            const report = await frame
              .evaluate(() => {
                const verdict = document.querySelector('[data-status]');
                return verdict ? { status: verdict.getAttribute('data-status'), text: document.body.textContent ?? '' } : undefined;
              })
              .catch(() => undefined);
            if (!report) continue;
            const problems = [];
            if (!report.text.includes(checkpoint.plan)) problems.push(`the report does not name the plan "${checkpoint.plan}"`);
            return { ok: problems.length === 0, detail: problems.join('; ') || `a ${report.status} report` };
          }
          await new Promise((r) => setTimeout(r, 200));
        }
        return { ok: false, detail: 'no webview frame shows a status report' };
      }
      case 'expect-fitted': {
        // The panel redraws once its size settles; wait for a drawing as wide as the panel.
        await frame.waitForFunction(() => {
          const chart = document.querySelector('.chart');
          const svg = chart?.querySelector('svg.crm-timeline');
          return !!svg && Number(svg.getAttribute('width')) === chart.clientWidth;
        }, undefined, { timeout: 15_000 });
        const found = await inspectChart(frame);
        const problems = fitProblems(found);
        if (found.panelWidth < 400 || found.panelWidth > 700) problems.push(`the panel is ${found.panelWidth}px wide, not about 520px`);
        return { ok: problems.length === 0, detail: `${problems.join('; ')} (panel ${found.panelWidth}px, ${found.phases} phases, ${found.labels} axis labels)` };
      }
      case 'zoom-by-keys': {
        // Focus a bar, press + until the month zoom (checking the axis at each level), then − back to fit.
        const bar = '[data-kind="phase"]';
        await frame.focus(bar);
        const problems = [];
        const seen = [];
        const press = async (key) => {
          const before = (await inspectChart(frame)).zoom;
          await frame.press(bar, key);
          await frame.waitForFunction((zoom) => document.querySelector('.chart')?.dataset.zoom !== zoom, before, { timeout: 10_000 });
          const found = await inspectChart(frame);
          seen.push(found.zoom);
          if (found.overlaps.length > 0) problems.push(`at ${found.zoom}: overlapping axis labels ${found.overlaps.join('; ')}`);
          if (found.labels === 0) problems.push(`at ${found.zoom}: no axis labels`);
          return found;
        };
        let found = await inspectChart(frame);
        while (found.zoom !== 'month' && seen.length < 4) found = await press('+');
        if (found.zoom !== 'month') problems.push(`+ went through ${seen.join(', ')} without reaching month`);
        if (found.scrollWidth <= found.panelWidth) problems.push('the month zoom does not scroll sideways');
        if (checkpoint.screenshot) {
          await page.waitForTimeout(300);
          const dir = wantScreenshots ? path.join(repo, 'docs', 'images') : path.join(tourDir, 'shots');
          mkdirSync(dir, { recursive: true });
          await page.screenshot({ path: path.join(dir, checkpoint.screenshot) });
        }
        while (found.zoom !== 'week' && seen.length < 8) found = await press('+');
        while (found.zoom !== 'fit' && seen.length < 14) found = await press('-');
        problems.push(...fitProblems(found).map((p) => `back at fit: ${p}`));
        return { ok: problems.length === 0, detail: `${problems.join('; ')} (zooms: ${seen.join(' → ')})` };
      }
      case 'screenshot': {
        await frame.waitForFunction((cls) => document.body.classList.contains(cls), checkpoint.bodyClass, { timeout: 15_000 });
        // Let the theme's transition and the last redraw settle before the picture.
        await page.waitForTimeout(800);
        // Only the pictures docs/vscode.md shows go to docs/images, and only when asked for.
        const dir = wantScreenshots && checkpoint.docs ? path.join(repo, 'docs', 'images') : path.join(tourDir, 'shots');
        mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: path.join(dir, checkpoint.file) });
        return { ok: true, detail: path.join(dir, checkpoint.file) };
      }
      default:
        return { ok: false, detail: `unknown checkpoint ${checkpoint.name}` };
    }
  };
  return (async () => {
    while (!stopped()) {
      const file = path.join(tourDir, `checkpoint-${n}.json`);
      if (!existsSync(file)) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const checkpoint = JSON.parse(readFileSync(file, 'utf8'));
      let ack;
      try {
        ack = await answer(checkpoint);
      } catch (error) {
        ack = { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
      // Written whole, then renamed: the tour polls for the file and must never read half of it.
      const ackFile = path.join(tourDir, `ack-${n}.json`);
      writeFileSync(`${ackFile}.part`, JSON.stringify(ack));
      renameSync(`${ackFile}.part`, ackFile);
      n++;
    }
  })();
}

/** Opens the workbench and resolves with the exit code the tests report through the smoke-test driver hooks. */
async function runSession(browser, name, url, { tourDir } = {}) {
  // The clipboard permissions let "Copy as Mermaid" be read back by the tests.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const dialogs = [];
  let exit;
  const exited = new Promise((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    if (verbose) console.error(`[${name}:${type}]`, ...(Array.isArray(args) ? args : [args]));
  });
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  if (verbose) page.on('console', (m) => console.error(`[${name}:console] ${m.text()}`));
  let done = false;
  const answering = tourDir ? answerCheckpoints(page, tourDir, dialogs, () => done) : Promise.resolve();
  const started = Date.now();
  await page.goto(url);
  const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), SESSION_LIMIT_MS))]);
  done = true;
  await answering;
  if (verbose) console.error(`[${name}] ended with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await context.close();
  return code;
}

function readResults(file, prefix) {
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const t of data.tests) record(`${prefix}${t.title}`, t.state === 'passed', t.error);
  rmSync(file);
  return data;
}

async function main() {
  if (!codeServer) throw new Error('usage: driver.mjs --code-server <dir> [--screenshots] [--vsix] [--verbose]');
  const serverMain = path.join(codeServer, 'lib', 'vscode', 'out', 'server-main.js');
  const started = Date.now();
  const work = mkdtempSync(path.join(tmpdir(), 'crm-rollout-e2e-'));
  const resultsFile = path.join(work, 'results.json');
  const tourDir = path.join(work, 'tour');
  mkdirSync(tourDir);
  const testsWorkspace = makeTestsWorkspace(path.join(work, 'tests-ws'));
  const tourWorkspace = makeTourWorkspace(path.join(work, 'tour-ws'));
  const port = await freePort();
  const server = await startServer(serverMain, port, work, { CRM_ROLLOUT_E2E_RESULTS: resultsFile, CRM_ROLLOUT_E2E_TOUR: tourDir });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  try {
    const dev = [['extensionDevelopmentPath', remote(port, repo)]];
    const testsCode = await runSession(browser, 'tests', workbenchUrl(port, testsWorkspace, [...dev, ['extensionTestsPath', remote(port, path.join(repo, 'out', 'test', 'index.js'))]]));
    const tests = readResults(resultsFile, '');
    if (!tests) record('extension tests ran and reported', false, `no results; the session ended with ${testsCode}\n${server.log.join('').slice(-4000)}`);
    else if (tests.failed === 0 && testsCode !== 0) record('extension host exit code', false, `tests passed but the session ended with ${testsCode}`);
    if (tests?.activation) {
      const a = tests.activation;
      console.log(`activation: commands registered after ${a.registeredMs.toFixed(1)} ms, language server ready after ${a.serverReadyMs?.toFixed(1) ?? '?'} ms (VS Code ${tests.vscodeVersion})`);
    }

    const tourCode = await runSession(browser, 'tour', workbenchUrl(port, tourWorkspace, [...dev, ['extensionTestsPath', remote(port, path.join(repo, 'out', 'test', 'tour.js'))]]), { tourDir });
    const tour = readResults(resultsFile, '');
    if (!tour) record('tour ran and reported', false, `no results; the session ended with ${tourCode}`);

    if (wantVsix) await checkVsix(browser, serverMain, work, testsWorkspace);
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`e2e: ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Kept after a failure (or with --keep), for its logs, workspaces and screenshots.
  if (!keep && results.every((r) => r.state === 'passed')) rmSync(work, { recursive: true, force: true });
  else console.log(`e2e: work files kept in ${work}`);
}

/** Installs the packaged extension into a fresh server and checks it activates on a plan, without the development copy. */
async function checkVsix(browser, serverMain, work, workspace) {
  const vsix = path.join(repo, 'crm-rollout.vsix');
  const dataDir = path.join(work, 'vsix');
  mkdirSync(path.join(dataDir, 'extensions'), { recursive: true });
  const install = spawnSync(process.execPath, [serverMain, '--extensions-dir', path.join(dataDir, 'extensions'), '--install-extension', vsix, '--force'], { encoding: 'utf8' });
  const installed = install.status === 0 && /successfully installed|already installed/i.test(install.stdout + install.stderr);
  record('vsix: installs into code-server', installed, installed ? undefined : `${install.stdout}\n${install.stderr}`);
  if (!installed) return;
  // VS Code runs a tests file only for an extension under development: an empty probe plays that part.
  const probe = path.join(dataDir, 'probe');
  mkdirSync(probe, { recursive: true });
  writeFileSync(path.join(probe, 'package.json'), JSON.stringify({ name: 'vsix-probe', publisher: 'crm-rollout-tests', version: '0.0.0', engines: { vscode: '^1.91.0' } }));
  const port = await freePort();
  const resultsFile = path.join(dataDir, 'results.json');
  const server = await startServer(serverMain, port, dataDir, { CRM_ROLLOUT_E2E_RESULTS: resultsFile });
  try {
    const payload = [['extensionDevelopmentPath', remote(port, probe)], ['extensionTestsPath', remote(port, path.join(repo, 'out', 'test', 'vsix.js'))]];
    const code = await runSession(browser, 'vsix', workbenchUrl(port, workspace, payload));
    const data = readResults(resultsFile, 'vsix: ');
    if (!data) record('vsix: the installed extension ran its checks', false, `no results; the session ended with ${code}`);
    else if (data.activation) console.log(`vsix activation: commands registered after ${data.activation.registeredMs.toFixed(1)} ms, language server ready after ${data.activation.serverReadyMs?.toFixed(1) ?? '?'} ms`);
  } finally {
    await server.stop();
  }
}

// Exits as soon as the results are out: nothing of the run is left to wait for.
main().then(
  () => finish(),
  (error) => finish({ title: 'end-to-end run', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
).finally(() => process.exit());
