import { dateOrder } from '../../server/src/engine/rules/date-order';
import { pilotPlan } from '../helpers/pilotPlans';
import { testRule } from '../helpers/ruleTester';

/** Phase "b" starting on `start` (line 10) waits for the milestone signed-off, dated 2027-01-19. */
function waitsForSignOff(start: string): string {
  return pilotPlan(`  - id: a
    name: A
    kind: design
    start: 2027-01-11
    duration: 2w
    milestones: [{ id: signed-off, name: Design signed off, date: 2027-01-19 }]
  - { id: b, name: B, kind: configuration, start: ${start}, duration: 1w, after: [signed-off] }
`);
}

testRule(dateOrder, {
  valid: [
    {
      name: 'derived starts, agreeing end and duration, milestone inside',
      plan: pilotPlan(`  - id: a
    name: A
    kind: planning
    duration: 4w
    end: 2027-02-05
    milestones: [{ id: m, name: M, date: 2027-02-05 }]
  - { id: b, name: B, kind: design, duration: 1w, after: [a] }
  - { id: c, name: C, kind: configuration, start: 2027-02-15, duration: 1w, after: [b] }
`, 'calendar: { start: 2027-01-11 }\n'),
    },
  ],
  invalid: [
    {
      name: 'an end before the start points at the end',
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, end: 2027-01-08 }
`),
      errors: [{ messageId: 'endBeforeStart', line: 4, column: 63, endLine: 4, endColumn: 73, message: 'phase "a" ends 2027-01-08, before it starts (2027-01-11); move the end to or after the start' }],
      output: null,
    },
    {
      name: 'end and duration that disagree point at the duration',
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 4w, end: 2027-02-12 }
`),
      errors: [{ messageId: 'durationMismatch', line: 4, column: 68, endLine: 4, endColumn: 70, message: 'phase "a" has duration 4w, which from 2027-01-11 ends 2027-02-05, but its end is 2027-02-12; keep only one of "end" and "duration", or make them agree' }],
      output: null,
    },
    {
      name: 'an explicit start before its prerequisite ends moves to the next working day',
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: b, name: B, kind: design, start: 2027-01-13, duration: 1w, after: [a] }
`),
      errors: [{ messageId: 'startsBeforeEnd', line: 5, column: 44, endLine: 5, endColumn: 54, message: 'phase "b" starts 2027-01-13 but "a", which it waits for, ends 2027-01-15; start it on 2027-01-18 or later (3 working days of negative float)' }],
      output: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: b, name: B, kind: design, start: 2027-01-18, duration: 1w, after: [a] }
`),
    },
    {
      name: 'a milestone after its phase ends',
      plan: pilotPlan(`  - id: a
    name: A
    kind: planning
    start: 2027-01-11
    duration: 1w
    milestones:
      - { id: m, name: M, date: 2027-01-20 }
`),
      errors: [{ messageId: 'milestoneOutside', line: 10, column: 33, endLine: 10, endColumn: 43 }],
      output: null,
    },
  ],
});

testRule(dateOrder, {
  valid: [
    {
      name: 'an after entry that closes a cycle is left to no-dependency-cycles',
      plan: pilotPlan(`  - { id: a, name: A, kind: support, start: 2027-01-11, duration: 1w, after: [b] }
  - { id: b, name: B, kind: optimization, duration: 1w, after: [a] }
`, 'calendar: { start: 2027-01-11 }\n'),
    },
  ],
  invalid: [],
});

