import { migrationValidation } from '../../server/src/engine/rules/migration-validation';
import { testRule } from '../helpers/ruleTester';
import { wave3MissingCase } from '../helpers/threeWaves';

testRule(migrationValidation, {
  valid: [
    {
      name: 'an undated validation next to an undated final migration falls on M itself (on or after is inclusive)',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Final import, tags: [final-migration] }
      - { task: Reconcile record counts, tags: [validation] }
`,
    },
    {
      name: 'a validation in the go-live phase after the migration',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-05 }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12, checklist: [{ task: Spot-check accounts, tags: [validation], due: 2027-02-08 }] }
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
      name: 'a validation in a testing phase does not count; the item goes right after the final migration',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Final import, tags: [final-migration], due: 2027-02-03 }
      - { task: Reconcile record counts with the old CRM }
  - { id: sit, name: System test, kind: testing, start: 2027-01-18, end: 2027-01-29, checklist: [{ task: Validate trial data, tags: [validation] }] }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message:
            'the plan migrates on 2027-02-03 (the final migration "Final import") but no validation item in a data-migration, go-live or support phase is due on or after that day; check the migrated data against the legacy system once it has moved; item "Reconcile record counts with the old CRM" looks like it should be tagged validation',
          suggestions: [{ title: 'insert an item tagged validation into phase "data"', output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Final import, tags: [final-migration], due: 2027-02-03 }
      - { task: Validate the migrated data against the legacy system, tags: [validation] }
      - { task: Reconcile record counts with the old CRM }
  - { id: sit, name: System test, kind: testing, start: 2027-01-18, end: 2027-01-29, checklist: [{ task: Validate trial data, tags: [validation] }] }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'without a final-migration item the validation goes at the end of the data-migration phase that fixes M',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Trial import, tags: [test-migration], due: 2027-01-22 }
`,
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13, message: /^the plan migrates on 2027-02-05 \(the end of data-migration phase "data"\)/, suggestions: [{ title: 'insert an item tagged validation into phase "data"', output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Trial import, tags: [test-migration], due: 2027-01-22 }
      - { task: Validate the migrated data against the legacy system, tags: [validation] }
` }] }],
      output: null,
    },
    {
      name: 'a final migration in a testing phase: the validation goes into the go-live phase',
      plan: `plan: 1
name: Pilot
phases:
  - { id: sit, name: Test and cut over, kind: testing, start: 2027-01-18, end: 2027-02-05, checklist: [{ task: Final import, tags: [final-migration] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12, checklist: [{ task: Switch off the old CRM }] }
`,
      errors: [{ messageId: 'missing', line: 5, column: 11, endLine: 5, endColumn: 13, suggestions: [{ title: 'insert an item tagged validation into phase "go"', output: `plan: 1
name: Pilot
phases:
  - { id: sit, name: Test and cut over, kind: testing, start: 2027-01-18, end: 2027-02-05, checklist: [{ task: Final import, tags: [final-migration] }] }
  - { id: go, name: Go-live, kind: go-live, start: 2027-02-08, end: 2027-02-12, checklist: [{ task: Switch off the old CRM }, { task: Validate the migrated data against the legacy system, tags: [validation] }] }
` }] }],
      output: null,
    },
    {
      name: 'a validation due before the migration is reported at its due date',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Reconcile record counts, tags: [validation], due: 2027-02-01 }
      - { task: Final import, tags: [final-migration], due: 2027-02-04 }
`,
      errors: [
        {
          messageId: 'early',
          line: 10,
          column: 67,
          endLine: 10,
          endColumn: 77,
          message:
            'validation item "Reconcile record counts" is due 2027-02-01, before the plan migrates on 2027-02-04 (the final migration "Final import"); validate on or after 2027-02-04, once the data has moved',
        },
      ],
      output: null,
    },
    wave3MissingCase(
      'three waves, the third without validation: one finding, naming wave 3, at its data-migration phase',
      'wave 3 migrates on 2027-11-05 (the final migration "Final migration") but no validation item in a data-migration, go-live or support phase preparing it is due on or after that day; check the migrated data against the legacy system once it has moved',
    ),
  ],
});
