import { uniqueIds } from '../../server/src/engine/rules/unique-ids';
import { testRule } from '../helpers/ruleTester';

testRule(uniqueIds, {
  valid: [
    {
      name: 'distinct ids across people, phases and milestones',
      plan: `plan: 1
name: Pilot
people:
  - { id: dana, name: Dana }
phases:
  - id: discovery
    name: Discovery
    kind: planning
    milestones:
      - { id: charter, name: Charter }
`,
    },
    {
      name: 'a team the plan affects may also be listed by an imported directory',
      plan: `plan: 1
name: Pilot
imports: [people.yaml]
teams: [sales]
`,
      files: { '/work/people.yaml': 'teams: [sales, service]\n' },
    },
  ],
  invalid: [
    {
      name: 'a phase reusing a person id, pointing at the second declaration',
      plan: `plan: 1
name: Pilot
people:
  - { id: dana, name: Dana }
phases:
  - id: dana
    name: Discovery
    kind: planning
`,
      errors: [{ messageId: 'duplicate', line: 6, column: 9, endLine: 6, endColumn: 13, message: 'id "dana" is already declared as a person at line 4; ids are unique across the whole plan, so rename this phase' }],
      output: null,
    },
    {
      name: 'a checklist id equal to a milestone id',
      plan: `plan: 1
name: Pilot
phases:
  - id: build
    name: Build
    kind: configuration
    milestones: [{ id: done, name: Done }]
    checklist:
      - { id: done, task: Finish }
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 15, endLine: 9, endColumn: 19 }],
      output: null,
    },
    {
      name: 'a person declared both in the plan and in an imported file is shown on the import',
      plan: `plan: 1
name: Pilot
imports: [people.yaml]
people:
  - { id: sam, name: Sam }
`,
      files: { '/work/people.yaml': 'people:\n  - { id: sam, name: Sam Okafor }\n' },
      errors: [{ messageId: 'duplicate', line: 3, column: 11, endLine: 3, endColumn: 22, message: /in imported file \/work\/people\.yaml/ }],
      output: null,
    },
  ],
});
