import { expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { migrationMapping } from '../../server/src/engine/rules/migration-mapping';
import { runRule, testRule } from '../helpers/ruleTester';
import { wave3MissingCase } from '../helpers/threeWaves';

const UNDATED_MAPPING = `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - task: Map legacy fields
        tags:
          - data-mapping
      - { task: Trial import, tags: [test-migration], due: 2027-01-22 }
`;

testRule(migrationMapping, {
  valid: [
    {
      name: 'mapping due before the first trial migration',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Map legacy fields, tags: [data-mapping], due: 2027-01-15 }
      - { task: Trial import, tags: [test-migration], due: 2027-01-22 }
`,
    },
    {
      name: 'without a trial, an undated mapping in the data-migration phase falls on M',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-05, checklist: [{ task: Map columns, tags: [data-mapping] }] }
`,
    },
    {
      name: 'no data-migration phase and no final-migration item: silent',
      plan: `plan: 1
name: Pilot
phases:
  - { id: setup, name: Setup, kind: configuration, start: 2027-01-11, end: 2027-02-05 }
`,
    },
  ],
  invalid: [
    {
      name: 'no mapping: inserted before the cleansing that precedes the trial, due by the trial, with a hint',
      plan: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Agree the field mapping with sales, due: 2027-01-13 }
      - { task: Merge duplicates, tags: [data-cleansing], due: 2027-01-18 }
      - { task: Trial import, tags: [test-migration], due: 2027-01-22 }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message:
            'the plan migrates on 2027-02-12 (the end of data-migration phase "data") but no item tagged data-mapping is due on or before its first trial migration "Trial import" (2027-01-22); map the legacy fields to the new CRM before the data moves; item "Agree the field mapping with sales" looks like it should be tagged data-mapping',
          suggestions: [{ title: 'insert an item tagged data-mapping into phase "data" due 2027-01-22', output: `plan: 1
name: Pilot
phases:
  - id: data
    name: Data migration
    kind: data-migration
    start: 2027-01-11
    end: 2027-02-12
    checklist:
      - { task: Agree the field mapping with sales, due: 2027-01-13 }
      - { task: Map legacy fields to the new CRM, tags: [data-mapping], due: 2027-01-22 }
      - { task: Merge duplicates, tags: [data-cleansing], due: 2027-01-18 }
      - { task: Trial import, tags: [test-migration], due: 2027-01-22 }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a trial due on a Sunday: the inserted mapping is due the Friday before',
      plan: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-12, checklist: [{ task: Weekend trial import, tags: [test-migration], due: 2027-01-24 }] }
`,
      errors: [{ messageId: 'missing', line: 4, column: 11, endLine: 4, endColumn: 15, message: /first trial migration "Weekend trial import" \(2027-01-24\)/, suggestions: [{ title: 'insert an item tagged data-mapping into phase "data" due 2027-01-22', output: `plan: 1
name: Pilot
phases:
  - { id: data, name: Data, kind: data-migration, start: 2027-01-11, end: 2027-02-12, checklist: [{ task: Weekend trial import, tags: [test-migration], due: 2027-01-24 }, { task: Map legacy fields to the new CRM, tags: [data-mapping], due: 2027-01-22 }] }
` }] }],
      output: null,
    },
    {
      name: 'an undated mapping in a phase that ends after the trial is reported at its tag',
      plan: UNDATED_MAPPING,
      errors: [
        {
          messageId: 'late',
          line: 12,
          column: 13,
          endLine: 12,
          endColumn: 25,
          message:
            'data-mapping item "Map legacy fields" has no due date, so it falls on the end of phase "data" (2027-02-12), after the first trial migration "Trial import" (2027-01-22); finish the mapping on or before 2027-01-22',
        },
      ],
      output: null,
    },
    wave3MissingCase(
      'three waves, the third without mapping: one finding, naming wave 3, at its data-migration phase',
      'wave 3 migrates on 2027-11-05 (the final migration "Final migration") but no item tagged data-mapping in a phase preparing it is due on or before then; map the legacy fields to the new CRM before the data moves',
    ),
  ],
});

it('migration-mapping: an undated late mapping gets an unsafe fix adding its due date under its other keys', () => {
  const [finding] = runRule(migrationMapping, { name: 'undated', plan: UNDATED_MAPPING });
  expect(finding.fixes?.map((f) => [f.title, f.kind])).toEqual([['set its due date to 2027-01-22', 'suggestion']]);
  expect(applyEdits(UNDATED_MAPPING, finding.fixes![0].edits)).toBe(
    UNDATED_MAPPING.replace('          - data-mapping\n', '          - data-mapping\n        due: 2027-01-22\n'),
  );
});
