import { ongoingTraining } from '../../server/src/engine/rules/ongoing-training';
import { testRule } from '../helpers/ruleTester';

testRule(ongoingTraining, {
  valid: [
    {
      name: 'a support phase with a training item',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live, name: Live, kind: go-live, duration: 1w }
  - { id: hypercare, name: Hypercare, kind: support, after: [live], duration: 4w, checklist: [{ task: Refresher clinics, tags: [training] }] }
`,
    },
    {
      name: 'a training phase that starts on the go-live day',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live, name: Live, kind: go-live, duration: 1w }
  - { id: new-hires, name: New-hire training, kind: training, start: 2027-01-11, duration: 8w }
`,
    },
    {
      name: 'without a go-live there is no after go-live yet',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: train, name: Train, kind: training, duration: 1w }
`,
    },
  ],
  invalid: [
    {
      name: 'training only before go-live: the hint names the untagged item and the fix adds one to the support phase',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: train, name: Train, kind: training, duration: 2w }
  - { id: live, name: Live, kind: go-live, start: 2027-01-18, duration: 1w }
  - id: hypercare
    name: Hypercare
    kind: support
    after: [live]
    duration: 4w
    checklist:
      - { task: Retrain new starters on the pipeline, tags: [support] }
`,
      errors: [
        {
          messageId: 'oneTime',
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 18,
          message:
            'training stops at go-live: no training phase starts on or after 2027-01-18 and no support or optimization phase has an item tagged training; plan refresher and new-hire training in "hypercare"; item "Retrain new starters on the pipeline" looks like it should be tagged training',
          suggestions: [{ title: 'add a refresher-training item to "hypercare"', output: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: train, name: Train, kind: training, duration: 2w }
  - { id: live, name: Live, kind: go-live, start: 2027-01-18, duration: 1w }
  - id: hypercare
    name: Hypercare
    kind: support
    after: [live]
    duration: 4w
    checklist:
      - { task: Retrain new starters on the pipeline, tags: [support] }
      - { task: Refresher and new-hire training sessions, tags: [training] }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'without a support phase the item goes into the first optimization phase',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live, name: Live, kind: go-live, duration: 1w }
  - { id: improve, name: Improve, kind: optimization, after: [live], duration: 8w }
`,
      errors: [{ messageId: 'oneTime', line: 6, column: 11, endLine: 6, endColumn: 18, suggestions: [{ title: 'add a refresher-training item to "improve"', output: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live, name: Live, kind: go-live, duration: 1w }
  - { id: improve, name: Improve, kind: optimization, after: [live], duration: 8w, checklist: [{ task: Refresher and new-hire training sessions, tags: [training] }] }
` }] }],
      output: null,
    },
    {
      name: 'without any support or optimization phase it is reported at the phases key, with no fix',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live, name: Live, kind: go-live, duration: 1w }
`,
      errors: [
        {
          messageId: 'oneTime',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 7,
          message:
            'training stops at go-live: no training phase starts on or after 2027-01-11 and no support or optimization phase has an item tagged training; plan refresher and new-hire training in a support phase after go-live',
        },
      ],
      output: null,
    },
  ],
});
