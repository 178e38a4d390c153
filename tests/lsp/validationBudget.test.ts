import { afterEach, describe, expect, it } from 'vitest';
import { WORKER_MIN_LENGTH } from '../../server/src/lsp/checkWorkers';
import { at, createWorkspace, LspServer } from './harness';

/**
 * A huge plan never blocks the server: a file of at least WORKER_MIN_LENGTH is checked in a
 * worker thread (server/src/lsp/checkWorkers.ts), which a newer text, closing the file or
 * shutdown ends, and which the time budget ends with a `limits` finding; smaller files are linted
 * in stages on the server's thread. Every assertion is on the order of messages on stdio (a
 * request answered before the huge plan's diagnostics are published), never on a clock.
 */

const PLAN_HEAD = 'plan: 1\nname: Huge\nsponsor: dana\npeople:\n  - { id: dana, name: Dana Whitfield }\nphases:\n  - id: build\n    name: Build\n    kind: configuration\n    checklist:\n';

/** 6,000 checklist items, each with an unknown key: over the size checked in a worker, and a second or more of checking. */
function hugePlan(): string {
  return PLAN_HEAD + Array.from({ length: 6_000 }, (_, i) => `      - { task: T${i}, owner: dana, bogus: ${i} }\n`).join('');
}

const servers: LspServer[] = [];
const workspaces: { dispose(): void }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const workspace of workspaces.splice(0)) workspace.dispose();
});

async function start(env?: Record<string, string>) {
  const workspace = createWorkspace({});
  workspaces.push(workspace);
  const server = await LspServer.start(workspace.root, { env });
  servers.push(server);
  return { server, workspace, uri: workspace.uri('huge.rollout.yaml') };
}

const SMALL_PLAN = 'plan: 1\nname: Small\nsponsor: ravi\npeople:\n  - { id: ravi, name: Ravi Menon }\nphases:\n  - id: go\n    name: Go\n    kind: go-live\n';

/** A budget no check reaches, however busy the machine: a check stopped early would publish before the requests. */
const NO_BUDGET = { CRM_ROLLOUT_VALIDATION_BUDGET_MS: String(60 * 60 * 1000) };

function hoverText(hover: unknown): string {
  const contents = (hover as { contents?: { value?: string } } | null)?.contents;
  return contents?.value ?? '';
}

describe('validation of a huge plan', () => {
  it('is over the size checked in a worker', () => {
    expect(hugePlan().length).toBeGreaterThanOrEqual(WORKER_MIN_LENGTH);
  });

  it('answers hovers and completions on another plan, and says the huge one is still being checked, before publishing its diagnostics', async () => {
    const { server, uri, workspace } = await start(NO_BUDGET);
    const small = workspace.uri('small.rollout.yaml');
    await server.open(small, SMALL_PLAN);
    server.openQuietly(uri, hugePlan());
    const answered: string[] = [];
    const note = (name: string) => (answer: unknown) => {
      answered.push(`${name} (diagnostics of the huge plan published: ${server.published(uri).length})`);
      return answer;
    };
    const [smallHover, smallCompletion, hugeHover, hugeCompletion] = await Promise.all([
      server.request('textDocument/hover', { textDocument: { uri: small }, position: at(SMALL_PLAN, 'ravi') }).then(note('hover on the small plan')),
      server.request('textDocument/completion', { textDocument: { uri: small }, position: at(SMALL_PLAN, 'go-live') }).then(note('completion on the small plan')),
      server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } }).then(note('hover on the huge plan')),
      server.request('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 10 } }).then(note('completion on the huge plan')),
    ]);
    expect(answered.sort()).toEqual([
      'completion on the huge plan (diagnostics of the huge plan published: 0)',
      'completion on the small plan (diagnostics of the huge plan published: 0)',
      'hover on the huge plan (diagnostics of the huge plan published: 0)',
      'hover on the small plan (diagnostics of the huge plan published: 0)',
    ]);
    expect(hoverText(smallHover)).toContain('Ravi Menon');
    expect(JSON.stringify(smallCompletion)).toContain('go-live');
    expect(hoverText(hugeHover)).toBe('crm-rollout is still checking this large file; hovers and completion answer once its diagnostics are shown.');
    // Incomplete, so the editor asks again at the next keystroke.
    expect(hugeCompletion).toEqual({ isIncomplete: true, items: [] });

    const diagnostics = await server.waitForDiagnostics(uri);
    expect(diagnostics.version).toBe(1);
    expect(diagnostics.diagnostics.filter((d) => d.code === 'schema').length).toBeGreaterThan(0);
    // Once checked, the worker answers the huge plan's requests from its analysis.
    expect(hoverText(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } }))).toContain('Dana Whitfield');
    const symbols = await server.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['people', 'phases']);
    const unknownKey = diagnostics.diagnostics.find((d) => d.code === 'schema')!;
    const actions = await server.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: unknownKey.range,
      context: { diagnostics: [unknownKey], only: ['quickfix'] },
    });
    expect(actions.map((a) => a.title)).toContain('disable schema for this line');
  }, 120_000);

  it('answers shutdown while the huge plan is checked, never publishes its diagnostics, and exits cleanly', async () => {
    const { server, uri } = await start(NO_BUDGET);
    server.openQuietly(uri, hugePlan());
    const exited = new Promise<number | null>((resolve) => server.process!.on('exit', (code) => resolve(code)));
    await server.request('shutdown', null);
    expect(server.published(uri)).toEqual([]);
    server.connection.sendNotification('exit');
    expect(await exited).toBe(0);
    expect(server.published(uri)).toEqual([]);
  }, 120_000);

  it('drops the check of a text the document no longer holds: only the newest version gets diagnostics', async () => {
    const { server, uri } = await start(NO_BUDGET);
    const first = hugePlan();
    server.openQuietly(uri, first);
    const version = server.change(uri, first.replace('name: Huge', 'name: Huger'));
    const diagnostics = await server.waitForDiagnostics(uri, (p) => p.version === version);
    expect(diagnostics.diagnostics.filter((d) => d.code === 'schema').length).toBeGreaterThan(0);
    expect(server.published(uri).map((p) => p.version)).toEqual([version]);
  }, 120_000);

  it('ends a check over its time budget by ending the worker, with a limits finding on the first line', async () => {
    const { server, uri } = await start({ CRM_ROLLOUT_VALIDATION_BUDGET_MS: '1' });
    server.openQuietly(uri, hugePlan());
    const { diagnostics } = await server.waitForDiagnostics(uri);
    const limit = diagnostics.find((d) => d.code === 'limits');
    expect(limit).toMatchObject({ severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 'plan: 1'.length } } });
    expect(limit?.message).toMatch(/^checking this file took longer than 0\.001 s, so the editor stopped before its (parse|schema|imports|model|rules|waivers) checks/);
    // The stopped check left no analysis: a hover on the plan answers nothing rather than waiting.
    expect(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } })).toBeNull();
  }, 120_000);
});

