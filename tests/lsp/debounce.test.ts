import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { VALIDATION_DELAY_MS } from '../../server/src/lsp/validation';
import { AS_OF, NORTHWIND, WORKSPACE_FILES } from './fixtures';
import { at, createWorkspace, LspServer } from './harness';

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const withOwner = (owner: string) => NORTHWIND.replace('owner: sam\n    after', `owner: ${owner}\n    after`);

/**
 * The debounce of validation after keystrokes, with the server's timers under the test's
 * control (the server runs in this process with vitest's fake timers): "quick" changes are
 * changes made before the quiet time has passed, whatever the machine's load.
 */
describe('validation after quick changes', () => {
  const ws = createWorkspace(WORKSPACE_FILES);
  const planUri = ws.uri('plans/northwind.rollout.yaml');
  let server: LspServer;

  beforeAll(async () => {
    server = await LspServer.startInProcess(ws.root, { settings: { asOf: AS_OF } });
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
    const before = server.published(planUri).length;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server.change(planUri, withOwner('x1'));
    server.change(planUri, withOwner('x2'));
    const last = withOwner('x3');
    const third = server.change(planUri, last);
    // A request answered after the three notifications: the server has handled all of them.
    await server.request('textDocument/documentSymbol', { textDocument: { uri: planUri } });
    expect(server.published(planUri).length).toBe(before);
    vi.advanceTimersByTime(VALIDATION_DELAY_MS);
    const published = await server.waitForDiagnostics(planUri, (p) => p.version === third);
    expect(byCode(published.diagnostics, 'known-references').map((d) => d.range)).toEqual([{ start: at(last, 'x3'), end: at(last, 'x3', 2) }]);
    expect(server.published(planUri).slice(before).map((p) => p.version)).toEqual([third]);
  });

  it('lints a change once the quiet time has passed, not before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const version = server.change(planUri, withOwner('x4'));
    await server.request('textDocument/documentSymbol', { textDocument: { uri: planUri } });
    vi.advanceTimersByTime(VALIDATION_DELAY_MS - 1);
    await server.request('textDocument/documentSymbol', { textDocument: { uri: planUri } });
    expect(server.published(planUri).map((p) => p.version)).not.toContain(version);
    vi.advanceTimersByTime(1);
    expect((await server.waitForDiagnostics(planUri, (p) => p.version === version)).version).toBe(version);
  });
});
