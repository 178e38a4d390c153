import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, type InitializeResult } from 'vscode-languageserver-protocol/node';
import packageJson from '../../package.json';

const SERVER = fileURLToPath(new URL('../../dist/server.js', import.meta.url));

describe('transports', () => {
  it('runs over node IPC, as the VS Code client starts it, and announces its features', async () => {
    const child = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      expect(result.serverInfo).toEqual({ name: 'crm-rollout-language-server', version: packageJson.version });
      expect(result.capabilities).toMatchObject({
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: { workDoneProgress: true },
        renameProvider: { prepareProvider: true, workDoneProgress: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: { workDoneProgress: true },
        foldingRangeProvider: true,
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.crm-rollout'] },
      });
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('prints its version with --version', () => {
    const run = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    expect(run.stdout).toBe(`${packageJson.version}\n`);
    expect(run.status).toBe(0);
  });

  it('explains its usage and exits 2 when started without a transport', () => {
    const run = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    expect(run.stderr).toMatch(/^Usage: crm-rollout-language-server --stdio \| --node-ipc/);
    expect(run.status).toBe(2);
  });

  describe('a malformed message header over stdio closes the connection, so the editor restarts the server', () => {
    const cases: [string, string, string][] = [
      ['a Content-Length that is not a number', 'Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0"}', 'Content-Length value must be a number. Got twelve'],
      ['a header without a Content-Length', 'Content-Type: application/json\r\n\r\n{}', 'Header must provide a Content-Length property.'],
      ['a header line without a colon', 'garbage\r\n\r\n', "Message header must separate key and value using ':'"],
    ];
    for (const [name, bytes, problem] of cases) {
      it(`exits 1 on ${name} and names the problem on stderr`, async () => {
        const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        // Not closing stdin: the server must end on the bad header, not on the end of its input.
        child.stdin.write(bytes);
        try {
          expect(await exited).toBe(1);
          expect(stderr).toContain('crm-rollout-language-server: closing the connection after a malformed message from the client:');
          expect(stderr).toContain(problem);
        } finally {
          child.kill();
        }
      });
    }

    it('still exits 0 when the client ends its input after shutdown', async () => {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'shutdown' });
      const answered = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await answered;
      child.stdin.end();
      expect(await exited).toBe(0);
    });
  });
});
