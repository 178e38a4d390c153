import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { COMMANDS, type DiagnosticData } from '../../server/src/protocol';
import { AS_OF, NORTHWIND, WORKSPACE_FILES } from './fixtures';
import { applyTextEdits, at, createWorkspace, editsFor, LspServer } from './harness';

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

describe('code actions', () => {
  const ws = createWorkspace(WORKSPACE_FILES);
  const uri = ws.uri('plans/northwind.rollout.yaml');
  let server: LspServer;
  const TYPO = NORTHWIND.replace('owner: sam\n    after', 'owner: pryia\n    after');

  beforeAll(async () => {
    // A client like VS Code's, which opens rule pages itself.
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF }, clientCommands: Object.values(COMMANDS) });
    await server.open(uri, TYPO);
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  const actionsFor = (diagnostic: Diagnostic, only?: string[]) =>
    server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } });

  it('offers the rule\'s fixes, a disable comment and the rule page for a finding', async () => {
    const published = await server.changeAndWait(uri, TYPO);
    const [finding] = byCode(published.diagnostics, 'known-references');
    const actions = await actionsFor(finding);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['replace with "priya"', 'quickfix', true],
      ['declare person "pryia"', 'quickfix', false],
      ['disable known-references for this line', 'quickfix', false],
      ['show documentation for known-references', 'quickfix', false],
    ]);
    expect(actions[0].diagnostics).toEqual([finding]);
    const doc = actions[3].command;
    expect(doc?.command).toBe(COMMANDS.openRuleDoc);
    expect(doc?.arguments).toEqual([{ ruleId: 'known-references', url: (finding.data as DiagnosticData).docUrl }]);
  });

  it('applies a quick fix and the re-published diagnostics no longer hold the finding', async () => {
    const published = await server.changeAndWait(uri, TYPO);
    const [finding] = byCode(published.diagnostics, 'known-references');
    const [replace] = await actionsFor(finding, ['quickfix']);
    const fixed = applyTextEdits(TYPO, editsFor(replace.edit, uri));
    expect(fixed).toBe(TYPO.replace('owner: pryia', 'owner: priya'));
    const after = await server.changeAndWait(uri, fixed);
    expect(byCode(after.diagnostics, 'known-references')).toEqual([]);
  });

  it('disables the rule for the finding\'s line with a comment above it, indented like it', async () => {
    const published = await server.changeAndWait(uri, TYPO);
    const [finding] = byCode(published.diagnostics, 'known-references');
    const disable = (await actionsFor(finding)).find((a) => a.title.startsWith('disable'))!;
    const edited = applyTextEdits(TYPO, editsFor(disable.edit, uri));
    expect(edited).toBe(TYPO.replace('    owner: pryia\n', '    # crm-rollout-disable-next-line known-references\n    owner: pryia\n'));
    const after = await server.changeAndWait(uri, edited);
    expect(byCode(after.diagnostics, 'known-references')).toEqual([]);
  });

  it('answers source.fixAll.crm-rollout with one edit that applies every fix', async () => {
    const text = TYPO.replace('tags: [stakeholders]', 'tags: [stakholders]');
    const published = await server.changeAndWait(uri, text);
    expect(byCode(published.diagnostics, 'known-tags')).toHaveLength(1);
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.crm-rollout'] },
    });
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['fix all auto-fixable crm-rollout problems', 'source.fixAll.crm-rollout']]);
    const edits = editsFor(actions[0].edit, uri);
    expect(edits).toHaveLength(1);
    const fixed = applyTextEdits(text, edits);
    expect(fixed).toContain('owner: priya, tags: [stakeholders] }');
    expect(fixed).toContain('    owner: priya\n    after: [discovery]');
    const after = await server.changeAndWait(uri, fixed);
    expect(byCode(after.diagnostics, 'known-references')).toEqual([]);
    expect(byCode(after.diagnostics, 'known-tags')).toEqual([]);
    // Fixed until stable: what is left has no fix.
    expect(after.diagnostics.filter((d) => (d.data as DiagnosticData).fixes.some((f) => f.kind === 'fix'))).toEqual([]);
  });

  it('lists a suggestion under a title saying what it inserts, never preferred, and fix-all never applies it', async () => {
    // No sponsor (executive-sponsor: a suggestion per person) and a misspelt owner (known-references: a fix).
    const text = TYPO.replace('sponsor: dana\n', '');
    const published = await server.changeAndWait(uri, text);
    const [sponsor] = byCode(published.diagnostics, 'executive-sponsor');
    const suggestions = (await actionsFor(sponsor, ['quickfix'])).filter((a) => a.title.startsWith('add sponsor'));
    expect(suggestions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['add sponsor: dana', 'quickfix', false],
      ['add sponsor: priya', 'quickfix', false],
      ['add sponsor: sam', 'quickfix', false],
    ]);
    expect((sponsor.data as DiagnosticData).fixes.map((f) => f.kind)).toEqual(['suggestion', 'suggestion', 'suggestion']);
    const [fixAll] = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.crm-rollout'] },
    });
    const fixed = applyTextEdits(text, editsFor(fixAll.edit, uri));
    expect(fixed).toBe(text.replace('owner: pryia', 'owner: priya'));
    const after = await server.changeAndWait(uri, fixed);
    expect(byCode(after.diagnostics, 'executive-sponsor')).toHaveLength(1);
  });

  it('answers a request for quick fixes only without the fix-all action, and fix-all only without quick fixes', async () => {
    const published = await server.changeAndWait(uri, TYPO);
    const [finding] = byCode(published.diagnostics, 'known-references');
    expect((await actionsFor(finding, ['quickfix'])).every((a) => a.kind === 'quickfix')).toBe(true);
    expect((await actionsFor(finding, ['source.fixAll'])).map((a) => a.kind)).toEqual(['source.fixAll.crm-rollout']);
  });

  it('offers nothing for a client diagnostic that no longer matches the text', async () => {
    await server.changeAndWait(uri, NORTHWIND);
    const stale: Diagnostic = { range: { start: at(TYPO, 'pryia'), end: at(TYPO, 'pryia', 5) }, message: 'owner "pryia" is not a declared person or team; did you mean "priya"?', code: 'known-references', source: 'crm-rollout' };
    expect(await actionsFor(stale)).toEqual([]);
  });
});
