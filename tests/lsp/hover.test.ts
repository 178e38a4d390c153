import { describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { NORTHWIND, PEOPLE } from './fixtures';
import { at } from './harness';
import { northwindSession } from './session';

const valueOf = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';
/** Hovers list what the id or key is first; rule links of findings at the same place follow after a rule. */
const firstSection = (hover: Hover | null) => valueOf(hover).split('\n\n---\n\n')[0];

/** The plan with a phase running beside `build`, which therefore has slack. */
const PLAN = NORTHWIND.replace(
  '  - id: go-live\n',
  '  - id: comms\n    name: Announcements\n    kind: training\n    owner: dana\n    after: [discovery]\n    duration: 2w\n  - id: go-live\n',
);

describe('hover', () => {
  const session = northwindSession(PLAN);
  const { ws, uri } = session;
  const peopleUri = ws.uri('people.yaml');

  const hoverAt = (target: string, position: { line: number; character: number }) => session.server.request<Hover | null>('textDocument/hover', { textDocument: { uri: target }, position });

  it('shows the schema description of a key', async () => {
    const hover = await hoverAt(uri, at(PLAN, 'duration: 4w', 2));
    expect(firstSection(hover)).toBe(
      '**duration**\n\nHow long the phase takes in working days: `10d` is ten working days, `4w` is twenty. Weekends and holidays are skipped, and the end is inclusive: `4w` starting on a Monday ends on the Friday three weeks later, `1d` ends on its start.',
    );
    expect(hover?.range).toEqual({ start: at(PLAN, 'duration: 4w'), end: at(PLAN, 'duration: 4w', 8) });
  });

  it('shows a person\'s name, role, where they are declared and what they are responsible for', async () => {
    const hover = await hoverAt(uri, at(PLAN, 'owner: priya', 8));
    expect(firstSection(hover)).toBe(
      [
        '**person** `priya` — Priya Raman',
        'CRM product owner · team it',
        'declared in people.yaml',
        '- project owner\n- CRM owner after go-live\n- owner of phases "discovery", "go-live"\n- owner of customization "routing"\n- owner of 1 checklist item',
      ].join('\n\n'),
    );
    expect(hover?.range).toEqual({ start: at(PLAN, 'owner: priya', 7), end: at(PLAN, 'owner: priya', 12) });
  });

  it('shows a phase\'s window in working days, its calendar and the critical chain it is on', async () => {
    const hover = await hoverAt(uri, at(PLAN, 'after: [discovery]', 10));
    expect(firstSection(hover)).toBe(
      '**phase** `discovery` — Discovery (planning)\n\n2027-01-11 → 2027-02-05 · 20 working days\n\ncalendar the plan\'s calendar\n\nfloat 0 working days · critical: any delay moves the plan\'s end or a fixed date\n\non the critical chain `discovery → build → go-live`\n\nowner priya · checklist 0/1 done',
    );
  });

  it('shows the float of a phase off the critical path, and its calendar', async () => {
    const hover = await hoverAt(uri, at(PLAN, 'id: comms', 5));
    expect(firstSection(hover)).toBe('**phase** `comms` — Announcements (training)\n\n2027-02-08 → 2027-02-19 · 10 working days\n\ncalendar the plan\'s calendar\n\nfloat 25 working days\n\nowner dana · after discovery');
  });

  it('links the rule page of a diagnostic under the cursor', async () => {
    const text = PLAN.replace('owner: sam\n    after', 'owner: pryia\n    after');
    await session.server.changeAndWait(uri, text);
    const hover = await hoverAt(uri, at(text, 'pryia', 2));
    const sections = valueOf(hover).split('\n\n---\n\n');
    expect(sections[0]).toBe('**owner** — person id\n\nPerson id of who is accountable for the phase. Its milestones and checklist items inherit it unless they name their own.');
    expect(sections[1].split('\n\n')).toContain(
      '`known-references`: every person, team, phase, milestone, objective, calendar and integration id used resolves to a declaration, and every wave number to a declared wave — [rule documentation](https://github.com/crm-rollout/crm-rollout/blob/main/docs/rules/known-references.md)',
    );
    await session.server.changeAndWait(uri, PLAN);
  });

  it('shows, in the people file, what the plans importing it give a person to do', async () => {
    await session.server.open(peopleUri, PEOPLE);
    const hover = await hoverAt(peopleUri, at(PEOPLE, 'id: sam', 5));
    expect(firstSection(hover)).toBe(
      [
        '**person** `sam` — Sam Okafor',
        'Data steward · team it',
        'in contoso.rollout.yaml:\n- project owner\n- owner of phase "pilot"',
        'in northwind.rollout.yaml:\n- data steward\n- owner of phase "build"',
      ].join('\n\n'),
    );
  });

  it('answers null where there is nothing to say', async () => {
    expect(await hoverAt(uri, { line: 200, character: 0 })).toBeNull();
  });
});
