import { migrationTrial } from '../../server/src/engine/rules/migration-trial';
import { testRule } from '../helpers/ruleTester';
import { wave3MissingCase } from '../helpers/threeWaves';

const NO_TRIAL = `plan: 1
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
`;

const CUTOVER_IN_GO_LIVE = `plan: 1
name: Pilot
phases:
  - id: go-live
    name: Go-live
    kind: go-live
    start: 2027-02-01
    end: 2027-02-12
    checklist:
      - { task: Cut over the contacts, tags: [final-migration], due: 2027-02-01 }
`;

const UNDATED_TRIAL_ON_M = `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-05, checklist: [{ task: Trial import, tags: [test-migration] }] }
`;

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
      name: 'with gap: 0, an undated trial in the only data-migration phase may fall on M (its end)',
      plan: UNDATED_TRIAL_ON_M,
      options: { gap: 0 },
    },
    {
      name: 'a trial exactly gap working days before M (2027-01-29 is five working days before 2027-02-05)',
      plan: UNDATED_TRIAL_ON_M.replace('tags: [test-migration] }', 'tags: [test-migration], due: 2027-01-29 }'),
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
      plan: NO_TRIAL,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message:
            'the plan migrates on 2027-02-05 (the final migration "Final import") but no test-migration item is due by 2027-01-29 (5 working days before); rehearse the migration in a test environment first; item "Dry run of the import" looks like it should be tagged test-migration',
          suggestions: [
            {
              title: 'insert an item tagged test-migration into phase "data" due 2027-01-29',
              output: NO_TRIAL.replace(
                '      - { task: Back up',
                '      - { task: Trial migration into a test environment, tags: [test-migration], due: 2027-01-29 }\n      - { task: Back up',
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a final migration inside the go-live phase: the trial goes before it, due gap working days before M',
      plan: CUTOVER_IN_GO_LIVE,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 16,
          message: /^the plan migrates on 2027-02-01 \(the final migration "Cut over the contacts"\) but no test-migration item is due by 2027-01-25 /,
          suggestions: [
            {
              title: 'insert an item tagged test-migration into phase "go-live" due 2027-01-25',
              output: CUTOVER_IN_GO_LIVE.replace(
                '      - { task: Cut',
                '      - { task: Trial migration into a test environment, tags: [test-migration], due: 2027-01-25 }\n      - { task: Cut',
              ),
            },
          ],
        },
      ],
      output: null,
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
          message: 'test-migration item "trial" is due 2027-02-08, after the plan migrates on 2027-02-04 (the final migration "Final import"); run the trial on or before 2027-01-28',
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
          message: 'test-migration item "Trial import" has no due date, so it falls on the end of phase "uat" (2027-02-12), after the plan migrates on 2027-01-29 (the final migration "Final import"); run the trial on or before 2027-01-22',
        },
      ],
      output: null,
    },
    {
      name: 'a trial on the day of the final migration leaves no time to fix what it finds: reported at its tag',
      plan: UNDATED_TRIAL_ON_M,
      errors: [
        {
          messageId: 'tooClose',
          line: 4,
          column: 128,
          endLine: 4,
          endColumn: 142,
          message:
            'test-migration item "Trial import" has no due date, so it falls on the end of phase "data" (2027-02-05), less than 5 working days before the plan migrates on 2027-02-05 (the end of data-migration phase "data"); run the trial on or before 2027-01-29 to leave time to fix what it finds',
          suggestions: [
            { title: 'set its due date to 2027-01-29', output: UNDATED_TRIAL_ON_M.replace('tags: [test-migration] }', 'tags: [test-migration], due: 2027-01-29 }') },
          ],
        },
      ],
      output: null,
    },
    wave3MissingCase(
      'three waves, the third without a trial: one finding, naming wave 3, at its data-migration phase',
      'wave 3 migrates on 2027-11-05 (the final migration "Final migration") but no test-migration item in a phase preparing it is due by 2027-10-29 (5 working days before); rehearse the migration in a test environment first',
    ),
    {
      name: "the gap is counted on the wave's calendar: a German holiday inside it moves the deadline a day earlier",
      plan: `plan: 1
name: Pilot
calendars:
  - { id: de, name: Germany, holidays: [2027-02-01] }
waves:
  - { wave: 1, name: Germany, calendar: de }
phases:
  - id: data
    name: Data migration
    kind: data-migration
    wave: 1
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Trial import, tags: [test-migration], due: 2027-01-29 }
  - { id: go, name: Go-live, kind: go-live, wave: 1, start: 2027-02-08, end: 2027-02-12 }
`,
      errors: [
        {
          messageId: 'tooClose',
          line: 15,
          column: 60,
          endLine: 15,
          endColumn: 70,
          message:
            'test-migration item "Trial import" is due 2027-01-29, less than 5 working days before wave 1 (Germany) migrates on 2027-02-05 (the end of data-migration phase "data"); run the trial on or before 2027-01-28 to leave time to fix what it finds',
        },
      ],
      output: null,
    },
  ],
});
