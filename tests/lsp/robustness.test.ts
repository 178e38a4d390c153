import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIMELINE_REQUEST } from '../../server/src/protocol';
import { AS_OF, NORTHWIND, WORKSPACE_FILES } from './fixtures';
import { createWorkspace, LspServer } from './harness';

/** Files no plan should be, each opened as a plan: the server must answer every request about them. */
const BAD_INPUTS: Record<string, string> = {
  'binary bytes': `\u0000\u0001\u0002PK\u0003\u0004\ufffd\ufffd${'\u0000'.repeat(64)}plan: 1\n`,
  'empty file': '',
  'alias bomb': [
    'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    'plan: 1',
    'name: *i',
  ].join('\n'),
  'broken YAML': 'plan: 1\nname: [unclosed\nphases:\n  - id: a\n    - - :\n  }{ "\n\t- tab: indent\n',
  'deeply nested flow lists': `plan: 1\nname: deep\nx-deep: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
  'deeply nested block lists': `plan: 1\nname: deep\nx-deep:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i + 2)}- `).join('\n')}x\n`,
  '5 MB of text': `plan: 1\nname: big\nx-notes: |\n${'  lorem ipsum dolor sit amet, consectetur adipiscing elit\n'.repeat(92000)}`,
  'not a mapping': '- just\n- a\n- list\n',
  'CRLF, emoji and a lone surrogate': 'plan: 1\r\nname: "rollout 🚀 \ud800"\r\nphases:\r\n  - { id: 😀, name: x, kind: planning }\r\n',
};

function positionsIn(text: string) {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  return [
    { line: 0, character: 0 },
    { line: 0, character: 3 },
    { line: middle, character: Math.min(4, lines[middle].length) },
    { line: lines.length - 1, character: lines[lines.length - 1].length },
    { line: lines.length + 10, character: 99 },
  ];
}

/** Every request the server answers, about one document at one position. */
function everyRequest(uri: string, position: { line: number; character: number }): [string, unknown][] {
  const textDocument = { uri };
  const range = { start: { line: 0, character: 0 }, end: position };
  return [
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/definition', { textDocument, position }],
    ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
    ['textDocument/prepareRename', { textDocument, position }],
    ['textDocument/rename', { textDocument, position, newName: 'renamed-id' }],
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [], only: ['source.fixAll.crm-rollout'] } }],
    ['textDocument/codeLens', { textDocument }],
    ['textDocument/inlayHint', { textDocument, range }],
    ['workspace/symbol', { query: 'a' }],
    [TIMELINE_REQUEST, { uri }],
  ];
}

describe('robustness against bad input', () => {
  const ws = createWorkspace(WORKSPACE_FILES);
  const planUri = ws.uri('plans/northwind.rollout.yaml');
  let server: LspServer;

  beforeAll(async () => {
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF } });
    await server.open(planUri, NORTHWIND);
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  for (const [name, text] of Object.entries(BAD_INPUTS)) {
    it(`answers every request about a plan holding ${name}, and stays up`, async () => {
      const uri = ws.uri(`bad/${name.replace(/\W+/g, '-')}.rollout.yaml`);
      const published = await server.open(uri, text);
      expect(Array.isArray(published.diagnostics)).toBe(true);
      const requests = positionsIn(text).flatMap((position) => everyRequest(uri, position));
      const answers = await Promise.allSettled(requests.map(([method, params]) => server.request(method, params)));
      const failures = answers
        .map((answer, i) => ({ answer, method: requests[i][0] }))
        .filter(({ answer, method }) => answer.status === 'rejected' && method !== 'textDocument/rename');
      expect(failures).toEqual([]);
      server.change(uri, `${text}\nextra: line`);
      const completion = await server.request<unknown[] | { isIncomplete: boolean; items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
      // A list, or for a large file still being checked in its worker an empty, incomplete one.
      expect(Array.isArray(completion) ? completion : completion.items).toBeInstanceOf(Array);
      server.close(uri);
      expect(server.alive).toBe(true);
      expect(server.logs.filter((line) => / failed: /.test(line))).toEqual([]);
    });
  }

  it('still serves a good plan after all of them', async () => {
    const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: planUri }, position: { line: 1, character: 2 } });
    expect(hover?.contents.value).toMatch(/^\*\*name\*\*/);
    expect(server.alive).toBe(true);
  });
});
