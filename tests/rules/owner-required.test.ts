import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { ownerRequired } from '../../server/src/engine/rules/owner-required';
import { runRule, testRule } from '../helpers/ruleTester';

const UNOWNED_PHASE = `plan: 1
name: Pilot
people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
phases:
  - id: discovery
    name: Discovery
    kind: planning
    duration: 2w
    checklist:
      - { task: Interview the sales leads, tags: [stakeholders] }
`;

const OWNERLESS = `plan: 1
name: Pilot
people: [{ id: priya, name: Priya }]
integrations: [{ id: erp, system: SAP }]
risks:
  - id: dirty-data
    description: Duplicate contacts
kpis: [{ id: adoption, name: Weekly active users }]
`;

const INHERIT_FALSE = `plan: 1
name: Pilot
people: [{ id: priya, name: Priya }]
phases:
  - id: discovery
    name: Discovery
    kind: planning
    owner: priya
    checklist:
      - { task: Interview the sales leads }
      - { id: charter, task: Write the charter, owner: priya }
    milestones: [{ id: scope-agreed, name: Scope agreed }]
`;

testRule(ownerRequired, {
  valid: [
    {
      name: 'owned phases, integrations, risks and kpis; items and milestones inherit their phase owner',
      plan: `plan: 1
name: Pilot
people: [{ id: priya, name: Priya }]
phases:
  - id: discovery
    name: Discovery
    kind: planning
    owner: priya
    checklist: [{ task: Interview the sales leads }]
    milestones: [{ id: scope-agreed, name: Scope agreed }]
integrations: [{ id: erp, system: SAP, owner: priya }]
risks: [{ id: dirty-data, description: Duplicates, owner: priya }]
kpis: [{ id: adoption, name: Weekly active users, owner: priya }]
`,
    },
    {
      name: 'with inherit false, every item and milestone names its own owner',
      options: { inherit: false },
      plan: `plan: 1
name: Pilot
people: [{ id: priya, name: Priya }]
phases:
  - id: discovery
    name: Discovery
    kind: planning
    owner: priya
    checklist: [{ task: Interview the sales leads, owner: priya }]
    milestones: [{ id: scope-agreed, name: Scope agreed, owner: priya }]
`,
    },
  ],
  invalid: [
    {
      name: 'a phase without owner is reported once at its id; its unowned items are covered by that finding',
      plan: UNOWNED_PHASE,
      errors: [{ messageId: 'missing', line: 7, column: 9, endLine: 7, endColumn: 18, message: 'phase "discovery" has no owner; add owner: with the person accountable for it' }],
      output: null,
    },
    {
      name: 'an integration, a risk and a kpi without owner, one person declared: each gets a suggestion naming them',
      plan: OWNERLESS,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 25,
          message: 'integration "erp" has no owner; add owner: with the person accountable for it',
          suggestions: [{ title: 'set owner to priya', output: OWNERLESS.replace('system: SAP }', 'system: SAP, owner: priya }') }],
        },
        {
          messageId: 'missing',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 19,
          suggestions: [{ title: 'set owner to priya', output: OWNERLESS.replace('Duplicate contacts\n', 'Duplicate contacts\n    owner: priya\n') }],
        },
        {
          messageId: 'missing',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 22,
          suggestions: [{ title: 'set owner to priya', output: OWNERLESS.replace('Weekly active users }', 'Weekly active users, owner: priya }') }],
        },
      ],
      // Choosing an owner is never a fix, even with one person to choose.
      output: null,
    },
    {
      name: 'with inherit false, an item without id is reported at its task and a milestone at its id',
      options: { inherit: false },
      plan: INHERIT_FALSE,
      errors: [
        {
          messageId: 'notInherited',
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 42,
          message:
            'checklist item "Interview the sales leads" in phase "discovery" has no owner of its own, and owners are not inherited here (inherit: false); add owner: with the person accountable for it',
        },
        {
          messageId: 'notInherited',
          line: 12,
          column: 24,
          endLine: 12,
          endColumn: 36,
          suggestions: [{ title: 'set owner to priya', output: INHERIT_FALSE.replace('Scope agreed }', 'Scope agreed, owner: priya }') }],
        },
      ],
      output: null,
    },
  ],
});

describe('owner-required fixes', () => {
  it('offers one unsafe pick per declared person and inserts owner right after kind in a block phase', () => {
    const [finding] = runRule(ownerRequired, { name: 'picks', plan: UNOWNED_PHASE });
    expect(finding.fixes?.map((f) => [f.title, f.kind])).toEqual([
      ['set owner to dana', 'suggestion'],
      ['set owner to priya', 'suggestion'],
    ]);
    expect(applyEdits(UNOWNED_PHASE, finding.fixes![1].edits)).toBe(`plan: 1
name: Pilot
people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
phases:
  - id: discovery
    name: Discovery
    kind: planning
    owner: priya
    duration: 2w
    checklist:
      - { task: Interview the sales leads, tags: [stakeholders] }
`);
  });
});
