import { expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { dataStewardship } from '../../server/src/engine/rules/data-stewardship';
import { runRule, testRule } from '../helpers/ruleTester';

const NO_PHASE_OWNER = `plan: 1
name: Pilot
crm: { product: HubSpot, replaces: [spreadsheets] }
people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
governance:
  crm_owner: priya
`;

testRule(dataStewardship, {
  valid: [
    {
      name: 'a data-migration phase and a named steward',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, owner: sam }
governance:
  data_stewards: [sam]
`,
    },
    {
      name: 'a single steward written as a string still names someone',
      plan: `plan: 1
name: Pilot
crm: { product: HubSpot, replaces: [spreadsheets] }
governance: { data_stewards: sam }
`,
    },
    {
      name: 'a plan that neither migrates data nor replaces a system needs no steward',
      plan: `plan: 1
name: Pilot
crm: { product: HubSpot, replaces: [] }
phases:
  - { id: setup, name: Setup, kind: configuration }
`,
    },
  ],
  invalid: [
    {
      name: 'governance without data_stewards: the data-migration owner is added under governance',
      plan: `plan: 1
name: Pilot
crm: { product: Dynamics 365, replaces: [GoldMine, Zendesk] }
phases:
  - { id: data, name: Data, kind: data-migration, owner: sam }
governance:
  crm_owner: priya # owns the CRM after go-live
`,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 11,
          message:
            'the plan replaces "GoldMine" and "Zendesk", but governance.data_stewards names no one; name the people who keep the CRM data accurate, such as "sam", who owns data-migration phase "data"',
          suggestions: [{ title: "add data_stewards: [sam]", output: `plan: 1
name: Pilot
crm: { product: Dynamics 365, replaces: [GoldMine, Zendesk] }
phases:
  - { id: data, name: Data, kind: data-migration, owner: sam }
governance:
  crm_owner: priya # owns the CRM after go-live
  data_stewards: [sam]
` }],
        },
      ],
      output: null,
    },
    {
      name: 'no governance at all: reported at the plan name and the section is created like other governance fixes do',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data
    kind: data-migration
    owner: sam
`,
      errors: [{ messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 12, message: /^the plan migrates data in phase "data", but governance.data_stewards names no one/, suggestions: [{ title: "add data_stewards: [sam]", output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data
    kind: data-migration
    owner: sam
governance: { data_stewards: [sam] }
` }] }],
      output: null,
    },
    {
      name: 'an empty list is reported at the list and filled',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, owner: sam }
governance:
  data_stewards: []
  crm_owner: priya
`,
      errors: [{ messageId: 'missing', line: 6, column: 18, endLine: 6, endColumn: 20, suggestions: [{ title: "add data_stewards: [sam]", output: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, owner: sam }
governance:
  data_stewards: [sam]
  crm_owner: priya
` }] }],
      output: null,
    },
    {
      name: 'a key without a value is reported at the key and given one',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, owner: sam }
governance:
  data_stewards:
  crm_owner: priya
`,
      errors: [{ messageId: 'missing', line: 6, column: 3, endLine: 6, endColumn: 16, suggestions: [{ title: "add data_stewards: [sam]", output: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, owner: sam }
governance:
  data_stewards: [sam]
  crm_owner: priya
` }] }],
      output: null,
    },
    {
      name: 'without a data-migration owner every person is offered, none safely',
      plan: NO_PHASE_OWNER,
      errors: [{ messageId: 'missing', line: 7, column: 1, endLine: 7, endColumn: 11, message: /^the plan replaces "spreadsheets", but .*accurate$/ }],
      output: null,
    },
  ],
});

it('data-stewardship: each declared person is an unsafe fix naming them', () => {
  const [finding] = runRule(dataStewardship, { name: 'no owner', plan: NO_PHASE_OWNER });
  expect(finding.fixes?.map((f) => [f.title, f.kind])).toEqual([
    ['add data_stewards: [dana]', 'suggestion'],
    ['add data_stewards: [priya]', 'suggestion'],
  ]);
  expect(applyEdits(NO_PHASE_OWNER, finding.fixes![1].edits)).toBe(`${NO_PHASE_OWNER}  data_stewards: [priya]\n`);
});
