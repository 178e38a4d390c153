import { integrationsDeclared } from '../../server/src/engine/rules/integrations-declared';
import { testRule } from '../helpers/ruleTester';

testRule(integrationsDeclared, {
  valid: [
    {
      name: 'a mid plan with an integration',
      plan: `plan: 1
name: Pilot
organization: { name: Northwind, size: mid }
integrations: [{ id: erp, system: Business Central }]
`,
    },
    {
      name: 'a small plan may run without integrations',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
`,
    },
    {
      name: 'a plan without a size is not judged',
      plan: `plan: 1
name: Pilot
organization: { name: Acme }
`,
    },
  ],
  invalid: [
    {
      name: 'a mid plan without integrations is reported at the plan name',
      plan: `plan: 1
name: Northwind rollout
organization: { name: Northwind, size: mid }
`,
      errors: [
        {
          messageId: 'none',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 24,
          message:
            'the plan is for an organization of size "mid" but declares no integrations; list the systems the CRM must exchange data with (ERP, marketing automation, support, accounting) under integrations: so that they are planned, built and tested',
        },
      ],
      output: null,
    },
    {
      name: 'an enterprise plan with an empty integrations list is reported at the list',
      plan: `plan: 1
name: Contoso rollout
organization:
  name: Contoso
  size: enterprise
integrations: []
`,
      errors: [{ messageId: 'none', line: 6, column: 15, endLine: 6, endColumn: 17, message: /^the plan is for an organization of size "enterprise" but declares no integrations;/ }],
      output: null,
    },
  ],
});
