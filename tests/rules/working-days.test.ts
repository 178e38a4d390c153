import { workingDays } from '../../server/src/engine/rules/working-days';
import { testRule } from '../helpers/ruleTester';

testRule(workingDays, {
  valid: [
    {
      name: 'weekday dates, and objective due dates are exempt even on a Sunday',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
objectives: [{ id: o, statement: S, due: 2027-10-31 }]
phases:
  - { id: a, name: A, kind: planning, start: 2027-01-11, end: 2027-01-15 }
`,
    },
    {
      name: 'a Sunday is a working day in a Sunday-to-Thursday calendar',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-10, workdays: [sun, mon, tue, wed, thu] }
`,
    },
  ],
  invalid: [
    {
      name: 'a Saturday start moves to Monday',
      plan: `plan: 1
name: Pilot
phases:
  - { id: a, name: A, kind: planning, start: 2027-01-09, duration: 1w }
`,
      errors: [{ messageId: 'weekend', line: 4, column: 46, endLine: 4, endColumn: 56, message: 'start of phase "a" 2027-01-09 is a Saturday, not a working day of this plan; move it to Monday 2027-01-11' }],
      output: `plan: 1
name: Pilot
phases:
  - { id: a, name: A, kind: planning, start: 2027-01-11, duration: 1w }
`,
    },
    {
      name: 'a checklist due date on an imported holiday moves past it',
      plan: `plan: 1
name: Pilot
imports: [holidays.yaml]
phases:
  - id: a
    name: A
    kind: planning
    checklist:
      - { task: Kick-off, due: 2027-05-31 }
`,
      files: { '/work/holidays.yaml': 'calendar:\n  holidays: [2027-05-31]\n' },
      errors: [{ messageId: 'holiday', line: 9, column: 32, endLine: 9, endColumn: 42, message: 'due date of checklist item "Kick-off" 2027-05-31 is a holiday in this plan\'s calendar; move it to Tuesday 2027-06-01' }],
      output: `plan: 1
name: Pilot
imports: [holidays.yaml]
phases:
  - id: a
    name: A
    kind: planning
    checklist:
      - { task: Kick-off, due: 2027-06-01 }
`,
    },
  ],
});
