import { writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { onlyRulesConfig } from '../helpers/cli';
import { BACKUP_ITEM, FINAL_MIGRATION_ITEM, migrationPlan } from '../helpers/migrationPlan';
import { applyTextEdits, editsFor } from './harness';
import { serverSession } from './session';

/**
 * The data-loss cases of the hostile-input suite, in the editor: quick fixes and fix-all go
 * through the same re-parse check as `lint --fix`, and imported files through the same strict
 * decoder.
 */


describe('quick fixes on hostile plans, over stdio', () => {
  const session = serverSession({ '.crm-rollout.yaml': onlyRulesConfig(['known-tags', 'migration-backup']) });
  const { ws } = session;

  const actionsFor = (uri: string, diagnostic: Diagnostic, only?: string[]) =>
    session.server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } });

  it('offers no fix that rewrites an anchored tag on behalf of its alias, only the disable comment', async () => {
    const uri = ws.uri('anchor.rollout.yaml');
    const text = migrationPlan('\n      - task: &t bakup\n        tags: [*t]\n      - { task: Final import, tags: [final-migration], due: 2027-02-12 }\n      - { task: Back up, tags: [backup], due: 2027-02-01 }');
    await session.server.open(uri, text);
    const published = await session.server.changeAndWait(uri, text);
    const [typo] = published.diagnostics.filter((d) => d.code === 'known-tags');
    expect(typo).toBeDefined();
    const titles = (await actionsFor(uri, typo)).map((a) => a.title);
    // The rule's "replace with" fix would rewrite the anchor; only the actions that edit nothing of the plan's values remain
    // (and the progress action of the item under the cursor, which adds a `done:` key beside the anchor).
    expect(titles).toContain('disable known-tags for this line');
    expect(titles.filter((t) => !t.startsWith('disable ') && !t.startsWith('show documentation ') && !t.startsWith('mark item '))).toEqual([]);
  });

  it('offers to insert an item of a flow list before the comment that precedes its bracket; fix-all leaves that suggestion to the user', async () => {
    const uri = ws.uri('flow.rollout.yaml');
    const text = migrationPlan(` [\n${FINAL_MIGRATION_ITEM}  # more later\n    ]`);
    const expected = migrationPlan(` [\n${FINAL_MIGRATION_ITEM}, ${BACKUP_ITEM}  # more later\n    ]`);
    await session.server.open(uri, text);
    const published = await session.server.changeAndWait(uri, text);
    const [missing] = published.diagnostics.filter((d) => d.code === 'migration-backup');
    const [suggestion] = await actionsFor(uri, missing, ['quickfix']);
    expect(applyTextEdits(text, editsFor(suggestion.edit, uri))).toBe(expected);
    // A backup item is plan content someone has to plan: a suggestion, never applied by fix-all.
    const all = await session.server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [], only: ['source.fixAll.crm-rollout'] },
    });
    expect(all).toEqual([]);
  });

  it('reports an imported file in Windows-1252 instead of reading it as UTF-8', async () => {
    writeFileSync(ws.path('people.yaml'), Buffer.from('people:\n  - { id: dan, name: Dan Müller }\n', 'latin1'));
    const uri = ws.uri('imports.rollout.yaml');
    const text = 'plan: 1\nname: Pilot\nimports: [people.yaml]\nsponsor: dan\nowner: dan\n';
    await session.server.open(uri, text);
    const published = await session.server.changeAndWait(uri, text);
    const messages = published.diagnostics.filter((d) => d.code === 'import').map((d) => d.message);
    expect(messages).toEqual([expect.stringMatching(/^import "people\.yaml" cannot be read: .*byte 0xFC on line 2 looks like Windows-1252/)]);
  });
});

