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
