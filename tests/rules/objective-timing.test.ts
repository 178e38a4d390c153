import { objectiveTiming } from '../../server/src/engine/rules/objective-timing';
import { testRule } from '../helpers/ruleTester';

const PHASES = `phases:
  - { id: wave-1, name: Wave 1 go-live, kind: go-live, start: 2027-06-07, duration: 1w }
  - { id: wave-2, name: Wave 2 go-live, kind: go-live, wave: 2, start: 2027-09-06, duration: 1w }
`;

testRule(objectiveTiming, {
  valid: [
    {
      name: 'objectives due after the first go-live, even before a later wave',
      plan: `plan: 1
name: Pilot
${PHASES}objectives:
  - { id: faster-response, statement: Cut response time, due: 2027-06-08 }
  - { id: more-quotes, statement: Convert more quotes, due: 2027-12-31 }
`,
    },
    {
      name: 'without a go-live phase the rule is silent',
      plan: `plan: 1
name: Pilot
objectives:
  - { id: faster-response, statement: Cut response time, due: 2020-01-01 }
`,
    },
  ],
  invalid: [
    {
      name: 'a due date before go-live is reported at the date',
      plan: `plan: 1
name: Pilot
${PHASES}objectives:
  - { id: faster-response, statement: Cut response time, due: 2027-05-31 }
`,
      errors: [
        {
          messageId: 'tooEarly',
          line: 7,
          column: 63,
          endLine: 7,
          endColumn: 73,
          message:
            'objective "faster-response" is due 2027-05-31, before go-live (2027-06-07), too soon for results to show; users need time to adopt the CRM, so set a due date after go-live',
        },
      ],
      output: null,
    },
    {
      name: 'a due date on the go-live day is not after it',
      plan: `plan: 1
name: Pilot
${PHASES}objectives:
  - id: more-quotes
    statement: Convert more quotes
    due: 2027-06-07
`,
      errors: [{ messageId: 'tooEarly', line: 9, column: 10, endLine: 9, endColumn: 20, message: /^objective "more-quotes" is due 2027-06-07, the day of go-live \(2027-06-07\)/ }],
      output: null,
    },
  ],
});
