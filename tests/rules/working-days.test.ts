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
    {
      name: 'an extra working day counts, and a phase is checked on its own calendar (Sunday works for the gulf team)',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11, extra_working_days: [2027-01-16] }
calendars: [{ id: gulf, workdays: [sun, mon, tue, wed, thu] }]
phases:
  - { id: cutover, name: Cutover, kind: go-live, start: 2027-01-16, duration: 1d }
  - { id: gulf-uat, name: UAT, kind: testing, calendar: gulf, start: 2027-01-17, duration: 1d }
`,
    },
  ],
  invalid: [
    {
      name: 'a date on a holiday of the phase\'s own calendar moves to its next working day',
      plan: `plan: 1
name: Pilot
calendars: [{ id: de, holidays: [2027-10-04] }]
waves: [{ wave: 2, calendar: de }]
phases:
  - { id: de-go-live, name: Go-live, kind: go-live, wave: 2, start: 2027-10-04, duration: 1d }
`,
      errors: [{ messageId: 'holiday', line: 6, column: 69, endLine: 6, endColumn: 79, message: 'start of phase "de-go-live" 2027-10-04 is a holiday in this plan\'s calendar; move it to Tuesday 2027-10-05' }],
      output: `plan: 1
name: Pilot
calendars: [{ id: de, holidays: [2027-10-04] }]
waves: [{ wave: 2, calendar: de }]
phases:
  - { id: de-go-live, name: Go-live, kind: go-live, wave: 2, start: 2027-10-05, duration: 1d }
`,
    },
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
