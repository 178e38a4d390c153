import { afterEach, describe, expect, it } from 'vitest';
import { AS_OF, CONFIG, NORTHWIND, PEOPLE } from './fixtures';
import { at, createWorkspace, LspServer, type ProgressMessage } from './harness';

const PLAN_COUNT = 200;
/** Linting 200 plans on a busy shared machine can take a while; this only bounds the wait. */
const WORKSPACE_WAIT_MS = 150_000;

/** A workspace of `count` plans sharing one people directory. */
function bigWorkspace(count: number): ReturnType<typeof createWorkspace> {
  const files: Record<string, string> = { 'people.yaml': PEOPLE, '.crm-rollout.yaml': CONFIG };
  for (let i = 0; i < count; i++) files[`plans/p${String(i).padStart(3, '0')}.rollout.yaml`] = NORTHWIND.replace('name: Northwind rollout', `name: Northwind rollout ${i}`);
  return createWorkspace(files);
}

const kinds = (messages: ProgressMessage[]) => messages.map((m) => m.value.kind);

describe('work-done progress', () => {
  let server: LspServer | undefined;
  let ws: ReturnType<typeof createWorkspace> | undefined;
  afterEach(async () => {
    await server?.stop();
    ws?.dispose();
    server = undefined;
    ws = undefined;
  });

  it(`reports begin, rising percentages and end while linting a workspace of ${PLAN_COUNT} plans`, async () => {
    ws = bigWorkspace(PLAN_COUNT);
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF, validate: 'workspace' }, workDoneProgress: true });
    const end = await server.waitForProgress((p) => p.value.kind === 'end', WORKSPACE_WAIT_MS);
    expect(server.progressTokens).toEqual([end.token]);
    const own = server.progress.filter((p) => p.token === end.token);
    expect(own[0].value).toMatchObject({ kind: 'begin', title: 'crm-rollout: linting workspace plans', percentage: 0, cancellable: true });
    const reports = own.filter((p) => p.value.kind === 'report');
    expect(kinds(own)).toEqual(['begin', ...reports.map(() => 'report'), 'end']);
    const percentages = reports.map((r) => r.value.percentage ?? -1);
    expect(percentages).toEqual([...percentages].sort((a, b) => a - b));
    expect(new Set(percentages).size).toBe(percentages.length);
    expect(percentages.at(-1)).toBe(100);
    expect(reports.at(-1)?.value.message).toBe(`${PLAN_COUNT}/${PLAN_COUNT} plans`);
    // Every plan was linted by the time the progress ended.
    for (let i = 0; i < PLAN_COUNT; i++) expect(server.published(ws.uri(`plans/p${String(i).padStart(3, '0')}.rollout.yaml`)).length).toBeGreaterThan(0);
  }, WORKSPACE_WAIT_MS + 30_000);

  it('stops linting the workspace when the user cancels the progress', async () => {
    ws = bigWorkspace(PLAN_COUNT);
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF, validate: 'workspace' }, workDoneProgress: true });
    const begin = await server.waitForProgress((p) => p.value.kind === 'begin');
    server.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
    await server.waitForProgress((p) => p.token === begin.token && p.value.kind === 'end');
    const linted = Array.from({ length: PLAN_COUNT }, (_, i) => ws!.uri(`plans/p${String(i).padStart(3, '0')}.rollout.yaml`)).filter((uri) => server!.published(uri).length > 0);
    // The server lints one plan per turn of its event loop, so the cancellation, sent as the
    // progress began, arrives long before the last plan.
    expect(linted.length).toBeLessThan(PLAN_COUNT);
  });

  it('sends no progress to a client that does not announce window.workDoneProgress', async () => {
    ws = bigWorkspace(3);
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF, validate: 'workspace' } });
    await Promise.all(['p000', 'p001', 'p002'].map((name) => server!.waitForDiagnostics(ws!.uri(`plans/${name}.rollout.yaml`))));
    expect(server.progressTokens).toEqual([]);
    expect(server.progress).toEqual([]);
  });

  it('reports progress on the token a references request brings', async () => {
    ws = bigWorkspace(20);
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF } });
    const uri = ws.uri('plans/p000.rollout.yaml');
    await server.open(uri, NORTHWIND);
    const locations = await server.request<unknown[]>('textDocument/references', {
      textDocument: { uri },
      position: at(NORTHWIND, 'sponsor: dana', 'sponsor: '.length),
      context: { includeDeclaration: false },
      workDoneToken: 'references-1',
    });
    expect(locations.length).toBeGreaterThanOrEqual(20);
    const own = server.progress.filter((p) => p.token === 'references-1');
    expect(own[0].value).toMatchObject({ kind: 'begin', title: 'Finding references in every plan' });
    expect(own.at(-2)?.value).toMatchObject({ kind: 'report', percentage: 100, message: '20/20 plans' });
    expect(own.at(-1)?.value.kind).toBe('end');
  });
});
