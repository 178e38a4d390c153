import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import type { TimelineResult } from '../../server/src/protocol';
import { TIMELINE_REQUEST } from '../../server/src/protocol';
import { AS_OF, CONTOSO, NORTHWIND, PEOPLE, WORKSPACE_FILES } from './fixtures';
import { at, createWorkspace, LspServer } from './harness';

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const CONTOSO_TYPO = CONTOSO.replace('sponsor: dana', 'sponsor: dnaa');
const NORTHWIND_TYPO = NORTHWIND.replace('owner: sam\n    after', 'owner: pryia\n    after');

describe('settings and workspace mode', () => {
  const ws = createWorkspace({
    ...WORKSPACE_FILES,
    'plans/contoso.rollout.yaml': CONTOSO_TYPO,
    'ignored/draft.rollout.yaml': 'plan: 1\nname: Draft\nsponsor: nobody\n',
    '.gitignore': 'ignored/\n',
    'configs/relaxed.yaml': 'rules:\n  known-references: warning\n',
  });
  const planUri = ws.uri('plans/northwind.rollout.yaml');
  const contosoUri = ws.uri('plans/contoso.rollout.yaml');
  let server: LspServer;

  const configure = (settings: Record<string, unknown>) => {
    server.settings = settings;
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };

  beforeAll(async () => {
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF, validate: 'openFiles' } });
    await server.open(planUri, NORTHWIND_TYPO);
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  it('reports unopened plans once validate is workspace, skipping git-ignored ones', async () => {
    expect(server.published(contosoUri)).toEqual([]);
    configure({ asOf: AS_OF, validate: 'workspace' });
    const published = await server.waitForDiagnostics(contosoUri, (p) => byCode(p.diagnostics, 'known-references').length > 0);
    expect(published.version).toBeUndefined();
    expect(byCode(published.diagnostics, 'known-references')[0].range).toEqual({ start: at(CONTOSO_TYPO, 'dnaa'), end: at(CONTOSO_TYPO, 'dnaa', 4) });
    expect(server.published(ws.uri('ignored/draft.rollout.yaml'))).toEqual([]);
  });

  it('keeps a workspace plan\'s diagnostics after it is closed, read from disk again', async () => {
    await server.open(contosoUri, CONTOSO);
    expect(byCode((await server.waitForDiagnostics(contosoUri, (p) => p.version === 1)).diagnostics, 'known-references')).toEqual([]);
    server.close(contosoUri);
    const published = await server.waitForDiagnostics(contosoUri, (p) => p.version === undefined && byCode(p.diagnostics, 'known-references').length > 0);
    expect(byCode(published.diagnostics, 'known-references')).toHaveLength(1);
  });

  it('lints a plan created on disk when the client reports the new file', async () => {
    ws.write('plans/fabrikam.rollout.yaml', 'plan: 1\nname: Fabrikam\nsponsor: danna\nimports: [../people.yaml]\n');
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('plans/fabrikam.rollout.yaml'), type: 1 }] });
    const published = await server.waitForDiagnostics(ws.uri('plans/fabrikam.rollout.yaml'), (p) => byCode(p.diagnostics, 'known-references').length > 0);
    expect(byCode(published.diagnostics, 'known-references')[0].message).toContain('did you mean "dana"?');
  });

  it('re-validates plans when their people file changes on disk', async () => {
    ws.write('people.yaml', PEOPLE.replace('id: sam,', 'id: sam-o,'));
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('people.yaml'), type: 2 }] });
    const renamed = (d: Diagnostic) => d.message.includes('did you mean "sam-o"');
    try {
      const contoso = await server.waitForDiagnostics(contosoUri, (p) => byCode(p.diagnostics, 'known-references').filter(renamed).length === 2);
      expect(contoso.version).toBeUndefined();
      const plan = await server.waitForDiagnostics(planUri, (p) => byCode(p.diagnostics, 'known-references').some(renamed));
      expect(plan.version).toBe(1);
    } finally {
      ws.write('people.yaml', PEOPLE);
      server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('people.yaml'), type: 2 }] });
    }
    await server.waitForDiagnostics(contosoUri, (p) => !byCode(p.diagnostics, 'known-references').some(renamed));
  });

  it('clears unopened plans\' diagnostics when validate goes back to openFiles, and keeps open ones', async () => {
    configure({ asOf: AS_OF, validate: 'openFiles' });
    await server.waitForDiagnostics(contosoUri, (p) => p.diagnostics.length === 0);
    const plan = await server.waitForDiagnostics(planUri, (p) => byCode(p.diagnostics, 'known-references').length === 1);
    expect(plan.diagnostics.length).toBeGreaterThan(0);
  });

  it('uses the configuration file named by configPath, relative to the workspace folder', async () => {
    configure({ asOf: AS_OF, configPath: 'configs/relaxed.yaml' });
    const plan = await server.waitForDiagnostics(planUri, (p) => byCode(p.diagnostics, 'known-references')[0]?.severity === 2);
    expect(byCode(plan.diagnostics, 'known-references')).toHaveLength(1);
  });

  it('uses the asOf setting as the timeline\'s today', async () => {
    configure({ asOf: '2027-02-15' });
    await server.waitForDiagnostics(planUri, (p) => byCode(p.diagnostics, 'known-references')[0]?.severity === 1);
    const timeline = await server.request<TimelineResult>(TIMELINE_REQUEST, { uri: planUri });
    expect(timeline?.asOf).toBe('2027-02-15');
  });

  it('goes quiet for a plan when enable is false, and comes back when it is true', async () => {
    configure({ asOf: AS_OF, enable: false });
    await server.waitForDiagnostics(planUri, (p) => p.diagnostics.length === 0);
    const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri: planUri }, position: at(NORTHWIND_TYPO, 'duration: 4w', 2) });
    expect(hover).toBeNull();
    expect(await server.request(TIMELINE_REQUEST, { uri: planUri })).toBeNull();
    configure({ asOf: AS_OF });
    const back = await server.waitForDiagnostics(planUri, (p) => p.diagnostics.length > 0);
    expect(byCode(back.diagnostics, 'known-references')).toHaveLength(1);
  });
});
