import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspServer, uriOf } from '../lsp/harness';
import { buildCorpusWorkspace, CASES, editorText } from './corpus';

/** The server's resident memory in MiB, from the kernel (Linux); undefined elsewhere. */
function residentMiB(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined;
  }
}

/** What the server may hold at most after the whole corpus, an 11 MB file among it. */
const MEMORY_BOUND_MIB = 1024;

describe('the language server on the bad-input corpus', () => {
  let ws: ReturnType<typeof buildCorpusWorkspace>;
  let server: LspServer;
  beforeAll(async () => {
    ws = buildCorpusWorkspace();
    server = await LspServer.start(ws.root);
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  for (const c of CASES.filter((c) => c.exitCode !== 2)) {
    it(`publishes "${c.says}" for ${c.name}, answers requests and stays up`, async () => {
      const uri = uriOf(join(ws.root, c.file));
      const published = await server.open(uri, editorText(ws.root, c.file) ?? '');
      const diagnostic = published.diagnostics.find((d) => d.message.includes(c.says));
      expect(diagnostic, JSON.stringify(published.diagnostics.map((d) => d.message))).toBeDefined();
      if (c.at) expect(diagnostic!.range.start).toEqual({ line: c.at.line - 1, character: c.at.column - 1 });
      const position = { line: 1, character: 2 };
      const answers = await Promise.all([
        server.request('textDocument/hover', { textDocument: { uri }, position }),
        server.request('textDocument/documentSymbol', { textDocument: { uri } }),
        server.request('textDocument/completion', { textDocument: { uri }, position }),
      ]);
      expect(answers).toHaveLength(3);
      server.close(uri);
      expect(server.alive).toBe(true);
    });
  }

  it('answers a request about a plan that is a symbolic link loop, without opening it', async () => {
    const uri = uriOf(join(ws.root, 'links/loop.rollout.yaml'));
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toEqual([]);
    expect(server.alive).toBe(true);
  });

  it(`holds less than ${MEMORY_BOUND_MIB} MiB after the whole corpus`, () => {
    const mib = residentMiB(server.pid);
    if (mib === undefined) return expect(process.platform).not.toBe('linux');
    expect(mib).toBeLessThan(MEMORY_BOUND_MIB);
  });
});
