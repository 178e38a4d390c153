import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { AS_OF, CONFIG, NORTHWIND, PEOPLE, WORKSPACE_FILES } from './fixtures';
import { at, createWorkspace, LspServer } from './harness';

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

describe('diagnostics', () => {
  const ws = createWorkspace({ ...WORKSPACE_FILES, 'other/compose.yaml': 'services:\n  web: { image: nginx }\n' });
  const planUri = ws.uri('plans/northwind.rollout.yaml');
  const peopleUri = ws.uri('people.yaml');
  const configUri = ws.uri('.crm-rollout.yaml');
  let server: LspServer;

  beforeAll(async () => {
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF } });
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  it('publishes a finding on open with its code, rule page, source, exact range and fix data', async () => {
    const text = NORTHWIND.replace('owner: sam\n    after', 'owner: pryia\n    after');
    const published = await server.open(planUri, text);
    expect(published.version).toBe(1);
    const [finding] = byCode(published.diagnostics, 'known-references');
    expect(finding.range).toEqual({ start: at(text, 'pryia'), end: at(text, 'pryia', 5) });
    expect(finding.source).toBe('crm-rollout');
    expect(finding.severity).toBe(1);
    expect(finding.message).toBe('owner "pryia" is not a declared person or team; did you mean "priya"?');
    expect(finding.codeDescription?.href).toMatch(/\/docs\/rules\/known-references\.md$/);
    expect(finding.data).toMatchObject({
      ruleId: 'known-references',
      messageId: 'unknown',
      fixes: [{ title: 'replace with "priya"', kind: 'fix', edits: [{ range: finding.range, newText: 'priya' }] }, { kind: 'suggestion' }],
    });
  });

  it('re-publishes for the new version when the plan changes', async () => {
    const published = await server.changeAndWait(planUri, NORTHWIND);
    expect(published.version).toBe(2);
    expect(byCode(published.diagnostics, 'known-references')).toEqual([]);
  });

  it('points related information at the first declaration of a duplicate id', async () => {
    const text = NORTHWIND.replace('  - id: go-live\n', '  - id: build\n');
    const published = await server.changeAndWait(planUri, text);
    const [duplicate] = byCode(published.diagnostics, 'unique-ids');
    expect(duplicate.range).toEqual({ start: at(text, 'build', 0, 1), end: at(text, 'build', 5, 1) });
    expect(duplicate.relatedInformation).toEqual([
      { location: { uri: planUri, range: { start: at(text, 'build'), end: at(text, 'build', 5) } }, message: 'first declared here as a phase' },
    ]);
  });

  it('points related information into the imported file when an imported id clashes', async () => {
    const text = NORTHWIND.replace('teams: [sales, service]\n', 'teams: [sales, service]\npeople:\n  - { id: sam, name: Sam Local }\n');
    const published = await server.changeAndWait(planUri, text);
    const [duplicate] = byCode(published.diagnostics, 'unique-ids');
    expect(duplicate.range).toEqual({ start: at(text, '../people.yaml'), end: at(text, '../people.yaml', '../people.yaml'.length) });
    const related = duplicate.relatedInformation ?? [];
    expect(related.map((r) => [r.location.uri, r.location.range.start, r.message])).toEqual([
      [peopleUri, at(PEOPLE, 'sam'), 'declared here'],
      [planUri, at(text, 'sam, name: Sam Local'), 'first declared here as a person'],
    ]);
  });

  it('lists the other phases of a dependency cycle as related information', async () => {
    const text = NORTHWIND.replace('    kind: planning\n', '    kind: planning\n    after: [go-live]\n');
    const published = await server.changeAndWait(planUri, text);
    const [cycle] = byCode(published.diagnostics, 'no-dependency-cycles');
    expect(cycle.message).toContain('discovery → go-live → build → discovery');
    expect(cycle.relatedInformation?.map((r) => [r.location.range.start, r.message])).toEqual([
      [at(text, 'build]'), '"go-live" waits on "build" here'],
      [at(text, 'discovery]'), '"build" waits on "discovery" here'],
    ]);
    await server.changeAndWait(planUri, NORTHWIND);
  });

  it('re-validates the plan when its imported people file is edited, and lints that file itself', async () => {
    await server.open(peopleUri, PEOPLE);
    const edited = PEOPLE.replace('{ id: priya, name: Priya Raman,', '{ id: priyanka,');
    server.change(peopleUri, edited);
    const plan = await server.waitForDiagnostics(planUri, (p) => byCode(p.diagnostics, 'known-references').length > 0);
    expect(byCode(plan.diagnostics, 'known-references')[0].range).toEqual({ start: at(NORTHWIND, 'priya'), end: at(NORTHWIND, 'priya', 5) });
    const people = await server.waitForDiagnostics(peopleUri, (p) => p.version === 2);
    const [missingName] = byCode(people.diagnostics, 'schema');
    expect(missingName.message).toContain('"name"');
    expect(missingName.range.start.line).toBe(4);
    server.change(peopleUri, PEOPLE);
    await server.waitForDiagnostics(planUri, (p) => byCode(p.diagnostics, 'known-references').length === 0);
  });

  it('re-validates plans when .crm-rollout.yaml changes, and maps severity info to Information', async () => {
    await server.changeAndWait(planUri, NORTHWIND.replace('owner: sam\n    after', 'owner: pryia\n    after'));
    await server.open(configUri, CONFIG);
    server.change(configUri, `${CONFIG}rules:\n  known-references: info\n`);
    const plan = await server.waitForDiagnostics(planUri, (p) => byCode(p.diagnostics, 'known-references')[0]?.severity === 3);
    expect(byCode(plan.diagnostics, 'known-references')).toHaveLength(1);
    server.change(configUri, `${CONFIG}rules:\n  known-references: off\n`);
    await server.waitForDiagnostics(planUri, (p) => byCode(p.diagnostics, 'known-references').length === 0);
    server.change(configUri, CONFIG);
    await server.waitForDiagnostics(planUri, (p) => byCode(p.diagnostics, 'known-references')[0]?.severity === 1);
  });

  it('reports problems of the configuration file in that file', async () => {
    const published = await server.changeAndWait(configUri, `${CONFIG}rules:\n  known-tagz: warning\n`);
    const [unknown] = byCode(published.diagnostics, 'unknown-rule');
    expect(unknown.message).toContain('did you mean "known-tags"?');
    expect(unknown.range.start).toEqual({ line: 2, character: 2 });
    await server.changeAndWait(configUri, CONFIG);
  });

  it('answers nothing about a YAML file that no plan imports', async () => {
    const uri = ws.uri('other/compose.yaml');
    server.openQuietly(uri, 'services:\n  web: { image: nginx }\n');
    const completion = await server.request<unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
    const hover = await server.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    expect(completion).toEqual([]);
    expect(hover).toBeNull();
  });

  it('clears the diagnostics of a plan when it is closed', async () => {
    server.close(planUri);
    const published = await server.waitForDiagnostics(planUri, (p) => p.version === undefined);
    expect(published.diagnostics).toEqual([]);
  });
});
