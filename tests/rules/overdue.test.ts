import { overdue } from '../../server/src/engine/rules/overdue';
import { pilotPhaseA } from '../helpers/pilotPlans';
import { testRule } from '../helpers/ruleTester';

/** Phase "a" with the milestone kick-off dated 2027-01-05 (its `date` on line 12), `extra` lines after that date, and phase "b" running on. */
function lateKickOff(extra: string): string {
  return pilotPhaseA(`    start: 2027-01-04
    duration: 1w
    milestones:
      - id: kick-off
        name: Kick-off
        date: 2027-01-05
${extra}  - id: b
    name: B
    kind: design
    start: 2027-01-04
    duration: 4w
`);
}

testRule(overdue, {
  valid: [
    {
      name: 'without an as-of date the rule does not run',
      plan: pilotPhaseA(`    checklist:
      - { task: Kick-off, due: 2027-01-11 }
`),
    },
    {
      name: 'done items, items due on the as-of date and items without a due date are not overdue',
      plan: pilotPhaseA(`    start: 2027-01-04
    duration: 1w
    checklist:
      - { task: Kick-off, due: 2027-01-11, done: true }
      - { task: Charter, due: 2027-02-01 }
      - { task: Stakeholder map }
`),
      asOf: '2027-02-01',
    },
    {
      name: 'late items and milestones of a critical phase are left to critical-overdue',
      plan: pilotPhaseA(`    start: 2027-01-04
    duration: 2w
    milestones:
      - { id: kick-off, name: Kick-off, date: 2027-01-05 }
    checklist:
      - { task: Charter, due: 2027-01-06 }
`),
      asOf: '2027-02-01',
    },
    {
      name: 'achieved milestones and milestones without a date are not overdue',
      plan: pilotPhaseA(`    milestones:
      - { id: kick-off, name: Kick-off, date: 2027-01-05, achieved: 2027-01-06 }
      - { id: charter, name: Charter signed }
`),
      asOf: '2027-02-01',
    },
  ],
  invalid: [
    {
      name: 'a flow item past its due date gets done: true inserted',
      plan: pilotPhaseA(`    checklist:
      - { task: Kick-off, due: 2027-01-11 }
`),
      asOf: '2027-01-12',
      errors: [
        { messageId: 'overdue', line: 8, column: 32, endLine: 8, endColumn: 42, message: 'checklist item "Kick-off" was due 2027-01-11 and is not done as of 2027-01-12; finish it and set done: true, or move its due date', suggestions: [{ title: "mark done", output: pilotPhaseA(`    checklist:
      - { task: Kick-off, due: 2027-01-11, done: true }
`) }] },
      ],
      output: null,
    },
    {
      name: 'an item with done: false is named by its id and its value is replaced, keeping the comment',
      plan: pilotPhaseA(`    checklist:
      - id: charter
        task: Sign the charter
        due: 2027-01-29
        done: false # waiting for Dana
        owner: dana
`),
      asOf: '2027-02-01',
      errors: [
        { messageId: 'overdue', line: 10, column: 14, endLine: 10, endColumn: 24, message: /^checklist item "charter" was due 2027-01-29 /, suggestions: [{ title: "mark done", output: pilotPhaseA(`    checklist:
      - id: charter
        task: Sign the charter
        due: 2027-01-29
        done: true # waiting for Dana
        owner: dana
`) }] },
      ],
      output: null,
    },
    {
      name: 'an empty done: gets true as its value, keeping the comment after it',
      plan: pilotPhaseA(`    checklist:
      - task: Interview the reps
        done: # later
        due: 2027-01-12
`),
      asOf: '2027-01-13',
      errors: [
        { messageId: 'overdue', line: 10, column: 14, endLine: 10, endColumn: 24, suggestions: [{ title: "mark done", output: pilotPhaseA(`    checklist:
      - task: Interview the reps
        done: true # later
        due: 2027-01-12
`) }] },
      ],
      output: null,
    },
    {
      name: 'a done: false merged from an anchor is overridden by a new key, not edited in the anchor',
      plan: pilotPhaseA(`    checklist:
      - task: Interview the reps
        <<: *open
        due: 2027-01-12
`, 'x-defaults: &open { done: false }\n'),
      asOf: '2027-01-13',
      errors: [
        { messageId: 'overdue', line: 11, column: 14, endLine: 11, endColumn: 24, suggestions: [{ title: "mark done", output: pilotPhaseA(`    checklist:
      - task: Interview the reps
        <<: *open
        due: 2027-01-12
        done: true
`, 'x-defaults: &open { done: false }\n') }] },
      ],
      output: null,
    },
    {
      name: 'a late milestone of a phase with float gets achieved: <as-of date> suggested',
      plan: lateKickOff(''),
      asOf: '2027-01-13',
      errors: [
        {
          messageId: 'milestone',
          line: 12,
          column: 15,
          endLine: 12,
          endColumn: 25,
          message: 'milestone "kick-off" was dated 2027-01-05 and is not achieved as of 2027-01-13; set achieved: to the day it was reached, or move its date',
          suggestions: [{ title: 'mark achieved on 2027-01-13', output: lateKickOff('        achieved: 2027-01-13\n') }],
        },
      ],
      output: null,
    },
  ],
});
