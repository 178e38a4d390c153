import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { INSTANT_VALIDATION_MS, MAX_VALIDATION_DELAY_MS, VALIDATION_DELAY_MS, validationDelay } from '../../server/src/lsp/validation';
import { AS_OF, NORTHWIND, WORKSPACE_FILES } from './fixtures';
import { at, createWorkspace, LspServer } from './harness';

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const withOwner = (owner: string) => NORTHWIND.replace('owner: sam\n    after', `owner: ${owner}\n    after`);

/**
 * A clock for the server that moves only when the server reads it, by `lintMs` per read: the
 * validator reads it when a validation starts and when it ends, so every lint "takes"
 * `lintMs`, whatever the machine's load.
 */
function lintClock() {
  const clock = { lintMs: 0, time: 0, now: () => (clock.time += clock.lintMs) };
  return clock;
}

describe('the quiet time after a keystroke', () => {
  it('is the default until the file was linted once', () => {
    expect(validationDelay(undefined)).toBe(VALIDATION_DELAY_MS);
  });

  it('is zero after a lint faster than a frame', () => {
    expect(validationDelay(0)).toBe(0);
    expect(validationDelay(INSTANT_VALIDATION_MS - 0.1)).toBe(0);
  });

  it('is half the last lint after a slower one, so larger files wait longer', () => {
    expect(validationDelay(INSTANT_VALIDATION_MS)).toBe(INSTANT_VALIDATION_MS / 2);
    expect(validationDelay(120)).toBe(60);
    expect(validationDelay(400)).toBe(200);
  });

  it('is capped, however slow the lint', () => {
    expect(validationDelay(2 * MAX_VALIDATION_DELAY_MS)).toBe(MAX_VALIDATION_DELAY_MS);
    expect(validationDelay(60_000)).toBe(MAX_VALIDATION_DELAY_MS);
  });
});

/**
 * The debounce of validation after keystrokes, with the server's timers under the test's
 * control (the server runs in this process with vitest's fake timers) and its clock too:
 * "quick" changes are changes made before the quiet time has passed, whatever the machine's
 * load.
 */
describe('validation after quick changes', () => {
  const ws = createWorkspace(WORKSPACE_FILES);
  const planUri = ws.uri('plans/northwind.rollout.yaml');
  const clock = lintClock();
  let server: LspServer;

  /** Lints the plan once with each lint taking `lintMs`, which sets the next quiet time. */
  async function lintTaking(lintMs: number, owner: string): Promise<void> {
    clock.lintMs = lintMs;
    const version = server.change(planUri, withOwner(owner));
    await server.request('textDocument/documentSymbol', { textDocument: { uri: planUri } });
    vi.advanceTimersByTime(MAX_VALIDATION_DELAY_MS);
    await server.waitForDiagnostics(planUri, (p) => p.version === version);
  }

  /** Whether the change is linted after `delay` ms of quiet and not one ms before. */
  async function expectLintedAfter(delay: number, owner: string): Promise<void> {
    const version = server.change(planUri, withOwner(owner));
    await server.request('textDocument/documentSymbol', { textDocument: { uri: planUri } });
    if (delay > 0) {
      vi.advanceTimersByTime(delay - 1);
      await server.request('textDocument/documentSymbol', { textDocument: { uri: planUri } });
      expect(server.published(planUri).map((p) => p.version)).not.toContain(version);
    }
    vi.advanceTimersByTime(delay > 0 ? 1 : 0);
    expect((await server.waitForDiagnostics(planUri, (p) => p.version === version)).version).toBe(version);
  }

  beforeAll(async () => {
    server = await LspServer.startInProcess(ws.root, { settings: { asOf: AS_OF }, clock: clock.now });
    await server.open(planUri, NORTHWIND);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  it('publishes only the newest of several changes made within the quiet time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await lintTaking(200, 'x0');
    const before = server.published(planUri).length;
    server.change(planUri, withOwner('x1'));
    server.change(planUri, withOwner('x2'));
    const last = withOwner('x3');
    const third = server.change(planUri, last);
    // A request answered after the three notifications: the server has handled all of them.
    await server.request('textDocument/documentSymbol', { textDocument: { uri: planUri } });
    expect(server.published(planUri).length).toBe(before);
    vi.advanceTimersByTime(validationDelay(200));
    const published = await server.waitForDiagnostics(planUri, (p) => p.version === third);
    expect(byCode(published.diagnostics, 'known-references').map((d) => d.range)).toEqual([{ start: at(last, 'x3'), end: at(last, 'x3', 2) }]);
    expect(server.published(planUri).slice(before).map((p) => p.version)).toEqual([third]);
  });

  it('lints a change once the quiet time the last lint set has passed, not before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await lintTaking(120, 'x4');
    await expectLintedAfter(60, 'x5');
  });

  it('lints a change at once when the last lint was fast', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await lintTaking(INSTANT_VALIDATION_MS - 1, 'x6');
    await expectLintedAfter(0, 'x7');
  });

  it('waits longer after a slow lint, up to the cap', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await lintTaking(10_000, 'x8');
    await expectLintedAfter(MAX_VALIDATION_DELAY_MS, 'x9');
  });

  it('never publishes an older version after a newer one, and ends with the newest', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await lintTaking(1, 'y0');
    const before = server.published(planUri).length;
    const texts = new Map<number, string>();
    let version = 0;
    // Changes and timer runs interleave: validations start while newer changes are in flight.
    for (let i = 1; i <= 12; i++) {
      const text = withOwner(`y${i}`);
      version = server.change(planUri, text);
      texts.set(version, text);
      if (i % 3 === 0) await server.request('textDocument/documentSymbol', { textDocument: { uri: planUri } });
      vi.advanceTimersByTime(0);
    }
    await server.request('textDocument/documentSymbol', { textDocument: { uri: planUri } });
    vi.advanceTimersByTime(0);
    await server.waitForDiagnostics(planUri, (p) => p.version === version);
    const published = server.published(planUri).slice(before);
    const versions = published.map((p) => p.version ?? 0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(version);
    // Each publication is of the text of the version it names.
    for (const p of published) {
      const text = texts.get(p.version ?? 0)!;
      const owner = /owner: (y\d+)/.exec(text)![1];
      expect(byCode(p.diagnostics, 'known-references').map((d) => d.range)).toEqual([{ start: at(text, owner), end: at(text, owner, owner.length) }]);
    }
  });
});
