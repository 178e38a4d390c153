import { accessControl } from '../../server/src/engine/rules/access-control';
import { testRule } from '../helpers/ruleTester';

testRule(accessControl, {
  valid: [
    {
      name: 'roles defined in the configuration phase before go-live',
      plan: `plan: 1
name: Pilot
phases:
  - id: build
    name: Build
    kind: configuration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Set up user roles, tags: [access-roles], due: 2027-01-20 }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
    },
    {
      name: 'an undated item in a design phase that ends before go-live',
      plan: `plan: 1
name: Pilot
phases:
  - { id: design, name: Design, kind: design, start: 2027-01-11, end: 2027-01-29, checklist: [{ task: Security model, tags: [access-roles] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
    },
    {
      name: 'no go-live phase: no G, so the rule is silent',
      plan: `plan: 1
name: Pilot
phases:
  - { id: build, name: Build, kind: configuration, start: 2027-01-11, end: 2027-02-05 }
`,
    },
    {
      name: 'no design or configuration phase: nowhere the item could count, so silent (required-phases reports it)',
      plan: `plan: 1
name: Pilot
phases:
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
    },
  ],
  invalid: [
    {
      name: 'roles only in a testing phase do not count; the item is appended to the configuration phase, with a hint',
      plan: `plan: 1
name: Pilot
phases:
  - id: build
    name: Build
    kind: configuration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Create permission sets for sales }
  - { id: uat, name: UAT, kind: testing, start: 2027-01-25, end: 2027-02-05, checklist: [{ task: Test roles, tags: [access-roles] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 14,
          message:
            'no item tagged access-roles in a design or configuration phase is due before go-live (2027-02-08); design user roles and permissions from the start, not after launch; item "Create permission sets for sales" looks like it should be tagged access-roles',
          suggestions: [{ title: 'insert an item tagged access-roles into phase "build"', output: `plan: 1
name: Pilot
phases:
  - id: build
    name: Build
    kind: configuration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Create permission sets for sales }
      - { task: Define user roles and permissions for each team, tags: [access-roles] }
  - { id: uat, name: UAT, kind: testing, start: 2027-01-25, end: 2027-02-05, checklist: [{ task: Test roles, tags: [access-roles] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a configuration phase running past go-live: the inserted item is due the last working day before it',
      plan: `plan: 1
name: Pilot
phases:
  - { id: design, name: Design, kind: design, start: 2027-01-04, end: 2027-01-08 }
  - { id: build, name: Build, kind: configuration, start: 2027-01-11, end: 2027-02-19 }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
      errors: [{ messageId: 'missing', line: 5, column: 11, endLine: 5, endColumn: 16, suggestions: [{ title: 'insert an item tagged access-roles into phase "build" due 2027-02-05', output: `plan: 1
name: Pilot
phases:
  - { id: design, name: Design, kind: design, start: 2027-01-04, end: 2027-01-08 }
  - { id: build, name: Build, kind: configuration, start: 2027-01-11, end: 2027-02-19, checklist: [{ task: Define user roles and permissions for each team, tags: [access-roles], due: 2027-02-05 }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
` }] }],
      output: null,
    },
    {
      name: 'roles due on the go-live day are not before it',
      plan: `plan: 1
name: Pilot
phases:
  - id: build
    name: Build
    kind: configuration
    start: 2027-01-11
    end: 2027-02-19
    checklist:
      - { task: Set up user roles, tags: [access-roles], due: 2027-02-08 }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
      errors: [
        {
          messageId: 'late',
          line: 10,
          column: 63,
          endLine: 10,
          endColumn: 73,
          message: 'access-roles item "Set up user roles" is due 2027-02-08, not before go-live (2027-02-08); settle user roles and permissions before 2027-02-08',
        },
      ],
      output: null,
    },
  ],
});
