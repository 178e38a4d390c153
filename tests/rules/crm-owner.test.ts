import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { crmOwner } from '../../server/src/engine/rules/crm-owner';
import { runRule, testRule } from '../helpers/ruleTester';

const NO_GOVERNANCE = `plan: 1
name: Pilot
owner: priya
people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
`;

testRule(crmOwner, {
  valid: [
    {
      name: 'a block governance section with crm_owner',
      plan: `plan: 1
name: Pilot
governance:
  crm_owner: priya
  change_control: Weekly change board
`,
    },
    {
      name: 'a flow governance section with crm_owner',
      plan: `plan: 1
name: Pilot
governance: { change_control: Weekly change board, crm_owner: priya }
`,
    },
  ],
  invalid: [
    {
      name: 'governance without crm_owner is reported at the governance key; one person makes the fix safe',
      plan: `plan: 1
name: Pilot
people: [{ id: priya, name: Priya }]
governance:
  change_control: Weekly change board   # chaired by Priya
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 11,
          message:
            'the plan does not say who owns the CRM after go-live; add crm_owner: under governance with the person id of who will run its roadmap, configuration and changes',
          suggestions: [{ title: "add crm_owner: priya", output: `plan: 1
name: Pilot
people: [{ id: priya, name: Priya }]
governance:
  change_control: Weekly change board   # chaired by Priya
  crm_owner: priya
` }],
        },
      ],
      output: null,
    },
    {
      name: 'no governance at all is reported at the plan name; several people leave only unsafe picks',
      plan: NO_GOVERNANCE,
      errors: [{ messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 12 }],
      output: null,
    },
  ],
});

describe('crm-owner fixes', () => {
  it('offers the project owner first, and its pick creates a governance section', () => {
    const [finding] = runRule(crmOwner, { name: 'picks', plan: NO_GOVERNANCE });
    expect(finding.fixes?.map((f) => [f.title, f.kind])).toEqual([
      ['add crm_owner: priya', 'suggestion'],
      ['add crm_owner: dana', 'suggestion'],
    ]);
    expect(applyEdits(NO_GOVERNANCE, finding.fixes![0].edits)).toBe(`${NO_GOVERNANCE}governance: { crm_owner: priya }
`);
  });
});
