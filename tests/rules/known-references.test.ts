import { knownReferences } from '../../server/src/engine/rules/known-references';
import { testRule } from '../helpers/ruleTester';

const PEOPLE = `people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
`;

testRule(knownReferences, {
  valid: [
    {
      name: 'owners, sponsor, after and audiences all resolve, including imported people',
      plan: `plan: 1
name: Pilot
sponsor: dana
owner: sam
imports: [people.yaml]
teams: [sales]
${PEOPLE}phases:
  - { id: a, name: A, kind: planning, owner: priya }
  - { id: b, name: B, kind: training, owner: sales, after: [a], audiences: [sales] }
`,
      files: { '/work/people.yaml': 'people:\n  - { id: sam, name: Sam }\n' },
    },
    {
      name: 'refs may name any declared id',
      plan: `plan: 1
name: Pilot
integrations: [{ id: erp, system: SAP }]
phases:
  - id: test
    name: Test
    kind: testing
    checklist: [{ task: Test ERP sync, refs: [erp, test] }]
`,
    },
  ],
  invalid: [
    {
      name: 'an owner typo gets did-you-mean and a safe replacement',
      plan: `plan: 1
name: Pilot
${PEOPLE}phases:
  - { id: a, name: A, kind: planning, owner: priay }
`,
      errors: [{ messageId: 'unknown', line: 7, column: 46, endLine: 7, endColumn: 51, message: 'owner "priay" is not a declared person or team; did you mean "priya"?' }],
      output: `plan: 1
name: Pilot
${PEOPLE}phases:
  - { id: a, name: A, kind: planning, owner: priya }
`,
    },
    {
      name: 'after naming a person is the wrong kind',
      plan: `plan: 1
name: Pilot
${PEOPLE}phases:
  - { id: a, name: A, kind: planning, after: [dana] }
`,
      errors: [{ messageId: 'wrongKind', line: 7, column: 47, endLine: 7, endColumn: 51, message: 'after "dana" is a person, not a phase; name a phase id here' }],
      output: null,
    },
    {
      name: 'an unknown sponsor far from any declared id offers only the person stub',
      plan: `plan: 1
name: Pilot
sponsor: zebediah
${PEOPLE}`,
      errors: [{ messageId: 'unknown', line: 3, column: 10, endLine: 3, endColumn: 18, message: 'sponsor "zebediah" is not a declared person; declare it or use one of the declared ids' }],
      output: null,
    },
  ],
});
