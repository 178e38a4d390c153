import { expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { migrationBackup } from '../../server/src/engine/rules/migration-backup';
import { runRule, testRule, type InvalidCase, type RuleCase } from '../helpers/ruleTester';
import { wave3MissingCase } from '../helpers/threeWaves';

const LATE_BACKUP = `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Back up the old CRM, tags: [backup], due: 2027-02-08 }
      - { task: Final migration, tags: [final-migration], due: 2027-02-04 }
`;

const cases: { valid: RuleCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: 'a backup due on the final migration day itself (on or before is inclusive)',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist:
      - { task: Back up the old CRM, tags: [backup], due: 2027-02-04 }
      - { task: Final migration, tags: [final-migration], due: 2027-02-04 }
`,
    },
    {
      name: 'an undated backup falls on its phase end, which is M when no final-migration item exists',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-05, checklist: [{ task: Archive the spreadsheets, tags: [backup] }] }
`,
    },
    {
      name: 'no data-migration phase and no final-migration item: no M, so the rule is silent',
      plan: `plan: 1
name: Pilot
phases:
  - { id: setup, name: Setup, kind: configuration, start: 2027-01-11, end: 2027-02-05 }
`,
    },
  ],
  invalid: [
    {
      name: 'no backup: inserted before the final migration with a due on M, and the untagged snapshot gets a hint',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Snapshot the legacy database, due: 2027-02-01 }
      - { task: Final migration, tags: [final-migration], due: 2027-02-04 }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message:
            'the plan migrates on 2027-02-04 (the final migration "Final migration") but no backup item is due by then; back up the legacy data before the final migration; item "Snapshot the legacy database" looks like it should be tagged backup',
          suggestions: [{ title: 'insert an item tagged backup into phase "data" due 2027-02-04', output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Snapshot the legacy database, due: 2027-02-01 }
      - { task: Back up the legacy data before the final migration, tags: [backup], due: 2027-02-04 }
      - { task: Final migration, tags: [final-migration], due: 2027-02-04 }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a final migration due on a Saturday: the inserted backup is due the Friday before',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Final migration, tags: [final-migration], due: 2027-02-06 }
`,
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13, message: /^the plan migrates on 2027-02-06 /, suggestions: [{ title: 'insert an item tagged backup into phase "data" due 2027-02-05', output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Back up the legacy data before the final migration, tags: [backup], due: 2027-02-05 }
      - { task: Final migration, tags: [final-migration], due: 2027-02-06 }
` }] }],
      output: null,
    },
    {
      name: 'no final-migration item: M is the end of the last data-migration phase and the item goes first in the first one',
      plan: `plan: 1
name: Pilot
phases:
  - id: crm-data
    name: CRM data
    kind: data-migration
    start: 2027-01-11
    end: 2027-01-29
    checklist:
      - { task: Map fields, tags: [data-mapping] }
  - { id: erp-data, name: ERP data, kind: data-migration, start: 2027-02-01, end: 2027-02-12 }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 17,
          message: 'the plan migrates on 2027-02-12 (the end of data-migration phase "erp-data") but no backup item is due by then; back up the legacy data before the final migration',
          suggestions: [{ title: 'insert an item tagged backup into phase "crm-data"', output: `plan: 1
name: Pilot
phases:
  - id: crm-data
    name: CRM data
    kind: data-migration
    start: 2027-01-11
    end: 2027-01-29
    checklist:
      - { task: Back up the legacy data before the final migration, tags: [backup] }
      - { task: Map fields, tags: [data-mapping] }
  - { id: erp-data, name: ERP data, kind: data-migration, start: 2027-02-01, end: 2027-02-12 }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a block phase without a checklist gets a one-line checklist, after its comment',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration # from the old CRM
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
`,
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13, suggestions: [{ title: 'insert an item tagged backup into phase "data"', output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration # from the old CRM
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-05
    checklist: [{ task: Back up the legacy data before the final migration, tags: [backup] }]
` }] }],
      output: null,
    },
    {
      name: 'a flow phase without a checklist gets a flow checklist',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-05 }
`,
      errors: [{ messageId: 'missing', line: 4, column: 11, endLine: 4, endColumn: 15, suggestions: [{ title: 'insert an item tagged backup into phase "data"', output: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-05, checklist: [{ task: Back up the legacy data before the final migration, tags: [backup] }] }
` }] }],
      output: null,
    },
    {
      name: 'a backup due after M is reported at its due date',
      plan: LATE_BACKUP,
      errors: [
        {
          messageId: 'late',
          line: 10,
          column: 59,
          endLine: 10,
          endColumn: 69,
          message: 'backup item "Back up the old CRM" is due 2027-02-08, after the plan migrates on 2027-02-04 (the final migration "Final migration"); take the backup on or before 2027-02-04',
        },
      ],
      output: null,
    },
    wave3MissingCase(
      'three waves, the third without backup: one finding, naming wave 3, at its data-migration phase',
      'wave 3 migrates on 2027-11-05 (the final migration "Final migration") but no backup item in a phase preparing it is due by then; back up the legacy data before the final migration',
    ),
    {
      name: "a late backup's suggested due date is a working day of its phase's calendar: the Saturday of a worked cutover weekend",
      plan: `plan: 1
name: Pilot
calendars:
  - { id: cutover, name: Cutover weekend, extra_working_days: [2027-02-06] }
phases:
  - id: data
    name: Data migration
    kind: data-migration
    calendar: cutover
    start: 2027-01-11
    end: 2027-02-06
    checklist:
      - { task: Back up the legacy data, tags: [backup], due: 2027-02-08 }
      - { task: Final import, tags: [final-migration], due: 2027-02-06 }
`,
      errors: [
        {
          messageId: 'late',
          line: 13,
          column: 63,
          endLine: 13,
          endColumn: 73,
          message:
            'backup item "Back up the legacy data" is due 2027-02-08, after the plan migrates on 2027-02-06 (the final migration "Final import"); take the backup on or before 2027-02-06',
          suggestions: [{ title: 'set its due date to 2027-02-06', output: `plan: 1
name: Pilot
calendars:
  - { id: cutover, name: Cutover weekend, extra_working_days: [2027-02-06] }
phases:
  - id: data
    name: Data migration
    kind: data-migration
    calendar: cutover
    start: 2027-01-11
    end: 2027-02-06
    checklist:
      - { task: Back up the legacy data, tags: [backup], due: 2027-02-06 }
      - { task: Final import, tags: [final-migration], due: 2027-02-06 }
` }],
        },
      ],
      output: null,
    },
  ],
};

testRule(migrationBackup, cases);

it('migration-backup: moving a late backup is offered as an unsafe fix that sets its due to M', () => {
  const [finding] = runRule(migrationBackup, { name: 'late', plan: LATE_BACKUP });
  expect(finding.fixes?.map((f) => f.kind)).toEqual(['suggestion']);
  expect(applyEdits(LATE_BACKUP, finding.fixes![0].edits)).toBe(LATE_BACKUP.replace('due: 2027-02-08', 'due: 2027-02-04'));
});
