import { riskRegister } from '../../server/src/engine/rules/risk-register';
import { testRule } from '../helpers/ruleTester';

testRule(riskRegister, {
  valid: [
    {
      name: 'high risks with mitigations; low and medium ones need none',
      plan: `plan: 1
name: Pilot
risks:
  - { id: dirty-data, description: Duplicate contacts, likelihood: high, impact: high, mitigation: Dedupe before the trial migration }
  - { id: key-person, description: The partner rotates its architect, likelihood: low, impact: medium }
`,
    },
    {
      name: 'a risk without likelihood or impact needs no mitigation',
      plan: `plan: 1
name: Pilot
risks:
  - id: api-limits
    description: ERP API limits slow the sync
`,
    },
  ],
  invalid: [
    {
      name: 'a plan without risks is reported at its name',
      plan: `plan: 1
name: Pilot
owner: kim
`,
      errors: [
        { messageId: 'noRisks', line: 2, column: 7, endLine: 2, endColumn: 12, message: 'the plan lists no risks; add what could go wrong (dirty legacy data, low adoption, integration delays) with its likelihood, impact and mitigation' },
      ],
      output: null,
    },
    {
      name: 'an empty risks list is reported at its key',
      plan: `plan: 1
name: Pilot
risks: [] # to do
`,
      errors: [
        { messageId: 'noRisks', line: 3, column: 1, endLine: 3, endColumn: 6 },
      ],
      output: null,
    },
    {
      name: 'high-likelihood or high-impact risks without a mitigation are reported at their ids',
      plan: `plan: 1
name: Pilot
risks:
  - { id: low-adoption, description: Reps keep their spreadsheets, likelihood: high, impact: high }
  - id: sync-delay
    description: The ERP team delivers late
    likelihood: medium
    impact: high
    mitigation: ""
  - { id: resistance, description: Agents prefer the old tool, likelihood: high, impact: low, mitigation: Champions on the floor }
`,
      errors: [
        { messageId: 'noMitigation', line: 4, column: 11, endLine: 4, endColumn: 23, message: 'risk "low-adoption" has high likelihood and high impact but no mitigation; add mitigation: with what you will do to make it less likely or less harmful' },
        { messageId: 'noMitigation', line: 5, column: 9, endLine: 5, endColumn: 19, message: /^risk "sync-delay" has high impact but no mitigation; / },
      ],
      output: null,
    },
  ],
});
