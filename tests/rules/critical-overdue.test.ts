import { criticalOverdue } from '../../server/src/engine/rules/critical-overdue';
import { testRule } from '../helpers/ruleTester';

/**
 * `build` follows `design` and ends the plan: both are critical (float 0). `docs` runs beside
 * them from a fixed start and ends two weeks before the plan does: it has float, so its late
 * items are `overdue`'s, not this rule's.
 */
const plan = (designChecklist: string, docsChecklist = '', designExtra = '') => `plan: 1
name: Pilot
phases:
  - id: design
    name: Design
    kind: design
    start: 2027-01-04
    duration: 2w${designExtra}
    milestones:
      - { id: design-signed-off, name: Design signed off, date: 2027-01-13 }
    checklist:
${designChecklist}
  - id: build
    name: Build
    kind: configuration
    after: [design]
    duration: 4w
  - id: docs
    name: Docs
    kind: training
    start: 2027-01-04
    duration: 2w
    checklist:
${docsChecklist || '      - { task: Outline, due: 2027-01-08, done: true }'}
`;

testRule(criticalOverdue, {
  valid: [
    {
      name: 'without an as-of date the rule does not run',
      plan: plan('      - { task: Wireframes, due: 2027-01-08 }'),
    },
    {
      name: 'done items, achieved milestones and items due on the as-of date are not overdue',
      plan: plan('      - { task: Wireframes, due: 2027-01-08, done: 2027-01-08 }\n      - { task: Review, due: 2027-01-14 }').replace(
        'date: 2027-01-13 }',
        'date: 2027-01-13, achieved: 2027-01-13 }',
      ),
      asOf: '2027-01-14',
    },
    {
      name: 'a late item of a phase with float is overdue\'s, not critical-overdue\'s',
      plan: plan('      - { task: Wireframes, due: 2027-01-08, done: true }', '      - { task: Outline, due: 2027-01-08 }').replace(
        'date: 2027-01-13 }',
        'date: 2027-01-13, achieved: 2027-01-13 }',
      ),
      asOf: '2027-01-14',
    },
    {
      name: 'a complete phase (actual.end) is not critical',
      plan: plan('      - { task: Wireframes, due: 2027-01-08 }', '', '\n    actual: { start: 2027-01-04, end: 2027-01-15 }').replace(
        'date: 2027-01-13 }',
        'date: 2027-01-13, achieved: 2027-01-13 }',
      ),
      asOf: '2027-01-14',
    },
  ],
  invalid: [
    {
      name: 'a late item and a late milestone of the critical design phase; suggestions record progress, no fix',
      plan: plan('      - { task: Wireframes, due: 2027-01-08 }'),
      asOf: '2027-01-14',
      errors: [
        {
          messageId: 'milestone',
          line: 10,
          column: 65,
          endLine: 10,
          endColumn: 75,
          message:
            'milestone "design-signed-off" of critical phase "design" was dated 2027-01-13 and is not achieved as of 2027-01-14; the phase has no float, so each day it slips delays the go-live: set achieved: to the day it was reached, or replan',
          suggestions: [
            {
              title: 'mark achieved on 2027-01-14',
              output: plan('      - { task: Wireframes, due: 2027-01-08 }').replace('date: 2027-01-13 }', 'date: 2027-01-13, achieved: 2027-01-14 }'),
            },
          ],
        },
        {
          messageId: 'item',
          line: 12,
          column: 34,
          endLine: 12,
          endColumn: 44,
          message:
            'checklist item "Wireframes" of critical phase "design" was due 2027-01-08 and is not done as of 2027-01-14; the phase has no float, so each day it slips delays the go-live: finish it and set done: true, or replan',
          suggestions: [{ title: 'mark done', output: plan('      - { task: Wireframes, due: 2027-01-08, done: true }') }],
        },
      ],
      output: null,
    },
    {
      name: 'done: false counts as not done, and its value is what the suggestion replaces',
      plan: plan('      - { task: Wireframes, due: 2027-01-08, done: false }').replace('date: 2027-01-13 }', 'date: 2027-01-13, achieved: 2027-01-13 }'),
      asOf: '2027-01-11',
      errors: [
        {
          messageId: 'item',
          line: 12,
          column: 34,
          endLine: 12,
          endColumn: 44,
          suggestions: [
            {
              title: 'mark done',
              output: plan('      - { task: Wireframes, due: 2027-01-08, done: true }').replace('date: 2027-01-13 }', 'date: 2027-01-13, achieved: 2027-01-13 }'),
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
