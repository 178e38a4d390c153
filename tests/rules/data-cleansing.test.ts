import { dataCleansing } from '../../server/src/engine/rules/data-cleansing';
import { testRule } from '../helpers/ruleTester';
import { wave3MissingCase } from '../helpers/threeWaves';

testRule(dataCleansing, {
  valid: [
    {
      name: 'cleansing due on the day of the first trial migration (on or before is inclusive)',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Merge duplicate contacts, tags: [data-cleansing], due: 2027-01-22 }
      - { task: Trial import, tags: [test-migration], due: 2027-01-22 }
      - { task: Final import, tags: [final-migration], due: 2027-02-04 }
`,
    },
    {
      name: 'without a trial migration, an audit on or before M is enough',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-05, checklist: [{ task: Profile the spreadsheets, tags: [data-audit] }] }
`,
    },
    {
      name: 'no data-migration phase and no final-migration item: silent',
      plan: `plan: 1
name: Pilot
phases:
  - { id: uat, name: UAT, kind: testing, start: 2027-01-11, end: 2027-02-05, checklist: [{ task: Trial import, tags: [test-migration] }] }
`,
    },
  ],
  invalid: [
    {
      name: 'no audit or cleansing: inserted before the first trial with its due, and the dedupe task gets a hint',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Remove duplicate contacts, due: 2027-01-15 }
      - { task: Trial import, tags: [test-migration], due: 2027-01-22 }
      - { task: Final import, tags: [final-migration], due: 2027-02-04 }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message:
            'the plan migrates on 2027-02-04 (the final migration "Final import") but no item tagged data-audit or data-cleansing is due on or before its first trial migration "Trial import" (2027-01-22); audit and cleanse the legacy data before it is migrated; item "Remove duplicate contacts" looks like it should be tagged data-cleansing',
          suggestions: [{ title: 'insert an item tagged data-audit, data-cleansing into phase "data" due 2027-01-22', output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Remove duplicate contacts, due: 2027-01-15 }
      - { task: Audit the legacy data and remove duplicates, tags: [data-audit, data-cleansing], due: 2027-01-22 }
      - { task: Trial import, tags: [test-migration], due: 2027-01-22 }
      - { task: Final import, tags: [final-migration], due: 2027-02-04 }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'without a trial the deadline is M and the item goes before the final migration',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Map fields, tags: [data-mapping] }
      - { task: Final import, tags: [final-migration] }
`,
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13, message: /^the plan migrates on 2027-02-05 \(the final migration "Final import"\) but no item tagged data-audit or data-cleansing is due on or before then;/, suggestions: [{ title: 'insert an item tagged data-audit, data-cleansing into phase "data"', output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Map fields, tags: [data-mapping] }
      - { task: Audit the legacy data and remove duplicates, tags: [data-audit, data-cleansing] }
      - { task: Final import, tags: [final-migration] }
` }] }],
      output: null,
    },
    {
      name: 'cleansing after the earliest trial (not the first in the file) is reported at its due date',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Dress rehearsal, tags: [test-migration], due: 2027-02-01 }
      - { task: First trial, tags: [test-migration], due: 2027-01-20 }
      - { task: Merge duplicates, tags: [data-cleansing], due: 2027-01-27 }
      - { task: Final import, tags: [final-migration], due: 2027-02-04 }
`,
      errors: [
        {
          messageId: 'late',
          line: 12,
          column: 64,
          endLine: 12,
          endColumn: 74,
          message:
            'data-cleansing item "Merge duplicates" is due 2027-01-27, after the first trial migration "First trial" (2027-01-20); clean the data on or before 2027-01-20',
        },
      ],
      output: null,
    },
    wave3MissingCase(
      'three waves, the third without cleansing: one finding, naming wave 3, at its data-migration phase',
      'wave 3 migrates on 2027-11-05 (the final migration "Final migration") but no item tagged data-audit or data-cleansing in a phase preparing it is due on or before then; audit and cleanse the legacy data before it is migrated',
    ),
  ],
});
