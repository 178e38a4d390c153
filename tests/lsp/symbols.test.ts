import { describe, expect, it } from 'vitest';
import type { DocumentSymbol, FoldingRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { CONTOSO, NORTHWIND, PEOPLE } from './fixtures';
import { at } from './harness';
import { northwindSession } from './session';

type Outline = [string, string | undefined, Outline[]];
const outline = (symbols: DocumentSymbol[]): Outline[] => symbols.map((s) => [s.name, s.detail, outline(s.children ?? [])]);

const COMMENTED = `# Northwind rollout
# owned by the CRM team
${NORTHWIND}`;

describe('symbols and folding', () => {
  const session = northwindSession(COMMENTED);
  const { ws, uri } = session;
  const peopleUri = ws.uri('people.yaml');

  it('outlines phases with their milestones and checklist, beside the other sections', async () => {
    const symbols = await session.server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(outline(symbols)).toEqual([
      ['teams', undefined, [['sales', undefined, []], ['service', undefined, []]]],
      ['objectives', undefined, [['faster-response', 'Cut first-response time', []]]],
      [
        'phases',
        undefined,
        [
          ['discovery', 'Discovery · 2027-01-11 → 2027-02-05', [['charter-signed', 'Charter signed', []], ['checklist', '0/1 done', [['Interview the service leads', 'stakeholders', []]]]]],
          ['build', 'Build · 2027-02-08 → 2027-03-19', []],
          ['go-live', 'Go-live · 2027-03-22 → 2027-03-26', []],
        ],
      ],
      ['customizations', undefined, [['routing', 'Case routing', []]]],
    ]);
    const discovery = symbols[2].children![0];
    expect(discovery.selectionRange).toEqual({ start: at(COMMENTED, 'discovery'), end: at(COMMENTED, 'discovery', 9) });
    expect(discovery.range).toEqual({ start: at(COMMENTED, 'id: discovery'), end: at(COMMENTED, 'owner: dana }', 13) });
  });

  it('outlines the people and teams of a people file', async () => {
    await session.server.open(peopleUri, PEOPLE);
    const symbols = await session.server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: peopleUri } });
    expect(symbols.map((s) => [s.name, s.kind])).toEqual([
      ['dana', 19],
      ['priya', 19],
      ['sam', 19],
      ['leadership', 3],
      ['it', 3],
    ]);
  });

  it('folds every multi-line section and item from its key line, and comment blocks', async () => {
    const folds = await session.server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const line = (needle: string) => at(COMMENTED, needle).line;
    expect(folds).toContainEqual({ startLine: 0, endLine: 1, kind: 'comment' });
    expect(folds).toContainEqual({ startLine: line('phases:'), endLine: line('duration: 1w') });
    expect(folds).toContainEqual({ startLine: line('id: discovery'), endLine: line('charter-signed') });
    expect(folds).toContainEqual({ startLine: line('checklist:'), endLine: line('Interview the service') });
    expect(folds).toContainEqual({ startLine: line('calendar:'), endLine: line('start: 2027-01-11') });
    expect(folds.some((f) => f.startLine === line('organization:'))).toBe(false);
  });

  it('finds ids across the workspace\'s plans, unopened ones included, by fuzzy match', async () => {
    const pilot = await session.server.request<SymbolInformation[]>('workspace/symbol', { query: 'pilot' });
    expect(pilot.map((s) => [s.name, s.kind, s.containerName, s.location.uri, s.location.range.start])).toEqual([
      ['pilot', 2, 'Contoso pilot', ws.uri('plans/contoso.rollout.yaml'), at(CONTOSO, 'id: pilot', 4)],
    ]);
    const charter = await session.server.request<SymbolInformation[]>('workspace/symbol', { query: 'chrtr' });
    expect(charter.map((s) => [s.name, s.containerName])).toEqual([['charter-signed', 'Northwind rollout']]);
  });

  it('lists imported people once, in their own file', async () => {
    const sam = await session.server.request<SymbolInformation[]>('workspace/symbol', { query: 'sam okafor' });
    expect(sam.map((s) => [s.name, s.containerName, s.location.uri])).toEqual([['sam', 'people.yaml', peopleUri]]);
  });
});
