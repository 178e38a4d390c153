import { format } from 'node:util';
import { isMainThread, parentPort } from 'node:worker_threads';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import packageJson from '../../../package.json';
import { displayText } from '../render/escape';
import { runCheckWorker } from './checkWorker';
import { errorText } from './guard';
import { startServer } from './server';

/**
 * `crm-rollout-language-server --stdio` (any editor) or `--node-ipc` (the VS Code client);
 * createConnection reads the transport from the command line.
 */
const USAGE = `Usage: crm-rollout-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

The crm-rollout language server: diagnostics, quick fixes, completion, hovers, navigation
and the timeline for *.rollout.yaml plans. Editors start it; see docs/language-server.md.

  --version   print the version
  --help      show this help
`;

/**
 * The connection over stdin and stdout, with the reader made here so that a malformed message
 * (a header without a numeric Content-Length, a header line without `:`) ends the server with
 * the problem on stderr and exit code 1: the byte stream cannot be resynchronised, and an
 * editor restarts a server that exits, while one that stays up and ignores the rest of its
 * input is deaf until the editor is closed.
 */
function stdioConnection(): { connection: Connection; onShutdown: () => void } {
  const reader = new StreamMessageReader(process.stdin);
  let shutdownReceived = false;
  reader.onError((error) => {
    process.stderr.write(`crm-rollout-language-server: closing the connection after a malformed message from the client: ${displayText(errorText(error))}\n`);
    process.exit(1);
  });
  // As createConnection does for a stdio it opens itself: the end of input ends the server.
  reader.onClose(() => process.exit(shutdownReceived ? 0 : 1));
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  // stdout carries the protocol: stray console output goes to the client's log instead.
  console.log = console.info = console.debug = (...values: unknown[]) => connection.console.log(format(...values));
  return {
    connection,
    onShutdown: () => {
      shutdownReceived = true;
    },
  };
}

function startLanguageServer(): void {
  const args = process.argv.slice(2);
  const hasTransport = args.some((a) => a === '--stdio' || a === '--node-ipc' || /^--(socket|pipe)=/.test(a));
  if (args.includes('--version')) {
    process.stdout.write(`${packageJson.version}\n`);
  } else if (args.includes('--help') || !hasTransport) {
    (hasTransport || args.includes('--help') ? process.stdout : process.stderr).write(USAGE);
    process.exitCode = args.includes('--help') ? 0 : 2;
  } else {
    const { connection, onShutdown } = args.includes('--stdio') ? stdioConnection() : { connection: createConnection(ProposedFeatures.all), onShutdown: undefined };
    // The last line of defence: a bug that escapes every handler is logged, and the server stays up.
    process.on('uncaughtException', (error) => connection.console.error(`crm-rollout: uncaught ${errorText(error)}`));
    process.on('unhandledRejection', (error) => connection.console.error(`crm-rollout: unhandled rejection ${errorText(error)}`));
    // This very file is what a check worker runs (the bundle holds the engine already).
    startServer(connection, { workerScript: __filename, onShutdown });
  }
}

// Started as a worker thread by the server itself, this file checks large documents (checkWorker.ts).
if (isMainThread || !parentPort) startLanguageServer();
else runCheckWorker(parentPort);
