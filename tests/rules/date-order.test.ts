import { dateOrder } from '../../server/src/engine/rules/date-order';
import { testRule } from '../helpers/ruleTester';

testRule(dateOrder, {
  valid: [
    {
      name: 'derived starts, agreeing end and duration, milestone inside',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - id: a
    name: A
    kind: planning
    duration: 4w
    end: 2027-02-05
    milestones: [{ id: m, name: M, date: 2027-02-05 }]
  - { id: b, name: B, kind: design, duration: 1w, after: [a] }
  - { id: c, name: C, kind: configuration, start: 2027-02-15, duration: 1w, after: [b] }
`,
    },
  ],
  invalid: [
    {
      name: 'an end before the start points at the end',
      plan: `plan: 1
name: Pilot
phases:
  - { id: a, name: A, kind: planning, start: 2027-01-11, end: 2027-01-08 }
`,
      errors: [{ messageId: 'endBeforeStart', line: 4, column: 63, endLine: 4, endColumn: 73, message: 'phase "a" ends 2027-01-08, before it starts (2027-01-11); move the end to or after the start' }],
      output: null,
    },
    {
      name: 'end and duration that disagree point at the duration',
      plan: `plan: 1
name: Pilot
phases:
  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 4w, end: 2027-02-12 }
`,
      errors: [{ messageId: 'durationMismatch', line: 4, column: 68, endLine: 4, endColumn: 70, message: 'phase "a" has duration 4w, which from 2027-01-11 ends 2027-02-05, but its end is 2027-02-12; keep only one of "end" and "duration", or make them agree' }],
      output: null,
    },
    {
      name: 'an explicit start before its prerequisite ends moves to the next working day',
      plan: `plan: 1
name: Pilot
phases:
  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: b, name: B, kind: design, start: 2027-01-13, duration: 1w, after: [a] }
`,
      errors: [{ messageId: 'startsBeforePrerequisite', line: 5, column: 44, endLine: 5, endColumn: 54, message: 'phase "b" starts 2027-01-13 but "a", which it waits for, ends 2027-01-15; start it on 2027-01-18 or later' }],
      output: `plan: 1
name: Pilot
phases:
  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: b, name: B, kind: design, start: 2027-01-18, duration: 1w, after: [a] }
`,
    },
    {
      name: 'a milestone after its phase ends',
      plan: `plan: 1
name: Pilot
phases:
  - id: a
    name: A
    kind: planning
    start: 2027-01-11
    duration: 1w
    milestones:
      - { id: m, name: M, date: 2027-01-20 }
`,
      errors: [{ messageId: 'milestoneOutside', line: 10, column: 33, endLine: 10, endColumn: 43 }],
      output: null,
    },
  ],
});

testRule(dateOrder, {
  valid: [
    {
      name: 'an after entry that closes a cycle is left to no-dependency-cycles',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: support, start: 2027-01-11, duration: 1w, after: [b] }
  - { id: b, name: B, kind: optimization, duration: 1w, after: [a] }
`,
    },
  ],
  invalid: [],
});
