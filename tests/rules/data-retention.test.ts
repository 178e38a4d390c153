import { expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { dataRetention } from '../../server/src/engine/rules/data-retention';
import { runRule, testRule } from '../helpers/ruleTester';

const WITH_GOVERNANCE = `plan: 1
name: Pilot
phases:
  - { id: plan, name: Planning, kind: planning, checklist: [{ task: Check GDPR consent for imported leads }] }
governance:
  crm_owner: priya
`;

const WITHOUT_GOVERNANCE = `plan: 1
name: Pilot # retention policy pending
`;

testRule(dataRetention, {
  valid: [
    {
      name: 'governance states a retention policy',
      plan: `plan: 1
name: Pilot
governance:
  retention: Closed cases kept 7 years, then deleted
`,
    },
    {
      name: 'an item tagged compliance instead of a retention policy',
      plan: `plan: 1
name: Pilot
phases:
  - { id: plan, name: Planning, kind: planning, checklist: [{ task: Data protection impact assessment, tags: [compliance] }] }
`,
    },
  ],
  invalid: [
    {
      name: 'governance without retention, with a hint for the untagged GDPR task',
      plan: WITH_GOVERNANCE,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 11,
          message:
            'the plan says nothing about data retention: governance.retention is not set and no item is tagged compliance; state how long customer data is kept and when it is deleted; item "Check GDPR consent for imported leads" looks like it should be tagged compliance',
        },
      ],
      output: null,
    },
    {
      name: 'no governance: reported at the plan name',
      plan: WITHOUT_GOVERNANCE,
      errors: [{ messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 12, message: /^the plan says nothing about data retention.*deleted$/ }],
      output: null,
    },
    {
      name: 'an empty retention is reported at its key',
      plan: `plan: 1
name: Pilot
governance:
  retention: ""
`,
      errors: [{ messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 12 }],
      output: null,
    },
  ],
});

it('data-retention: the unsafe fix adds a placeholder under governance', () => {
  const [finding] = runRule(dataRetention, { name: 'governance', plan: WITH_GOVERNANCE });
  expect(finding.fixes?.map((f) => f.kind)).toEqual(['suggestion']);
  expect(applyEdits(WITH_GOVERNANCE, finding.fixes![0].edits)).toBe(
    `${WITH_GOVERNANCE}  retention: TODO say how long customer data and legacy archives are kept and when they are deleted\n`,
  );
});

it('data-retention: without governance the unsafe fix creates the section after the last key, on one line', () => {
  const [finding] = runRule(dataRetention, { name: 'no governance', plan: WITHOUT_GOVERNANCE });
  expect(applyEdits(WITHOUT_GOVERNANCE, finding.fixes![0].edits)).toBe(`plan: 1
name: Pilot # retention policy pending
governance: { retention: TODO say how long customer data and legacy archives are kept and when they are deleted }
`);
});