describe('the verbose trace of a check in a worker', () => {
  it('names the file and its time as the main thread\'s "linted … in N ms" line does, so the bench can read it', async () => {
    const workspace = createWorkspace({});
    workspaces.push(workspace);
    const server = await LspServer.start(workspace.root, { env: NO_BUDGET, settings: { trace: { server: 'verbose' } } });
    servers.push(server);
    const uri = workspace.uri('huge.rollout.yaml');
    await server.open(uri, hugePlan());
    // The trace line follows the diagnostics; any answer after them comes after it on stdio.
    await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    const line = server.logs.find((l) => l.includes('in a worker'));
    expect(line).toMatch(/^crm-rollout: checked \S*huge\.rollout\.yaml in a worker in \d+\.\d ms \(\d+ findings\)$/);
  });
});

describe('a validation over its time budget', () => {
  it('ends with a limits finding at the top of the file, keeping the findings of the stages that ran', async () => {
    const { server, uri } = await start({ CRM_ROLLOUT_VALIDATION_BUDGET_MS: '0' });
    const text = `${PLAN_HEAD}      - { task: Back up, owner: dana }\n  - id: dup\n    name: A\n    name: B\n    kind: design\n`;
    const { diagnostics } = await server.open(uri, text);
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain('yaml-syntax');
    const limit = diagnostics.find((d) => d.code === 'limits');
    expect(limit).toMatchObject({
      severity: 1,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 'plan: 1'.length } },
      message:
        'checking this file took longer than 0 s, so the editor stopped before its schema checks and shows only the findings found so far; split it into smaller files with imports, or run crm-rollout lint on it',
    });
    // A hover on the stopped plan is still answered.
    expect(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } })).not.toBeUndefined();
  });
});

describe('80,000 invalid checklist items, the plan that once held the server 36 s without a diagnostic', () => {
  it('answers a hover on another plan before its diagnostics, then publishes a clear finding for it', async () => {
    const { server, uri, workspace } = await start();
    const small = workspace.uri('small.rollout.yaml');
    await server.open(small, SMALL_PLAN);
    server.openQuietly(uri, PLAN_HEAD + Array.from({ length: 80_000 }, (_, i) => `      - { task: T${i}, owner: dana, bogus: ${i} }\n`).join(''));
    const hover = await server.request('textDocument/hover', { textDocument: { uri: small }, position: at(SMALL_PLAN, 'ravi') });
    expect(server.published(uri)).toEqual([]);
    expect(hoverText(hover)).toContain('Ravi Menon');
    // Within the editor's budget every unknown key is a schema finding; past it, the limits finding says the check stopped.
    const { diagnostics } = await server.waitForDiagnostics(uri);
    const checked = diagnostics.filter((d) => d.code === 'schema').length >= 80_000;
    const stopped = diagnostics.some((d) => d.code === 'limits' && d.range.start.line === 0 && d.message.startsWith('checking this file took longer than 10 s'));
    expect(checked || stopped).toBe(true);
  }, 120_000);
});
