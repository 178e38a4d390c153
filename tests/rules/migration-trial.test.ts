import { migrationTrial } from '../../server/src/engine/rules/migration-trial';
import { testRule } from '../helpers/ruleTester';

testRule(migrationTrial, {
  valid: [
    {
      name: 'a trial migration due before the final migration',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Trial import into the sandbox, tags: [test-migration], due: 2027-01-22 }
      - { task: Final import, tags: [final-migration], due: 2027-02-04 }
`,
    },
    {
      name: 'an undated trial in the only data-migration phase falls on M (its end)',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-05, checklist: [{ task: Trial import, tags: [test-migration] }] }
`,
    },
    {
      name: 'no data-migration phase and no final-migration item: silent',
      plan: `plan: 1
name: Pilot
phases:
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12 }
`,
    },
  ],
  invalid: [
    {
      name: 'no trial: inserted before the backup, with a hint for the untagged dry run',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Profile the legacy data, tags: [data-audit] }
      - { task: Dry run of the import, due: 2027-01-22 }
      - { task: Back up the old CRM, tags: [backup] }
      - { task: Final import, tags: [final-migration] }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message:
            'no item tagged test-migration is due on or before the migration date 2027-02-05 (the final migration "Final import"); rehearse the migration in a test environment before the final one; item "Dry run of the import" looks like it should be tagged test-migration',
        },
      ],
      output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Profile the legacy data, tags: [data-audit] }
      - { task: Dry run of the import, due: 2027-01-22 }
      - { task: Trial migration into a test environment, tags: [test-migration] }
      - { task: Back up the old CRM, tags: [backup] }
      - { task: Final import, tags: [final-migration] }
`,
    },
    {
      name: 'a final migration inside the go-live phase: the trial goes before it, due on M',
      plan: `plan: 1
name: Pilot
phases:
  - id: go-live
    name: Go-live
    kind: go-live
    start: 2027-02-01
    end: 2027-02-12
    checklist:
      - { task: Cut over the contacts, tags: [final-migration], due: 2027-02-01 }
`,
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 16, message: /migration date 2027-02-01 \(the final migration "Cut over the contacts"\)/ }],
      output: `plan: 1
name: Pilot
phases:
  - id: go-live
    name: Go-live
    kind: go-live
    start: 2027-02-01
    end: 2027-02-12
    checklist:
      - { task: Trial migration into a test environment, tags: [test-migration], due: 2027-02-01 }
      - { task: Cut over the contacts, tags: [final-migration], due: 2027-02-01 }
`,
    },
    {
      name: 'a trial after the final migration is reported at its due date',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Final import, tags: [final-migration], due: 2027-02-04 }
      - { id: trial, task: Trial import, tags: [test-migration], due: 2027-02-08 }
`,
      errors: [
        {
          messageId: 'late',
          line: 11,
          column: 71,
          endLine: 11,
          endColumn: 81,
          message: 'test-migration item "trial" is due 2027-02-08, after the migration date 2027-02-04 (the final migration "Final import"); run the trial migration on or before 2027-02-04',
        },
      ],
      output: null,
    },
    {
      name: 'an undated trial in a phase that ends after M is reported at its tag',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-01-29, checklist: [{ task: Final import, tags: [final-migration] }] }
  - { id: uat, name: UAT, kind: testing, start: 2027-02-01, end: 2027-02-12, checklist: [{ task: Trial import, tags: [test-migration] }] }
`,
      errors: [
        {
          messageId: 'late',
          line: 5,
          column: 119,
          endLine: 5,
          endColumn: 133,
          message: 'test-migration item "Trial import" has no due date, so it falls on the end of phase "uat" (2027-02-12), after the migration date 2027-01-29 (the final migration "Final import"); run the trial migration on or before 2027-01-29',
        },
      ],
      output: null,
    },
  ],
});
