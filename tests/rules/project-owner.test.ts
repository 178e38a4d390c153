import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { projectOwner } from '../../server/src/engine/rules/project-owner';
import { runRule, testRule } from '../helpers/ruleTester';

const NO_OWNER = `# Pilot rollout
plan: 1
name: Pilot
sponsor: dana
calendar: { start: 2027-01-11 }
people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
`;

testRule(projectOwner, {
  valid: [
    {
      name: 'a declared project owner',
      plan: `plan: 1
name: Pilot
owner: priya
people: [{ id: priya, name: Priya }]
`,
    },
    {
      name: 'an owner without a sponsor (the sponsor is executive-sponsor\'s)',
      plan: `plan: 1
name: Pilot
owner: nobody
`,
    },
  ],
  invalid: [
    {
      name: 'no owner with several people: reported at the plan name, no safe fix',
      plan: NO_OWNER,
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 12,
          message: 'the plan names no project owner; add owner: with the person id of who runs the rollout day to day',
        },
      ],
      output: null,
    },
    {
      name: 'no owner with one person declared: the safe fix inserts owner after sponsor',
      plan: `plan: 1
name: "Pilot"   # quoted on purpose
sponsor: dana
phases: []
people: [{ id: dana, name: Dana }]
`,
      errors: [{ messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 14, suggestions: [{ title: "add owner: dana", output: `plan: 1
name: "Pilot"   # quoted on purpose
sponsor: dana
owner: dana
phases: []
people: [{ id: dana, name: Dana }]
` }] }],
      output: null,
    },
  ],
});

describe('project-owner fixes', () => {
  it('offers the sponsor last, and the pick for "priya" inserts owner after sponsor', () => {
    const [finding] = runRule(projectOwner, { name: 'picks', plan: NO_OWNER });
    expect(finding.fixes?.map((f) => [f.title, f.kind])).toEqual([
      ['add owner: priya', 'suggestion'],
      ['add owner: dana', 'suggestion'],
    ]);
    expect(applyEdits(NO_OWNER, finding.fixes![0].edits)).toBe(`# Pilot rollout
plan: 1
name: Pilot
sponsor: dana
owner: priya
calendar: { start: 2027-01-11 }
people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
`);
  });
});
