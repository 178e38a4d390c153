import { integrationTested } from '../../server/src/engine/rules/integration-tested';
import { testRule } from '../helpers/ruleTester';

const UNREFERENCED_TEST = `plan: 1
name: Pilot
phases:
  - id: sit
    name: System test
    kind: testing
    start: 2027-01-11
    end: 2027-01-29
    checklist:
      - { task: Test the ERP invoice sync, tags: [integration-test] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
integrations:
  - { id: erp, system: Business Central }
`;

testRule(integrationTested, {
  valid: [
    {
      name: 'every integration named by an integration test before go-live',
      plan: `plan: 1
name: Pilot
phases:
  - id: sit
    name: System test
    kind: testing
    start: 2027-01-11
    end: 2027-01-29
    checklist:
      - { task: Order sync end to end, tags: [integration-test], refs: [erp], due: 2027-01-20 }
      - { task: Consent sync, tags: [integration-test], refs: [mailchimp] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
integrations:
  - { id: erp, system: Business Central }
  - { id: mailchimp, system: Mailchimp }
`,
    },
    {
      name: 'no integrations, nothing to test',
      plan: `plan: 1
name: Pilot
phases:
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
    },
    {
      name: 'no go-live phase: no G, so the rule is silent',
      plan: `plan: 1
name: Pilot
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-11, end: 2027-01-29 }
integrations:
  - { id: erp, system: Business Central }
`,
    },
  ],
  invalid: [
    {
      name: 'an untested integration: a test naming it is inserted before UAT',
      plan: `plan: 1
name: Pilot
phases:
  - id: sit
    name: System test
    kind: testing
    start: 2027-01-11
    end: 2027-01-29
    checklist:
      - { task: Functional tests, tags: [functional-test] }
      - { task: Acceptance by sales, tags: [uat] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
integrations:
  - { id: erp, system: Business Central, direction: bidirectional }
`,
      errors: [
        {
          messageId: 'missing',
          line: 14,
          column: 11,
          endLine: 14,
          endColumn: 14,
          message:
            'integration "erp" has no item tagged integration-test that names it in refs and is due before go-live (2027-02-08); test the data flow with Business Central before launch',
          suggestions: [{ title: 'insert an item tagged integration-test into phase "sit"', output: `plan: 1
name: Pilot
phases:
  - id: sit
    name: System test
    kind: testing
    start: 2027-01-11
    end: 2027-01-29
    checklist:
      - { task: Functional tests, tags: [functional-test] }
      - { task: Test the Business Central integration end to end, tags: [integration-test], refs: [erp] }
      - { task: Acceptance by sales, tags: [uat] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
integrations:
  - { id: erp, system: Business Central, direction: bidirectional }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a test that mentions the integration but does not name it in refs',
      plan: UNREFERENCED_TEST,
      errors: [
        {
          messageId: 'missing',
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 14,
          message:
            'integration "erp" has no item tagged integration-test that names it in refs and is due before go-live (2027-02-08); test the data flow with Business Central before launch; item "Test the ERP invoice sync" is tagged integration-test but its refs do not name "erp"',
          suggestions: [
            {
              title: 'add "erp" to the refs of "Test the ERP invoice sync"',
              output: UNREFERENCED_TEST.replace('tags: [integration-test] }', 'tags: [integration-test], refs: [erp] }'),
            },
            {
              title: 'insert an item tagged integration-test into phase "sit"',
              output: UNREFERENCED_TEST.replace(
                '      - { task: Test the ERP invoice sync, tags: [integration-test] }\n',
                '      - { task: Test the ERP invoice sync, tags: [integration-test] }\n      - { task: Test the Business Central integration end to end, tags: [integration-test], refs: [erp] }\n',
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'testing that runs past go-live: the inserted test is due before it, and a system name with a comma is quoted',
      plan: `plan: 1
name: Pilot
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-25, end: 2027-02-19, checklist: [] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
integrations:
  - id: billing
    system: Acme, Inc. billing
`,
      errors: [{ messageId: 'missing', line: 7, column: 9, endLine: 7, endColumn: 16, suggestions: [{ title: 'insert an item tagged integration-test into phase "sit" due 2027-02-05', output: `plan: 1
name: Pilot
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-25, end: 2027-02-19, checklist: [{ task: "Test the Acme, Inc. billing integration end to end", tags: [integration-test], refs: [billing], due: 2027-02-05 }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
integrations:
  - id: billing
    system: Acme, Inc. billing
` }] }],
      output: null,
    },
    {
      name: 'an untagged end-to-end check that names the integration gets a hint to tag it',
      plan: `plan: 1
name: Pilot
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-11, end: 2027-01-29, checklist: [{ task: End-to-end order sync, refs: [erp] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
integrations:
  - { id: erp, system: Business Central }
`,
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14, message: /before launch; item "End-to-end order sync" looks like it should be tagged integration-test$/, suggestions: [{ title: 'insert an item tagged integration-test into phase "sit"', output: `plan: 1
name: Pilot
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-11, end: 2027-01-29, checklist: [{ task: End-to-end order sync, refs: [erp] }, { task: Test the Business Central integration end to end, tags: [integration-test], refs: [erp] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
integrations:
  - { id: erp, system: Business Central }
` }] }],
      output: null,
    },
    {
      name: 'a test naming the integration but due on go-live day is reported at its due date',
      plan: `plan: 1
name: Pilot
phases:
  - id: sit
    name: System test
    kind: testing
    start: 2027-01-25
    end: 2027-02-19
    checklist:
      - { task: ERP sync, tags: [integration-test], refs: [erp], due: 2027-02-08 }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
integrations:
  - { id: erp, system: Business Central }
`,
      errors: [
        {
          messageId: 'late',
          line: 10,
          column: 71,
          endLine: 10,
          endColumn: 81,
          message: 'integration-test item "ERP sync" for "erp" is due 2027-02-08, not before go-live (2027-02-08); test the integration before 2027-02-08',
        },
      ],
      output: null,
    },
  ],
});
