import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import packageJson from '../../../package.json';
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

const args = process.argv.slice(2);
const hasTransport = args.some((a) => a === '--stdio' || a === '--node-ipc' || /^--(socket|pipe)=/.test(a));

if (args.includes('--version')) {
  process.stdout.write(`${packageJson.version}\n`);
} else if (args.includes('--help') || !hasTransport) {
  (hasTransport || args.includes('--help') ? process.stdout : process.stderr).write(USAGE);
  process.exitCode = args.includes('--help') ? 0 : 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  // The last line of defence: a bug that escapes every handler is logged, and the server stays up.
  process.on('uncaughtException', (error) => connection.console.error(`crm-rollout: uncaught ${errorText(error)}`));
  process.on('unhandledRejection', (error) => connection.console.error(`crm-rollout: unhandled rejection ${errorText(error)}`));
  startServer(connection);
}
