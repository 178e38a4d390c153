import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { CONTOSO, NORTHWIND, PEOPLE, WORKSPACE_FILES } from './fixtures';
import { applyTextEdits, at, createWorkspace, editsFor, LspServer } from './harness';

describe('navigation', () => {
  const ws = createWorkspace(WORKSPACE_FILES);
  const planUri = ws.uri('plans/northwind.rollout.yaml');
  const contosoUri = ws.uri('plans/contoso.rollout.yaml');
  const peopleUri = ws.uri('people.yaml');
  let server: LspServer;

  beforeAll(async () => {
    server = await LspServer.start(ws.root, { settings: { asOf: '2027-01-04' } });
    await server.open(planUri, NORTHWIND);
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  const position = (uri: string, text: string, needle: string, delta: number) => ({ textDocument: { uri }, position: at(text, needle, delta) });
  const where = (locations: Location[]) => locations.map((l) => [l.uri, l.range.start, l.range.end]);

  it('goes from a person id to its declaration in the imported people file', async () => {
    const locations = await server.request<Location[]>('textDocument/definition', position(planUri, NORTHWIND, 'owner: sam', 8));
    expect(where(locations)).toEqual([[peopleUri, at(PEOPLE, 'sam'), at(PEOPLE, 'sam', 3)]]);
  });

  it('goes from a phase in after to the phase id in the same plan', async () => {
    const locations = await server.request<Location[]>('textDocument/definition', position(planUri, NORTHWIND, 'after: [discovery]', 9));
    expect(where(locations)).toEqual([[planUri, at(NORTHWIND, 'discovery'), at(NORTHWIND, 'discovery', 9)]]);
  });

  it('finds every use of an imported person in every plan importing the file, unopened plans included', async () => {
    const locations = await server.request<Location[]>('textDocument/references', { ...position(planUri, NORTHWIND, 'owner: sam', 8), context: { includeDeclaration: true } });
    expect(where(locations)).toEqual([
      [peopleUri, at(PEOPLE, 'sam'), at(PEOPLE, 'sam', 3)],
      [planUri, at(NORTHWIND, 'owner: sam', 7), at(NORTHWIND, 'owner: sam', 10)],
      [planUri, at(NORTHWIND, '[sam]', 1), at(NORTHWIND, '[sam]', 4)],
      [contosoUri, at(CONTOSO, 'owner: sam', 7), at(CONTOSO, 'owner: sam', 10)],
      [contosoUri, at(CONTOSO, 'owner: sam', 7, 1), at(CONTOSO, 'owner: sam', 10, 1)],
    ]);
    const uses = await server.request<Location[]>('textDocument/references', { ...position(planUri, NORTHWIND, 'owner: sam', 8), context: { includeDeclaration: false } });
    expect(uses.map((l) => l.uri)).not.toContain(peopleUri);
    expect(uses).toHaveLength(4);
  });

  it('prepares a rename with the id\'s range and current text', async () => {
    const prepared = await server.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', position(planUri, NORTHWIND, 'after: [build]', 9));
    expect(prepared).toEqual({ range: { start: at(NORTHWIND, 'build]'), end: at(NORTHWIND, 'build]', 5) }, placeholder: 'build' });
    expect(await server.request('textDocument/prepareRename', position(planUri, NORTHWIND, 'name: Northwind', 8))).toBeNull();
  });

  it('renames an imported person in the people file and in every plan that uses it', async () => {
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...position(planUri, NORTHWIND, 'owner: sam', 8), newName: 'samuel' });
    expect(Object.keys(edit.changes ?? {}).sort()).toEqual([contosoUri, planUri, peopleUri].sort());
    expect(applyTextEdits(PEOPLE, editsFor(edit, peopleUri))).toBe(PEOPLE.replace('id: sam,', 'id: samuel,'));
    expect(applyTextEdits(NORTHWIND, editsFor(edit, planUri))).toBe(NORTHWIND.replace('owner: sam\n', 'owner: samuel\n').replace('[sam]', '[samuel]'));
    expect(applyTextEdits(CONTOSO, editsFor(edit, contosoUri))).toBe(CONTOSO.replaceAll('owner: sam\n', 'owner: samuel\n'));
  });

  it('renames a phase declared in the plan only within that plan', async () => {
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...position(planUri, NORTHWIND, 'id: build', 5), newName: 'configure' });
    expect(Object.keys(edit.changes ?? {})).toEqual([planUri]);
    expect(applyTextEdits(NORTHWIND, editsFor(edit, planUri))).toBe(NORTHWIND.replace('id: build', 'id: configure').replace('after: [build]', 'after: [configure]'));
  });

  it('renames from the people file too, editing the plans that import it', async () => {
    await server.open(peopleUri, PEOPLE);
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...position(peopleUri, PEOPLE, 'id: dana', 5), newName: 'dana-w' });
    expect(Object.keys(edit.changes ?? {}).sort()).toEqual([contosoUri, planUri, peopleUri].sort());
    expect(applyTextEdits(CONTOSO, editsFor(edit, contosoUri))).toBe(CONTOSO.replace('sponsor: dana', 'sponsor: dana-w'));
    expect(editsFor(edit, planUri)).toHaveLength(3);
  });

  it('refuses a new name that is not a valid id, or one already declared', async () => {
    await expect(server.request('textDocument/rename', { ...position(planUri, NORTHWIND, 'id: build', 5), newName: 'Build Phase' })).rejects.toThrow(/"Build Phase" is not a valid id/);
    await expect(server.request('textDocument/rename', { ...position(planUri, NORTHWIND, 'id: build', 5), newName: 'discovery' })).rejects.toThrow(/id "discovery" is already declared/);
  });
});
