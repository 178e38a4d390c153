import { knownTags } from '../../server/src/engine/rules/known-tags';
import { testRule } from '../helpers/ruleTester';

testRule(knownTags, {
  valid: [
    {
      name: 'vocabulary tags and x- tags',
      plan: `plan: 1
name: Pilot
phases:
  - id: d
    name: Data
    kind: data-migration
    checklist:
      - { task: Back up, tags: [backup, x-finance] }
`,
    },
  ],
  invalid: [
    {
      name: 'a misspelt tag is replaced by the closest known tag',
      plan: `plan: 1
name: Pilot
phases:
  - id: d
    name: Data
    kind: data-migration
    checklist:
      - task: Back up the ticket database
        tags:
          - bakup # the nightly snapshot
`,
      errors: [{ messageId: 'unknown', line: 10, column: 13, endLine: 10, endColumn: 18, message: 'tag "bakup" is not a known checklist tag, so no rule will recognise this item; did you mean "backup"?' }],
      output: `plan: 1
name: Pilot
phases:
  - id: d
    name: Data
    kind: data-migration
    checklist:
      - task: Back up the ticket database
        tags:
          - backup # the nightly snapshot
`,
    },
    {
      name: 'a tag far from every known tag has no replacement',
      plan: `plan: 1
name: Pilot
phases:
  - { id: d, name: Data, kind: data-migration, checklist: [{ task: T, tags: [quarterly-party] }] }
`,
      errors: [{ messageId: 'unknown', line: 4, column: 78, endLine: 4, endColumn: 93, message: /prefix your own with "x-"/ }],
      output: null,
    },
  ],
});
