import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import { OpenDocuments } from '../../server/src/lsp/documents';
import { Project } from '../../server/src/lsp/project';
import { SettingsStore } from '../../server/src/lsp/settings';
import { NodeFileSystem } from '../../server/src/platform/nodeFileSystem';
import { tempTree } from '../helpers/cli';
import { CONFIG, NORTHWIND, WORKSPACE_FILES } from './fixtures';

/**
 * The server's analyses when a dependency changes while a plan's lint is under way (a race seen
 * once in CI: the configuration changed mid-lint, the next validation shared the lint begun with
 * the old configuration, published its findings, and nothing linted the plan again).
 */
describe('a plan whose configuration changes while its lint runs', () => {
  it('is linted again with the new configuration, and the old lint is not kept', async () => {
    const typo = NORTHWIND.replace('owner: sam\n    after', 'owner: pryia\n    after');
    const dir = tempTree({ ...WORKSPACE_FILES, 'plans/northwind.rollout.yaml': typo, '.crm-rollout.yaml': `${CONFIG}rules:\n  known-references: info\n` });
    const uri = pathToFileURL(path.join(dir, 'plans/northwind.rollout.yaml')).href;
    // No client to pull settings from: the defaults apply. The connection is never used then.
    const project = new Project(new OpenDocuments(new NodeFileSystem()), new SettingsStore({} as Connection, () => false, () => undefined));
    const severities = (analysis: Awaited<ReturnType<Project['analyze']>>) => analysis?.result.findings.filter((f) => f.ruleId === 'known-references').map((f) => f.severity);

    const begun = project.analyze(uri);
    // The lint begins once the plan's settings are read (the analysis awaited them first).
    await project.settings.get(uri);
    // The configuration changes before the lint ends; the server then invalidates the plan.
    fs.writeFileSync(path.join(dir, '.crm-rollout.yaml'), `${CONFIG}rules:\n  known-references: off\n`);
    project.invalidate(uri);
    expect(severities(await project.analyze(uri))).toEqual([]);
    // The lint begun before the change ends with the old configuration's finding, but is not kept.
    expect(severities(await begun)).toEqual(['info']);
    expect(severities(await project.analyze(uri))).toEqual([]);
  });
});
