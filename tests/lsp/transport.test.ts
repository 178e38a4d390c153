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
});