// Version 1.1: milestone and lagged dependencies, negative float, per-phase calendars, recorded
// dates. 2027-01-11 is a Monday.
testRule(dateOrder, {
  valid: [
    {
      name: 'fixed starts on exactly the day each kind of after entry allows',
      plan: pilotPlan(`  - id: a
    name: A
    kind: planning
    start: 2027-01-11
    duration: 1w
    milestones: [{ id: signed, name: Signed, date: 2027-01-13 }]
  - { id: fs-lag, name: B, kind: design, start: 2027-01-21, duration: 1w, after: [{ id: a, lag: 3d }] }
  - { id: ss-lag, name: C, kind: design, start: 2027-01-13, duration: 1w, after: [{ id: a, type: ss, lag: 2d }] }
  - { id: ss-same-day, name: D, kind: design, start: 2027-01-11, duration: 1w, after: [{ id: a, type: ss }] }
  - { id: on-milestone, name: E, kind: design, start: 2027-01-14, duration: 1w, after: [signed] }
`),
    },
    {
      name: 'a fixed end that the after entries leave room for',
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: b, name: B, kind: design, duration: 1w, end: 2027-01-22, after: [a] }
  - { id: c, name: C, kind: design, end: 2027-01-29, after: [b] }
`),
    },
    {
      name: 'recorded dates in order and on or before the as-of date',
      asOf: '2027-01-15',
      plan: pilotPlan(`  - id: a
    name: A
    kind: planning
    start: 2027-01-11
    duration: 1w
    actual: { start: 2027-01-12, end: 2027-01-15 }
    checklist: [{ task: Kick off, done: 2027-01-15 }]
    milestones: [{ id: m, name: M, achieved: 2027-01-14 }]
`),
    },
    {
      name: 'recorded dates are not compared with today when no as-of date is given',
      plan: pilotPlan(`  - id: a
    name: A
    kind: planning
    start: 2027-01-11
    duration: 1w
    actual: { start: 2099-01-12 }
    checklist: [{ task: Kick off, done: 2099-01-15 }]
`),
    },
  ],
  invalid: [
    {
      name: 'a fixed start before a finish-to-start entry with a lag allows',
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: b, name: B, kind: design, start: 2027-01-18, duration: 1w, after: [{ id: a, lag: 3d }] }
`),
      // a ends Fri 01-15; the first working day after is Mon 01-18, three on: Thu 01-21.
      errors: [{ messageId: 'startsBeforeEnd', line: 5, column: 44, endLine: 5, endColumn: 54, message: 'phase "b" starts 2027-01-18 but "a", which it waits for with a lag of 3 working days, ends 2027-01-15; start it on 2027-01-21 or later (3 working days of negative float)' }],
      output: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: b, name: B, kind: design, start: 2027-01-21, duration: 1w, after: [{ id: a, lag: 3d }] }
`),
    },
    {
      name: 'a fixed start before a start-to-start entry with a lag allows',
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 2w }
  - { id: b, name: B, kind: training, start: 2027-01-12, duration: 1w, after: [{ id: a, type: ss, lag: 5d }] }
`),
      // a starts Mon 01-11; five working days on: Mon 01-18.
      errors: [{ messageId: 'startsBeforeStart', line: 5, column: 46, endLine: 5, endColumn: 56, message: 'phase "b" starts 2027-01-12 but "a", whose start it waits for with a lag of 5 working days, starts 2027-01-11; start it on 2027-01-18 or later (4 working days of negative float)' }],
      output: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 2w }
  - { id: b, name: B, kind: training, start: 2027-01-18, duration: 1w, after: [{ id: a, type: ss, lag: 5d }] }
`),
    },
    {
      name: 'a fixed start before the milestone it waits for',
      plan: waitsForSignOff('2027-01-18'),
      errors: [{ messageId: 'startsBeforeMilestone', line: 10, column: 51, endLine: 10, endColumn: 61, message: 'phase "b" starts 2027-01-18 but milestone "signed-off", which it waits for, is dated 2027-01-19; start it on 2027-01-20 or later (2 working days of negative float)' }],
      output: waitsForSignOff('2027-01-20'),
    },
    {
      name: 'negative float through a chain is reported once, at the fixed start that cannot be met',
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, duration: 1w }
  - { id: b, name: B, kind: design, after: [a], duration: 1w }
  - { id: c, name: C, kind: testing, after: [b], start: 2027-01-20, duration: 1w }
`, 'calendar: { start: 2027-01-11 }\n'),
      // b ends Fri 01-22, so c may start Mon 01-25: Wed, Thu, Fri are missing (a and b have float -3).
      errors: [{ messageId: 'startsBeforeEnd', line: 7, column: 57, endLine: 7, endColumn: 67, message: 'phase "c" starts 2027-01-20 but "b", which it waits for, ends 2027-01-22; start it on 2027-01-25 or later (3 working days of negative float)' }],
      output: pilotPlan(`  - { id: a, name: A, kind: planning, duration: 1w }
  - { id: b, name: B, kind: design, after: [a], duration: 1w }
  - { id: c, name: C, kind: testing, after: [b], start: 2027-01-25, duration: 1w }
`, 'calendar: { start: 2027-01-11 }\n'),
    },
    {
      name: 'a fixed end with a duration that the prerequisites cannot meet is negative float, at the end',
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: b, name: B, kind: design, duration: 1w, end: 2027-01-20, after: [a] }
`),
      // b starts Mon 01-18 and five working days end Fri 01-22: Thu and Fri past its end.
      errors: [{ messageId: 'endUnmetByEnd', line: 5, column: 56, endLine: 5, endColumn: 66, message: 'phase "b" must end by 2027-01-20, but "a", which it waits for, ends 2027-01-15, so it starts 2027-01-18 and takes 1w and ends 2027-01-22 at the earliest (2 working days of negative float); move the end or bring "a" forward' }],
      output: null,
    },
    {
      name: 'a fixed end without a duration before the day a start-to-start entry allows',
      plan: pilotPlan(`  - { id: a, name: A, kind: testing, start: 2027-01-11, duration: 2w }
  - { id: b, name: B, kind: training, end: 2027-01-12, after: [{ id: a, type: ss, lag: 3d }] }
