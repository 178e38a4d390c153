import { noDependencyCycles } from '../../server/src/engine/rules/no-dependency-cycles';
import { testRule } from '../helpers/ruleTester';

testRule(noDependencyCycles, {
  valid: [
    {
      name: 'a chain of after dependencies',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, duration: 1w }
  - { id: b, name: B, kind: design, duration: 1w, after: [a] }
  - { id: c, name: C, kind: configuration, duration: 1w, after: [a, b] }
`,
    },
  ],
  invalid: [
    {
      name: 'a two-phase cycle is spelled out at the first phase\'s after entry',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: design, name: Design, kind: design, duration: 1w, after: [build] }
  - { id: build, name: Build, kind: configuration, duration: 1w, after: [design] }
`,
      errors: [{ messageId: 'cycle', line: 5, column: 69, endLine: 5, endColumn: 74, message: /design → build → design/ }],
      output: null,
    },
    {
      name: 'a phase waiting on itself',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: loop, name: Loop, kind: design, duration: 1w, after: [loop] }
`,
      errors: [{ messageId: 'cycle', line: 5, column: 65, endLine: 5, endColumn: 69, message: /loop → loop/ }],
      output: null,
    },
  ],
});

testRule(noDependencyCycles, {
  valid: [
    {
      name: 'waiting on a milestone of a phase that does not wait back',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: design, name: Design, kind: design, duration: 2w, milestones: [{ id: signed-off, name: Signed off }] }
  - { id: build, name: Build, kind: configuration, duration: 1w, after: [signed-off] }
`,
    },
  ],
  invalid: [
    {
      name: 'a cycle through a milestone is a cycle, reported at the after entry that names the milestone',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: build, name: Build, kind: configuration, duration: 1w, after: [{ id: design-signed-off, lag: 2d }] }
  - id: design
    name: Design
    kind: design
    duration: 2w
    after: [build]
    milestones: [{ id: design-signed-off, name: Signed off }]
`,
      errors: [{
        messageId: 'cycle',
        line: 5, column: 80, endLine: 5, endColumn: 97,
        message: 'phases wait on each other in a cycle: build → design (milestone "design-signed-off") → build; no phase in it can ever start, so remove one of these "after" entries',
      }],
      output: null,
    },
  ],
});
