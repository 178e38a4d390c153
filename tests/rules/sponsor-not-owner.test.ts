import { sponsorNotOwner } from '../../server/src/engine/rules/sponsor-not-owner';
import { testRule } from '../helpers/ruleTester';

const plan = (size: string, sponsor: string, owner: string) => `plan: 1
name: Rollout
organization: { name: Acme, size: ${size} }
sponsor: ${sponsor}
owner: ${owner}
people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
`;

testRule(sponsorNotOwner, {
  valid: [
    { name: 'a mid plan with a sponsor and a different owner', plan: plan('mid', 'dana', 'priya') },
    { name: 'a small plan where one person does both (allowed)', plan: plan('small', 'dana', 'dana') },
    {
      name: 'a plan without a size is not judged',
      plan: `plan: 1
name: Rollout
sponsor: dana
owner: dana
people: [{ id: dana, name: Dana }]
`,
    },
    {
      name: 'no owner: project-owner reports it, not this rule',
      plan: `plan: 1
name: Rollout
organization: { name: Acme, size: enterprise }
sponsor: dana
people: [{ id: dana, name: Dana }]
`,
    },
  ],
  invalid: [
    {
      name: 'an enterprise plan whose sponsor is also the owner is reported at the owner value',
      plan: plan('enterprise', 'dana', 'dana'),
      errors: [
        {
          messageId: 'same',
          line: 5,
          column: 8,
          endLine: 5,
          endColumn: 12,
          message:
            '"dana" is both the sponsor and the project owner of this enterprise rollout; name a different owner to run the project day to day while the sponsor backs and funds it',
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'a mid plan likewise',
      plan: plan('mid', 'priya', 'priya'),
      errors: [{ messageId: 'same', line: 5, column: 8, endLine: 5, endColumn: 13 }],
      output: null,
    },
  ],
});
