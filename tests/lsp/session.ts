import { afterAll, beforeAll } from 'vitest';
import { AS_OF, WORKSPACE_FILES } from './fixtures';
import { createWorkspace, LspServer, type ServerOptions } from './harness';

/**
 * The shared workspace of fixtures.ts with a language server on it (as of AS_OF) and `text`
 * open as plans/northwind.rollout.yaml, for the suite that calls it: started before its tests,
 * stopped and removed after them. `server` is there once the suite's tests run.
 */
export function northwindSession(text: string, options: ServerOptions = {}) {
  const ws = createWorkspace(WORKSPACE_FILES);
  let started: LspServer | undefined;
  beforeAll(async () => {
    started = await LspServer.start(ws.root, { settings: { asOf: AS_OF }, ...options });
    await started.open(ws.uri('plans/northwind.rollout.yaml'), text);
  });
  afterAll(async () => {
    await started?.stop();
    ws.dispose();
  });
  return {
    ws,
    uri: ws.uri('plans/northwind.rollout.yaml'),
    get server(): LspServer {
      if (!started) throw new Error('the server starts before the suite\'s first test');
      return started;
    },
  };
}
