import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { COMMANDS, SERVER_COMMANDS, type DiagnosticData } from '../../server/src/protocol';
import { AS_OF, NORTHWIND, WORKSPACE_FILES } from './fixtures';
import { createWorkspace, LspServer, type ServerOptions } from './harness';

/**
 * "Show documentation" and the "Open timeline" lens in editors other than VS Code: the server
 * names a client command only to a client that says it implements it, opens rule pages through
 * `window/showDocument` where the client supports that, and otherwise offers no action that
 * would do nothing. Over the real stdio connection, with and without each capability.
 */

const TYPO = NORTHWIND.replace('owner: sam\n    after', 'owner: pryia\n    after');
const DOC_URL = /^https:\/\/\S+\/docs\/rules\/known-references\.md$/;

async function startWith(options: ServerOptions) {
  const ws = createWorkspace(WORKSPACE_FILES);
  const uri = ws.uri('plans/northwind.rollout.yaml');
  const server = await LspServer.start(ws.root, { settings: { asOf: AS_OF }, ...options });
  const published = await server.open(uri, TYPO);
  const finding = published.diagnostics.find((d) => d.code === 'known-references') as Diagnostic;
  const actions = () => server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
  const docAction = async () => (await actions()).find((a) => a.title === 'show documentation for known-references');
  const stop = async () => {
    await server.stop();
    ws.dispose();
  };
  return { server, uri, finding, docAction, stop };
}

describe('rule documentation in a client that can show documents but has no command of its own', () => {
  let client: Awaited<ReturnType<typeof startWith>>;
  beforeAll(async () => {
    client = await startWith({ showDocument: true });
  });
  afterAll(() => client.stop());

  it('puts the rule id and its page in the diagnostic', () => {
    const data = client.finding.data as DiagnosticData;
    expect(data.ruleId).toBe('known-references');
    expect(data.docUrl).toMatch(DOC_URL);
    expect(client.finding.codeDescription?.href).toBe(data.docUrl);
  });

  it('announces the server command that opens rule pages', () => {
    expect(client.server.initializeResult?.capabilities.executeCommandProvider?.commands).toEqual([SERVER_COMMANDS.showRuleDoc]);
  });

  it('offers the action with the server command, and running it asks the client to show the page in a browser', async () => {
    const action = await client.docAction();
    expect(action?.command?.command).toBe(SERVER_COMMANDS.showRuleDoc);
    const [argument] = action?.command?.arguments ?? [];
    expect(argument).toEqual({ ruleId: 'known-references', url: (client.finding.data as DiagnosticData).docUrl });
    await client.server.request('workspace/executeCommand', { command: action!.command!.command, arguments: action!.command!.arguments });
    expect(client.server.shownDocuments).toEqual([{ uri: (client.finding.data as DiagnosticData).docUrl, external: true }]);
  });

  it('refuses an argument that names no rule, and shows nothing', async () => {
    const before = client.server.shownDocuments.length;
    await expect(client.server.request('workspace/executeCommand', { command: SERVER_COMMANDS.showRuleDoc, arguments: [{ ruleId: 'https://example.com/x', url: 'https://example.com/x' }] })).rejects.toThrow(/ruleId/);
    expect(client.server.shownDocuments.length).toBe(before);
  });

  it('puts no lens that would run a command the client lacks', async () => {
    expect(await client.server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri } })).toEqual([]);
  });
});

describe('rule documentation in a client that can neither show documents nor run our commands', () => {
  let client: Awaited<ReturnType<typeof startWith>>;
  beforeAll(async () => {
    client = await startWith({});
  });
  afterAll(() => client.stop());

  it('offers no "show documentation" action, while the diagnostic still links the page', async () => {
    expect(await client.docAction()).toBeUndefined();
    expect(client.finding.codeDescription?.href).toMatch(DOC_URL);
    expect(client.server.initializeResult?.capabilities.executeCommandProvider).toBeUndefined();
  });
});

describe('rule documentation in a client that opens rule pages itself (VS Code)', () => {
  let client: Awaited<ReturnType<typeof startWith>>;
  beforeAll(async () => {
    client = await startWith({ showDocument: true, clientCommands: Object.values(COMMANDS) });
  });
  afterAll(() => client.stop());

  it("uses the client's command even though the client could show documents", async () => {
    const action = await client.docAction();
    expect(action?.command?.command).toBe(COMMANDS.openRuleDoc);
    expect(action?.command?.arguments).toEqual([{ ruleId: 'known-references', url: (client.finding.data as DiagnosticData).docUrl }]);
    expect(client.server.initializeResult?.capabilities.executeCommandProvider).toBeUndefined();
  });
});
