import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { onlyRulesConfig } from '../helpers/cli';
import { createWorkspace, LspServer } from '../lsp/harness';

/**
 * Hostile input, language-server half of "reading outside the repository": a configuration
 * whose `extends` climbs to a system file, or an import through a symbolic link that leaves the
 * repository, is refused at the value, and nothing of that file reaches the editor (tests/corpus/containment.test.ts is the CLI half).
 */

const servers: LspServer[] = [];
const workspaces: { dispose(): void }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const workspace of workspaces.splice(0)) workspace.dispose();
});

describe('the language server and paths that leave the project root', () => {
  it('refuses `extends` up to /etc/passwd at the value, and shows none of its content', async () => {
    const config = 'extends: ../../../../../../../../etc/passwd\n';
    const plan = 'plan: 1\nname: Pilot\nsponsor: dana\npeople:\n  - { id: dana, name: Dana Whitfield }\n';
    const workspace = createWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', '.crm-rollout.yaml': config, 'p.rollout.yaml': plan });
    workspaces.push(workspace);
    const server = await LspServer.start(workspace.root);
    servers.push(server);
    const { diagnostics } = await server.open(workspace.uri('.crm-rollout.yaml'), config);
    expect(diagnostics.filter((d) => d.code === 'import')).toEqual([
      expect.objectContaining({ range: { start: { line: 0, character: 9 }, end: { line: 0, character: config.length - 1 } }, message: expect.stringContaining('leads outside the project root') }),
    ]);
    const planDiagnostics = await server.open(workspace.uri('p.rollout.yaml'), plan);
    const everything = JSON.stringify([diagnostics, planDiagnostics, server.logs]);
    expect(everything).not.toContain('root:x:');
    expect(everything).not.toContain('/bin/bash');
  });

  it('refuses an import through a symbolic link inside the repository that points outside it, and suggests none of its people', async () => {
    const workspace = createWorkspace({ 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/.crm-rollout.yaml': onlyRulesConfig(['known-references']) });
    workspaces.push(workspace);
    mkdirSync(workspace.path('outside'));
    writeFileSync(workspace.path('outside/people.yaml'), 'people:\n  - { id: mallory, name: Mallory Outsider }\n');
    symlinkSync(workspace.path('outside'), join(workspace.path('repo'), 'shared'));
    const plan = 'plan: 1\nname: Pilot\nimports: [shared/people.yaml]\nsponsor: mallori\npeople:\n  - { id: dana, name: Dana Whitfield }\n';
    const server = await LspServer.start(workspace.path('repo'));
    servers.push(server);
    const { diagnostics } = await server.open(workspace.uri('repo/p.rollout.yaml'), plan);
    expect(diagnostics.map((d) => d.code)).toEqual(['import', 'known-references']);
    expect(diagnostics[0]).toMatchObject({ range: { start: { line: 2, character: 10 } }, message: expect.stringContaining('import "shared/people.yaml" leads outside the project root') });
    const hover = await server.request('textDocument/hover', { textDocument: { uri: workspace.uri('repo/p.rollout.yaml') }, position: { line: 3, character: 10 } });
    const everything = JSON.stringify([diagnostics, hover, server.logs]);
    expect(everything).not.toContain('mallory');
    expect(everything).not.toContain('Mallory Outsider');
  });
});