`),
      // a starts Mon 01-11; three working days on: Thu 01-14, after the end Tue 01-12 (Wed, Thu).
      errors: [{ messageId: 'endUnmetByStart', line: 5, column: 44, endLine: 5, endColumn: 54, message: 'phase "b" must end by 2027-01-12, but "a", whose start it waits for with a lag of 3 working days, starts 2027-01-11, so it starts 2027-01-14 and ends 2027-01-14 at the earliest (2 working days of negative float); move the end or bring "a" forward' }],
      output: null,
    },
    {
      name: 'a fixed end before the day a milestone lets the phase start',
      plan: pilotPlan(`  - id: a
    name: A
    kind: design
    start: 2027-01-11
    duration: 2w
    milestones: [{ id: go, name: Go, date: 2027-01-19 }]
  - { id: b, name: B, kind: configuration, end: 2027-01-15, after: [{ id: go, lag: 1d }] }
`),
      // Wed 01-20 is the first working day after the milestone, one on: Thu 01-21.
      errors: [{ messageId: 'endUnmetByMilestone', line: 10, column: 49, endLine: 10, endColumn: 59, message: 'phase "b" must end by 2027-01-15, but milestone "go", which it waits for with a lag of 1 working day, is dated 2027-01-19, so it starts 2027-01-21 and ends 2027-01-21 at the earliest (4 working days of negative float); move the end or bring "go" forward' }],
      output: null,
    },
    {
      name: "end and duration are compared on the phase's own calendar",
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, calendar: fr, start: 2027-01-11, duration: 1w, end: 2027-01-15 }
`, 'calendars:\n  - { id: fr, holidays: [2027-01-13] }\n'),
      // On fr, Wed 01-13 is a holiday: five working days from Mon 01-11 end Mon 01-18.
      errors: [{ messageId: 'durationMismatch', line: 6, column: 82, endLine: 6, endColumn: 84, message: 'phase "a" has duration 1w, which from 2027-01-11 ends 2027-01-18, but its end is 2027-01-15; keep only one of "end" and "duration", or make them agree' }],
      output: null,
    },
    {
      name: 'an actual end before the actual start, at the end',
      plan: pilotPlan(`  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w, actual: { start: 2027-01-12, end: 2027-01-11 } }
`),
      errors: [{ messageId: 'actualEndBeforeStart', line: 4, column: 106, endLine: 4, endColumn: 116, message: 'phase "a" has actual end 2027-01-11, before its actual start 2027-01-12; correct one of the two dates' }],
      output: null,
    },
    {
      name: 'actual, done and achieved dates after the as-of date',
      asOf: '2027-01-13',
      plan: pilotPlan(`  - id: a
    name: A
    kind: planning
    start: 2027-01-11
    duration: 1w
    actual: { start: 2027-01-11, end: 2027-01-15 }
    checklist:
      - { task: Kick off, done: 2027-01-14 }
      - { id: charter, task: Write the charter, done: 2027-01-13 }
    milestones: [{ id: m, name: M, achieved: 2027-01-18 }]
`),
      errors: [
        { messageId: 'actualAfterAsOf', line: 9, column: 39, endLine: 9, endColumn: 49, message: 'phase "a" has actual end 2027-01-15, after the as-of date 2027-01-13; an actual date records what has happened: correct it, or remove it until it happens' },
        { messageId: 'doneAfterAsOf', line: 11, column: 33, endLine: 11, endColumn: 43, message: 'checklist item "Kick off" is marked done on 2027-01-14, after the as-of date 2027-01-13; correct the date, or set done when it happens' },
        { messageId: 'achievedAfterAsOf', line: 13, column: 46, endLine: 13, endColumn: 56, message: 'milestone "m" is marked achieved on 2027-01-18, after the as-of date 2027-01-13; correct the date, or set achieved when it happens' },
      ],
      output: null,
    },
  ],
});