describe('light-bulb insertions on the layouts that once broke plans, over stdio', () => {
  // data-retention is in the `all` set only: switched on by name.
  const session = serverSession({ '.crm-rollout.yaml': `${onlyRulesConfig(['change-control', 'objectives-defined', 'migration-backup', 'data-retention'])}  data-retention: info\n` });
  const { ws } = session;

  /** Accepts, in the editor, the light-bulb suggestion of the first finding of each rule in turn; the text after. */
  async function accept(uri: string, text: string, ruleIds: readonly string[]): Promise<string> {
    let published = await session.server.open(uri, text);
    let current = text;
    for (const ruleId of ruleIds) {
      const diagnostic = published.diagnostics.find((d) => d.code === ruleId);
      expect(diagnostic, ruleId).toBeDefined();
      const actions = await session.server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic!.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      const suggestion = actions.find((a) => a.diagnostics?.some((d) => d.code === ruleId) && !a.title.startsWith('disable '));
      expect(suggestion, ruleId).toBeDefined();
      current = applyTextEdits(current, editsFor(suggestion!.edit, uri));
      published = await session.server.changeAndWait(uri, current);
    }
    expect(published.diagnostics.filter((d) => d.code === 'yaml-syntax')).toEqual([]);
    return current;
  }

  it('adds governance and objectives to a plan whose last top-level key is phases:, each where it belongs, leaving every other byte', async () => {
    const phases = 'phases:\n  - id: data\n';
    const text = migrationPlan('\n      - { task: Final import, tags: [final-migration], due: 2027-02-12 }\n      - { task: Back up, tags: [backup], due: 2027-02-01 }');
    const after = await accept(ws.uri('last-phases.rollout.yaml'), text, ['change-control', 'objectives-defined']);
    const objectives =
      'objectives:\n  - id: objective-1\n    statement: TODO what the rollout must achieve\n    metric: TODO metric and unit\n    baseline: TODO\n    target: TODO\n    due: TODO\n    owner: TODO\n';
    const governance = 'governance: { change_control: TODO how change requests are submitted and reviewed and who approves them }\n';
    // Objectives go before the phases (the format's key order), governance after the last key: the plan's own bytes are all kept.
    expect(after).toBe(`${text.replace(phases, `${objectives}${phases}`)}${governance}`);
    const plan = parse(after);
    expect(Object.keys(plan)).toEqual(['plan', 'name', 'sponsor', 'owner', 'people', 'objectives', 'phases', 'governance']);
    expect(plan.phases[0].checklist).toHaveLength(2);
  });

  it('inserts an item into a flow list with a trailing comma without a second comma', async () => {
    const text = migrationPlan(` [\n${FINAL_MIGRATION_ITEM}, ]`);
    const after = await accept(ws.uri('trailing-comma.rollout.yaml'), text, ['migration-backup']);
    expect(after).toBe(migrationPlan(` [\n${FINAL_MIGRATION_ITEM}, ${BACKUP_ITEM}, ]`));
  });

  it('inserts a block item at the dash column of a list written `-   task:`', async () => {
    const items = '\n      -   task: Final import\n          tags: [final-migration]\n          due: 2027-02-12';
    const after = await accept(ws.uri('wide-dash.rollout.yaml'), migrationPlan(items), ['migration-backup']);
    expect(after).toBe(migrationPlan(`\n      -   ${BACKUP_ITEM}${items}`));
    expect(parse(after).phases[0].checklist).toHaveLength(2);
  });

  it('keeps the trailing blank lines of a keep-chomping block scalar when a key is inserted after it', async () => {
    const keep = 'governance:\n  change_control: |+\n    Changes go through the steering group.\n\n\n';
    const text = `${migrationPlan(`\n      - ${FINAL_MIGRATION_ITEM.trim()}\n      - { task: Back up, tags: [backup], due: 2027-02-01 }`)}${keep}`;
    const after = await accept(ws.uri('keep-chomping.rollout.yaml'), text, ['data-retention']);
    expect(after.startsWith(text)).toBe(true);
    const plan = parse(after);
    expect(plan.governance.change_control).toBe('Changes go through the steering group.\n\n\n');
    expect(Object.keys(plan.governance)).toEqual(['change_control', 'retention']);
  });
});
