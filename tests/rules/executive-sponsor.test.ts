import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { executiveSponsor } from '../../server/src/engine/rules/executive-sponsor';
import { runRule, testRule } from '../helpers/ruleTester';

const TWO_PEOPLE = `plan: 1
name: Pilot
crm: { product: HubSpot }
owner: priya
people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
`;

testRule(executiveSponsor, {
  valid: [
    {
      name: 'a declared sponsor',
      plan: `plan: 1
name: Pilot
sponsor: dana
people: [{ id: dana, name: Dana }]
`,
    },
    {
      name: 'an undeclared sponsor id is left to known-references',
      plan: `plan: 1
name: Pilot
sponsor: nobody
`,
    },
  ],
  invalid: [
    {
      name: 'no sponsor with several people declared: reported at the plan name, every pick unsafe',
      plan: TWO_PEOPLE,
      errors: [
        {
          messageId: 'missing',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 12,
          message:
            'the plan names no executive sponsor; add sponsor: with the person id of the senior leader who backs the rollout, secures its budget and settles disputes',
        },
      ],
      output: null,
    },
    {
      name: 'no sponsor with exactly one person (imported) declared: the safe fix names that person after name',
      plan: `plan: 1
name: Pilot
imports: [people.yaml]
`,
      files: { '/work/people.yaml': 'people:\n  - { id: sam, name: Sam }\n' },
      errors: [{ messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 12, suggestions: [{ title: "add sponsor: sam", output: `plan: 1
name: Pilot
sponsor: sam
imports: [people.yaml]
` }] }],
      output: null,
    },
    {
      name: 'no sponsor and no name: reported at the root mapping, no person to offer',
      plan: `plan: 1
owner: priya
`,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 3, endColumn: 1 }],
      output: null,
    },
  ],
});

describe('executive-sponsor fixes', () => {
  it('offers one unsafe fix per declared person, and the pick for "priya" inserts sponsor after crm', () => {
    const [finding] = runRule(executiveSponsor, { name: 'picks', plan: TWO_PEOPLE });
    expect(finding.fixes?.map((f) => [f.title, f.kind])).toEqual([
      ['add sponsor: dana', 'suggestion'],
      ['add sponsor: priya', 'suggestion'],
    ]);
    expect(applyEdits(TWO_PEOPLE, finding.fixes![1].edits)).toBe(`plan: 1
name: Pilot
crm: { product: HubSpot }
sponsor: priya
owner: priya
people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
`);
  });
});
