import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-protocol';
import { CHECKLIST_TAGS, PHASE_KINDS } from '../../server/src/engine/vocabulary';
import { AS_OF, NORTHWIND, WORKSPACE_FILES } from './fixtures';
import { createWorkspace, LspServer, positionOf } from './harness';
import { northwindSession } from './session';

/** The text without the `¦` marker and the position the marker stood at. */
function marked(text: string) {
  const offset = text.indexOf('¦');
  if (offset < 0) throw new Error('no ¦ marker');
  return { text: text.replace('¦', ''), position: positionOf(text, offset) };
}

const docOf = (item: CompletionItem | undefined) => (item?.documentation as MarkupContent | undefined)?.value ?? '';

describe('completion', () => {
  const session = northwindSession(NORTHWIND);
  const { uri } = session;

  /** Puts the marked text in the document and asks for completion at the marker. */
  async function complete(withMarker: string): Promise<CompletionItem[]> {
    const { text, position } = marked(withMarker);
    session.server.change(uri, text);
    return session.server.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
  }

  it('offers the keys a phase may still take, with their schema descriptions', async () => {
    const withMarker = NORTHWIND.replace('    duration: 6w\n', '    duration: 6w\n    ¦\n');
    const items = await complete(withMarker);
    expect(items.map((i) => i.label)).toEqual(['start', 'end', 'checklist', 'milestones', 'audiences', 'wave', 'calendar', 'actual']);
    const milestones = items.find((i) => i.label === 'milestones');
    expect(docOf(milestones)).toMatch(/^Checkpoints of this phase/);
    const { position } = marked(withMarker);
    expect(milestones?.textEdit).toEqual({ range: { start: position, end: position }, newText: 'milestones:\n      - $0' });
  });

  it('offers the enum values of a phase kind with the kind\'s description', async () => {
    const items = await complete(NORTHWIND.replace('    kind: configuration\n', '    kind: ¦\n'));
    expect(items.map((i) => i.label)).toEqual([...PHASE_KINDS]);
    expect(docOf(items[0])).toMatch(/^What the phase is in the CRM lifecycle/);
  });

  it('offers the other phases and their milestones in after, not the phase itself', async () => {
    const items = await complete(NORTHWIND.replace('    after: [build]\n', '    after: [build, ¦]\n'));
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['discovery', 'Discovery · planning'],
      ['build', 'Build · configuration'],
      ['charter-signed', 'Charter signed · milestone of discovery'],
    ]);
  });

  it('offers the people of the plan and its imports in owner, then the teams', async () => {
    const items = await complete(NORTHWIND.replace('    owner: sam\n', '    owner: s¦\n'));
    expect(items.map((i) => i.label)).toEqual(['dana', 'priya', 'sam', 'sales', 'service', 'leadership', 'it']);
    expect(items[2].detail).toBe('Sam Okafor · Data steward');
    expect(items[2].textEdit).toMatchObject({ newText: 'sam' });
  });

  it('offers only people where a person is required, such as the sponsor', async () => {
    const items = await complete(NORTHWIND.replace('sponsor: dana\n', 'sponsor: ¦\n'));
    expect(items.map((i) => i.label)).toEqual(['dana', 'priya', 'sam']);
  });

  it('offers people even while the line is not valid YAML yet', async () => {
    const items = await complete(NORTHWIND.replace("      - { task: Interview the service leads, owner: priya, tags: [stakeholders] }\n", '      - { task: Interview, owner: ¦\n'));
    expect(items.map((i) => i.label).slice(0, 3)).toEqual(['dana', 'priya', 'sam']);
  });

  it('offers the checklist tag vocabulary in tags', async () => {
    const items = await complete(NORTHWIND.replace('tags: [stakeholders]', 'tags: [¦]'));
    expect(items.map((i) => i.label)).toEqual([...CHECKLIST_TAGS]);
  });

  it('offers objective ids in supports', async () => {
    const items = await complete(NORTHWIND.replace('supports: [faster-response]', 'supports: [¦]'));
    expect(items.map((i) => [i.label, i.detail])).toEqual([['faster-response', 'Cut first-response time']]);
  });

  it('offers a date snippet on the next working day of the plan\'s calendar, and the day after the prerequisites end', async () => {
    const text = NORTHWIND.replace('  start: 2027-01-11\n', '  start: 2027-01-11\n  holidays: [2027-01-05]\n').replace('    owner: sam\n', '    owner: sam\n    start: ¦\n');
    const items = await complete(text);
    expect(items.map((i) => [i.label, i.detail, i.textEdit?.newText])).toEqual([
      ['2027-01-06', 'next working day', '${1:2027}-${2:01}-${3:06}'],
      ['2027-02-08', 'first working day after its prerequisites end', '${1:2027}-${2:02}-${3:08}'],
    ]);
    expect(items[0].insertTextFormat).toBe(2);
  });

  it('offers a phase skeleton for a new item of phases, indented to the item', async () => {
    const items = await complete(NORTHWIND.replace('  - id: go-live\n', '  - ¦\n  - id: go-live\n'));
    const phase = items.find((i) => i.label === 'phase');
    expect(phase?.kind).toBe(15);
    expect(phase?.textEdit?.newText).toBe(
      [
        'id: ${1:new-phase}',
        '    name: ${2:New phase}',
        '    kind: ${3|planning,design,configuration,data-migration,testing,training,go-live,support,optimization|}',
        '    owner: ${4|dana,priya,sam|}',
        '    after: [${5:build}]',
        '    duration: ${6:2w}',
        '    checklist:',
        '      - { task: ${7:First task}, tags: [${8:tag}] }',
        '    milestones:',
        '      - { id: ${9:new-phase-done}, name: ${10:Phase done} }',
      ].join('\n'),
    );
    expect(items.some((i) => i.label === 'id' && i.kind === 10)).toBe(true);
  });

  it('writes the missing dash of a skeleton typed at the list column', async () => {
    const items = await complete(NORTHWIND.replace('  - id: go-live\n', '  ¦\n  - id: go-live\n'));
    expect(items.find((i) => i.label === 'phase')?.textEdit?.newText.split('\n').slice(0, 2)).toEqual(['- id: ${1:new-phase}', '    name: ${2:New phase}']);
  });

  it('offers milestone and checklist item skeletons in their lists', async () => {
    const milestone = await complete(NORTHWIND.replace('      - { id: charter-signed', '      - ¦\n      - { id: charter-signed'));
    expect(milestone.find((i) => i.label === 'milestone')?.textEdit?.newText).toBe(
      'id: ${1:new-milestone}\n        name: ${2:Milestone name}\n        owner: ${3|dana,priya,sam|}\n        gate: ${4|true,false|}\n        criteria:\n          - ${5:What must hold to pass}',
    );
    const checklist = await complete(NORTHWIND.replace('      - { task: Interview', '      - ¦\n      - { task: Interview'));
    expect(checklist.filter((i) => i.kind === 15).map((i) => i.label)).toEqual(['checklist item', 'checklist item (one line)']);
    expect(checklist.find((i) => i.label === 'checklist item (one line)')?.textEdit?.newText).toBe(`{ task: \${1:What needs doing}, tags: [\${2|${CHECKLIST_TAGS.join(',')}|}] }`);
  });

  it('offers a whole plan skeleton in an empty plan file', async () => {
    const items = await complete('¦');
    expect(items[0]).toMatchObject({ label: 'plan', kind: 15, detail: 'new plan skeleton' });
    expect(items[0].textEdit?.newText.split('\n').slice(0, 3)).toEqual(['plan: 1', 'name: ${1:CRM rollout}', 'organization: { name: ${2:Organisation}, size: ${3|small,mid,enterprise|} }']);
  });

  it('offers the top-level keys not yet used, required ones first', async () => {
    const items = await complete('plan: 1\n¦\n');
    expect(items[0].label).toBe('name');
    expect(items.map((i) => i.label)).not.toContain('plan');
    expect(docOf(items[0])).toMatch(/^The rollout's name/);
  });
});

describe('completion without snippet support', () => {
  const ws = createWorkspace(WORKSPACE_FILES);
  const uri = ws.uri('plans/northwind.rollout.yaml');
  let server: LspServer;

  beforeAll(async () => {
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF }, snippetSupport: false });
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  it('inserts plain text instead of snippets', async () => {
    const { text, position } = marked(NORTHWIND.replace('    kind: configuration\n', '    kind: configuration\n    start: ¦\n'));
    await server.open(uri, text);
    const items = await server.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    expect(items[0].textEdit?.newText).toBe('2027-01-05');
    expect(items[0].insertTextFormat).toBe(1);
  });
});
