import { phaseMilestones } from '../../server/src/engine/rules/phase-milestones';
import { testRule } from '../helpers/ruleTester';

testRule(phaseMilestones, {
  valid: [
    {
      name: 'every delivery phase has a milestone',
      plan: `plan: 1
name: Pilot
phases:
  - { id: plan, name: Plan, kind: planning, milestones: [{ id: charter, name: Charter signed }] }
  - id: live
    name: Live
    kind: go-live
    milestones:
      - { id: go-no-go, name: Go/no-go }
`,
    },
    {
      name: 'support and optimization phases need no milestone',
      plan: `plan: 1
name: Pilot
phases:
  - { id: hypercare, name: Hypercare, kind: support }
  - { id: improve, name: Improve, kind: optimization }
`,
    },
  ],
  invalid: [
    {
      name: 'a flow phase without milestones gets a done milestone, its name quoted where a comma would split it',
      plan: `plan: 1
name: Pilot
phases:
  - { id: setup, name: "Pipeline, deals and email setup", kind: configuration }
`,
      errors: [
        {
          messageId: 'noMilestone',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          message:
            'phase "setup" has no milestone; add one that marks a measurable result (for example "Pipeline, deals and email setup complete") so progress can be tracked',
          suggestions: [{ title: 'add a milestone marking the end of "setup"', output: `plan: 1
name: Pilot
phases:
  - { id: setup, name: "Pipeline, deals and email setup", kind: configuration, milestones: [{ id: setup-done, name: "Pipeline, deals and email setup complete" }] }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a block phase gets the milestones key after its checklist, with an id not yet taken',
      plan: `plan: 1
name: Pilot
phases:
  - id: test
    name: Testing
    kind: testing
    checklist:
      - { id: test-done, task: Sign off the test report }
  - { id: hypercare, name: Hypercare, kind: support }
`,
      errors: [{ messageId: 'noMilestone', line: 4, column: 9, endLine: 4, endColumn: 13, suggestions: [{ title: 'add a milestone marking the end of "test"', output: `plan: 1
name: Pilot
phases:
  - id: test
    name: Testing
    kind: testing
    checklist:
      - { id: test-done, task: Sign off the test report }
    milestones: [{ id: test-done-2, name: Testing complete }]
  - { id: hypercare, name: Hypercare, kind: support }
` }] }],
      output: null,
    },
  ],
});
