import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, LspServer } from './harness';

/**
 * A huge plan never blocks the server: its lint runs in stages with the event loop in between
 * (server/src/lsp/project.ts), so a hover, a completion or a shutdown sent while it is checked
 * is answered before its diagnostics are published (the order of messages on stdio, not a
 * clock), and a lint over its time budget ends with a `limits` finding.
 */

const PLAN_HEAD = 'plan: 1\nname: Huge\nsponsor: dana\npeople:\n  - { id: dana, name: Dana Whitfield }\nphases:\n  - id: build\n    name: Build\n    kind: configuration\n    checklist:\n';

/** 30,000 checklist items, each with an unknown key: seconds of parsing, validation and rules. */
function hugePlan(): string {
  return PLAN_HEAD + Array.from({ length: 30_000 }, (_, i) => `      - { task: T${i}, owner: dana, bogus: ${i} }\n`).join('');
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
  return { server, uri: workspace.uri('huge.rollout.yaml') };
}

describe('validation of a huge plan', () => {
  it('answers a hover, a completion and shutdown sent right after opening it before publishing its diagnostics', async () => {
    // A budget no check reaches, however busy the machine: a check stopped early would end before the requests.
    const { server, uri } = await start({ CRM_ROLLOUT_VALIDATION_BUDGET_MS: String(60 * 60 * 1000) });
    server.openQuietly(uri, hugePlan());
    const answered: string[] = [];
    const note = (name: string) => () => answered.push(`${name} (diagnostics published: ${server.published(uri).length})`);
    const hover = server.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 7 } }).then(note('hover'));
    const completion = server.request('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 10 } }).then(note('completion'));
    const shutdown = server.request('shutdown', null).then(note('shutdown'));
    await Promise.all([hover, completion, shutdown]);
    const diagnostics = await server.waitForDiagnostics(uri);
    expect(answered.sort()).toEqual(['completion (diagnostics published: 0)', 'hover (diagnostics published: 0)', 'shutdown (diagnostics published: 0)']);
    expect(diagnostics.diagnostics.filter((d) => d.code === 'schema').length).toBeGreaterThan(0);
  }, 120_000);
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
