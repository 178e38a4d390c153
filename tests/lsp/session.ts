import { afterAll, beforeAll } from 'vitest';
import { AS_OF, WORKSPACE_FILES } from './fixtures';
import { createWorkspace, LspServer, type ServerOptions } from './harness';

type Workspace = ReturnType<typeof createWorkspace>;

/**
 * A workspace of `files` with a language server on it, for the suite that calls it: started
 * before its tests (then `opened`, if given, runs), stopped and removed after them. `server` is
 * there once the suite's tests run.
 */
export function serverSession(files: Record<string, string>, options: ServerOptions = {}, opened?: (server: LspServer, ws: Workspace) => Promise<unknown>) {
  const ws = createWorkspace(files);
  let started: LspServer | undefined;
  beforeAll(async () => {
    started = await LspServer.start(ws.root, options);
    await opened?.(started, ws);
  });
  afterAll(async () => {
    await started?.stop();
    ws.dispose();
  });
  return {
    ws,
    get server(): LspServer {
      if (!started) throw new Error('the server starts before the suite\'s first test');
      return started;
    },
  };
}

/**
 * The shared workspace of fixtures.ts with a language server on it (as of AS_OF) and `text`
 * open as plans/northwind.rollout.yaml (serverSession).
 */
export function northwindSession(text: string, options: ServerOptions = {}) {
  const path = 'plans/northwind.rollout.yaml';
  const session = serverSession(WORKSPACE_FILES, { settings: { asOf: AS_OF }, ...options }, (server, ws) => server.open(ws.uri(path), text));
  return {
    ws: session.ws,
    uri: session.ws.uri(path),
    get server(): LspServer {
      return session.server;
    },
  };
}
