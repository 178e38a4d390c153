import { testingScope } from '../../server/src/engine/rules/testing-scope';
import { testRule } from '../helpers/ruleTester';

testRule(testingScope, {
  valid: [
    {
      name: 'a mid plan with a functional test in testing that ends before go-live',
      plan: `plan: 1
name: Pilot
organization: { name: Northwind, size: mid }
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-11, end: 2027-01-29, checklist: [{ task: Test scripts, tags: [functional-test] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
    },
    {
      name: 'an enterprise plan whose functional and performance tests sit in different testing phases',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-11, end: 2027-01-22, checklist: [{ task: Test scripts, tags: [functional-test] }] }
  - { id: load, name: Load test, kind: testing, start: 2027-01-25, end: 2027-02-05, checklist: [{ task: 2000 users, tags: [performance-test] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
    },
    {
      name: 'testing that runs past go-live leaves nothing to check here (phase-order reports it)',
      plan: `plan: 1
name: Pilot
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-11, end: 2027-02-19 }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
    },
  ],
  invalid: [
    {
      name: 'no functional test: inserted before UAT, with a hint for the untagged regression task',
      plan: `plan: 1
name: Pilot
phases:
  - id: sit
    name: System and acceptance testing
    kind: testing
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Regression run of the sales process }
      - { task: Acceptance by sales, tags: [uat] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 12,
          message:
            'no testing phase that ends before go-live (2027-02-08) holds an item tagged functional-test; test that the configured processes work as intended before users accept them; item "Regression run of the sales process" looks like it should be tagged functional-test',
          suggestions: [{ title: 'insert an item tagged functional-test into phase "sit"', output: `plan: 1
name: Pilot
phases:
  - id: sit
    name: System and acceptance testing
    kind: testing
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Regression run of the sales process }
      - { task: Functional test of the configured processes, tags: [functional-test] }
      - { task: Acceptance by sales, tags: [uat] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'an enterprise plan whose only performance test is in testing after go-live',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-11, end: 2027-02-05, checklist: [{ task: Test scripts, tags: [functional-test] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
  - { id: late-load, name: Late load test, kind: testing, start: 2027-02-15, end: 2027-02-19, checklist: [{ task: Load test, tags: [performance-test] }] }
`,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 14,
          message:
            'no testing phase that ends before go-live (2027-02-08) holds an item tagged performance-test; an enterprise rollout also tests speed under production data volumes and user numbers',
          suggestions: [{ title: 'insert an item tagged performance-test into phase "sit"', output: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: sit, name: System test, kind: testing, start: 2027-01-11, end: 2027-02-05, checklist: [{ task: Test scripts, tags: [functional-test] }, { task: Performance test with production data volumes and user numbers, tags: [performance-test] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
  - { id: late-load, name: Late load test, kind: testing, start: 2027-02-15, end: 2027-02-19, checklist: [{ task: Load test, tags: [performance-test] }] }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'an enterprise plan missing both gets one finding per tag; one pass of fixes inserts the first',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - id: sit
    name: System test
    kind: testing
    start: 2027-01-11
    end: 2027-02-05
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
      errors: [
        { messageId: 'missing', line: 5, column: 9, endLine: 5, endColumn: 12, message: /tagged functional-test/, suggestions: [{ title: 'insert an item tagged functional-test into phase "sit"', output: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - id: sit
    name: System test
    kind: testing
    start: 2027-01-11
    end: 2027-02-05
    checklist: [{ task: Functional test of the configured processes, tags: [functional-test] }]
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
` }] },
        { messageId: 'missing', line: 5, column: 9, endLine: 5, endColumn: 12, message: /tagged performance-test/ },
      ],
      output: null,
    },
  ],
});
