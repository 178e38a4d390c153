import { customizationTraced } from '../../server/src/engine/rules/customization-traced';
import { testRule } from '../helpers/ruleTester';

const OBJECTIVES = `objectives:
  - { id: faster-quotes, statement: Send quotes within a day }
  - { id: retention, statement: Keep more customers }
`;

testRule(customizationTraced, {
  valid: [
    {
      name: 'every customization supports an objective',
      plan: `plan: 1
name: Pilot
${OBJECTIVES}customizations:
  - { id: quote-template, name: Branded quote template, supports: [faster-quotes] }
  - id: churn-flag
    name: At-risk account flag
    supports: [retention, faster-quotes]
`,
    },
    {
      name: 'a plan without customizations',
      plan: `plan: 1
name: Pilot
${OBJECTIVES}`,
    },
  ],
  invalid: [
    {
      name: 'a customization without supports is reported at its id and lists the declared objectives',
      plan: `plan: 1
name: Pilot
${OBJECTIVES}customizations:
  - { id: quote-template, name: Branded quote template, priority: must }
`,
      errors: [
        {
          messageId: 'untraced',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 25,
          message:
            'customization "quote-template" supports no objective; name the objectives it serves in supports (declared: "faster-quotes", "retention") or drop it, since customizing pays only where there is clear business value',
        },
      ],
      output: null,
    },
    {
      name: 'an empty supports list is reported at the list',
      plan: `plan: 1
name: Pilot
customizations:
  - id: quote-template
    name: Branded quote template
    supports: []
`,
      errors: [
        {
          messageId: 'untraced',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 17,
          message: 'customization "quote-template" supports no objective; name the objectives it serves in supports or drop it, since customizing pays only where there is clear business value',
        },
      ],
      output: null,
    },
  ],
});
