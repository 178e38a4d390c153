import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { typingEdits } from './edits';
import { percentile } from './measure';

/**
 * yaml-language-server as an editor runs it, a process over stdio with our plan schema mapped
 * to `*.rollout.yaml`, typed into with the same one-character edits as our server: the
 * editor target compares the two p50s. Each edit is a full-text didChange, waited for until
 * the server publishes diagnostics for the file.
 */
export async function ylsEditLatency(root: string, path: string, text: string, count: number): Promise<{ p50: number; p95: number }> {
  const bin = join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  // A write racing the server's exit (a reply to its last request) fails on a closed pipe; that
  // is the end of the session, not an error of the bench.
  child.stdin.on('error', () => undefined);
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const schema = pathToFileURL(join(root, 'schemas', 'plan.schema.json')).href;
  const settings = { yaml: { validate: true, hover: false, completion: false, format: { enable: false }, schemas: { [schema]: '*.rollout.yaml' } } };
  const uri = pathToFileURL(path).href;
  let published: (() => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
    if (params.uri === uri) published?.();
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'yaml' ? settings.yaml : item.section === undefined ? settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  // If the server dies, every wait ends with that instead of hanging the bench.
  const exited = new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`yaml-language-server exited (${signal ?? `code ${code}`}) during the edits`))));
  exited.catch(() => undefined);
  const diagnostics = () => Promise.race([new Promise<void>((resolve) => (published = resolve)), exited]);
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } },
    });
    connection.sendNotification('initialized', {});
    connection.sendNotification('workspace/didChangeConfiguration', { settings });
    let version = 1;
    const opened = diagnostics();
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    await opened;
    const latencies: number[] = [];
    for (const edit of typingEdits(text, count)) {
      const done = diagnostics();
      const started = performance.now();
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: edit.text }] });
      await done;
      latencies.push(performance.now() - started);
    }
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  } finally {
    try {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    connection.dispose();
    child.kill();
  }
}
