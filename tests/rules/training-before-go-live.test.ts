import { trainingBeforeGoLive } from '../../server/src/engine/rules/training-before-go-live';
import { testRule } from '../helpers/ruleTester';

testRule(trainingBeforeGoLive, {
  valid: [
    {
      name: 'training ends before go-live; refresher training starting on go-live day is exempt',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: train, name: Train, kind: training, duration: 1w }
  - { id: live, name: Live, kind: go-live, after: [train], duration: 1w }
  - { id: refresher, name: Refresher, kind: training, start: 2027-01-18, duration: 4w }
`,
    },
    {
      name: 'wave 2 training may run across wave 1 go-live; it prepares wave 2',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: train-1, name: Train 1, kind: training, wave: 1, duration: 1w }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, after: [train-1], duration: 1w }
  - { id: train-2, name: Train 2, kind: training, wave: 2, start: 2027-01-14, duration: 2w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, after: [train-2], duration: 1w }
`,
    },
    {
      name: 'a plan without any training phase is left to required-phases',
      plan: `plan: 1
name: Pilot
phases:
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
`,
    },
  ],
  invalid: [
    {
      name: 'training that runs across its go-live points at its end',
      plan: `plan: 1
name: Pilot
phases:
  - id: train
    name: Train
    kind: training
    start: 2027-01-18
    end: 2027-01-29
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
`,
      errors: [
        {
          messageId: 'runsAcross',
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 20,
          message:
            'training phase "train" runs 2027-01-18 to 2027-01-29, across its go-live "live" on 2027-01-25; end it by 2027-01-22 so users are trained before go-live, and plan later sessions as a separate training phase starting on or after 2027-01-25',
        },
      ],
      output: null,
    },
    {
      name: 'training across go-live without an end points at its duration, even when other training ends in time',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: admins, name: Admin training, kind: training, duration: 1w }
  - { id: users, name: User training, kind: training, duration: 3w }
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
`,
      errors: [{ messageId: 'runsAcross', line: 6, column: 65, endLine: 6, endColumn: 67 }],
      output: null,
    },
    {
      name: 'only refresher training after go-live leaves the go-live untrained',
      plan: `plan: 1
name: Pilot
phases:
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
  - { id: refresher, name: Refresher, kind: training, start: 2027-02-01, duration: 1w }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 15,
          message: 'go-live "live" starts 2027-01-25 but no training phase preparing it ends before then; train users before go-live with a training phase that ends by 2027-01-22',
        },
      ],
      output: null,
    },
    {
      name: 'a second wave without training of its own',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: train-1, name: Train 1, kind: training, wave: 1, duration: 1w }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, after: [train-1], duration: 1w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, after: [live-1], duration: 1w }
`,
      errors: [
        {
          messageId: 'missing',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 17,
          message: 'go-live "live-2" starts 2027-01-25 but no training phase preparing it ends before then; train users before go-live with a training phase with wave: 2 that ends by 2027-01-22',
        },
      ],
      output: null,
    },
  ],
});
