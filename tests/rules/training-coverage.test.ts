import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { trainingCoverage } from '../../server/src/engine/rules/training-coverage';
import { runRule, testRule } from '../helpers/ruleTester';

const TWO_TRAINING_PHASES = `plan: 1
name: Pilot
teams: [sales, service]
phases:
  - { id: train-1, name: Train wave 1, kind: training, wave: 1, audiences: [sales] }
  - { id: train-2, name: Train wave 2, kind: training, wave: 2 }
`;

testRule(trainingCoverage, {
  valid: [
    {
      name: "every one of the plan's own teams is an audience of some training phase; imported teams are not required",
      plan: `plan: 1
name: Pilot
imports: [directory.yaml]
teams: [sales, service]
phases:
  - { id: train-sales, name: Sales training, kind: training, audiences: [sales] }
  - { id: train-service, name: Service training, kind: training, audiences: [service, it] }
`,
      files: { '/work/directory.yaml': 'teams: [it, finance]\n' },
    },
    {
      name: 'a plan without any training phase is left to required-phases',
      plan: `plan: 1
name: Pilot
teams: [sales]
phases:
  - { id: live, name: Live, kind: go-live }
`,
    },
    {
      name: "every team of each wave is an audience of a training phase preparing that wave; a wave without training is left to training-before-go-live",
      plan: `plan: 1
name: Pilot
teams: [sales-no, sales-de, sales-fr]
waves:
  - { wave: 1, name: Norway, teams: [sales-no] }
  - { wave: 2, name: Germany, teams: [sales-de] }
  - { wave: 3, name: France, teams: [sales-fr] }
phases:
  - { id: train-1, name: Train Norway, kind: training, wave: 1, start: 2027-03-01, duration: 1w, audiences: [sales-no, sales-fr] }
  - { id: live-1, name: Live Norway, kind: go-live, wave: 1, start: 2027-03-15, duration: 1w }
  - { id: train-2, name: Train Germany, kind: training, wave: 2, start: 2027-04-05, duration: 1w, audiences: [sales-de] }
  - { id: live-2, name: Live Germany, kind: go-live, wave: 2, start: 2027-04-19, duration: 1w }
  - { id: live-3, name: Live France, kind: go-live, wave: 3, start: 2027-05-17, duration: 1w }
`,
    },
  ],
  invalid: [
    {
      name: "a team of wave 2's teams that wave 2's training misses is reported in the wave's teams, once, and offered to that training only",
      plan: `plan: 1
name: Pilot
teams: [sales-no, sales-de]
waves:
  - { wave: 1, name: Norway, teams: [sales-no] }
  - { wave: 2, name: Germany, teams: [sales-de] }
phases:
  - { id: train-1, name: Train Norway, kind: training, wave: 1, start: 2027-03-01, duration: 1w, audiences: [sales-no, sales-de] }
  - { id: live-1, name: Live Norway, kind: go-live, wave: 1, start: 2027-03-15, duration: 1w }
  - { id: train-2, name: Train Germany, kind: training, wave: 2, start: 2027-04-05, duration: 1w, audiences: [sales-no] }
  - { id: live-2, name: Live Germany, kind: go-live, wave: 2, start: 2027-04-19, duration: 1w }
`,
      errors: [
        {
          messageId: 'waveUncovered',
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 47,
          message:
            'team "sales-de" goes live in wave 2 (Germany) but no training phase preparing that wave lists it in audiences; train it before its go-live, for example by adding it to the audiences of "train-2"',
          suggestions: [
            {
              title: 'add "sales-de" to the audiences of "train-2"',
              output: `plan: 1
name: Pilot
teams: [sales-no, sales-de]
waves:
  - { wave: 1, name: Norway, teams: [sales-no] }
  - { wave: 2, name: Germany, teams: [sales-de] }
phases:
  - { id: train-1, name: Train Norway, kind: training, wave: 1, start: 2027-03-01, duration: 1w, audiences: [sales-no, sales-de] }
  - { id: live-1, name: Live Norway, kind: go-live, wave: 1, start: 2027-03-15, duration: 1w }
  - { id: train-2, name: Train Germany, kind: training, wave: 2, start: 2027-04-05, duration: 1w, audiences: [sales-no, sales-de] }
  - { id: live-2, name: Live Germany, kind: go-live, wave: 2, start: 2027-04-19, duration: 1w }
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a team no training phase serves is reported in the teams list and added to the flow audiences list',
      plan: `plan: 1
name: Pilot
teams: [sales, support, marketing]
phases:
  - { id: train, name: Train, kind: training, audiences: [sales, support] }
`,
      errors: [
        {
          messageId: 'uncovered',
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 34,
          message:
            'team "marketing" is affected by the rollout but no training phase lists it in audiences; give it role-based training, for example by adding it to the audiences of "train"',
          suggestions: [{ title: 'add "marketing" to the audiences of "train"', output: `plan: 1
name: Pilot
teams: [sales, support, marketing]
phases:
  - { id: train, name: Train, kind: training, audiences: [sales, support, marketing] }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a block training phase without audiences gets the key before its checklist',
      plan: `plan: 1
name: Pilot
teams:
  - sales
phases:
  - id: train
    name: Train
    kind: training
    duration: 1w
    checklist:
      - { task: Hands-on session, tags: [training] }
`,
      errors: [{ messageId: 'uncovered', line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [{ title: 'add "sales" to the audiences of "train"', output: `plan: 1
name: Pilot
teams:
  - sales
phases:
  - id: train
    name: Train
    kind: training
    duration: 1w
    audiences: [sales]
    checklist:
      - { task: Hands-on session, tags: [training] }
` }] }],
      output: null,
    },
    {
      name: 'a block audiences list gets a new item',
      plan: `plan: 1
name: Pilot
teams: [sales, service]
phases:
  - id: train
    name: Train
    kind: training
    audiences:
      - sales
`,
      errors: [{ messageId: 'uncovered', line: 3, column: 16, endLine: 3, endColumn: 23, suggestions: [{ title: 'add "service" to the audiences of "train"', output: `plan: 1
name: Pilot
teams: [sales, service]
phases:
  - id: train
    name: Train
    kind: training
    audiences:
      - sales
      - service
` }] }],
      output: null,
    },
    {
      name: 'two training phases are a choice, so the fixes are unsafe',
      plan: TWO_TRAINING_PHASES,
      errors: [{ messageId: 'uncovered', line: 3, column: 16, endLine: 3, endColumn: 23 }],
      output: null,
    },
  ],
});

describe('training-coverage unsafe fixes', () => {
  it('offers one fix per training phase, each adding the team to that phase', () => {
    const [finding] = runRule(trainingCoverage, { name: 'two training phases', plan: TWO_TRAINING_PHASES });
    const fixed = (finding.fixes ?? []).map((fix) => ({ title: fix.title, kind: fix.kind, text: applyEdits(TWO_TRAINING_PHASES, fix.edits) }));
    expect(fixed).toEqual([
      { title: 'add "service" to the audiences of "train-1"', kind: 'suggestion', text: TWO_TRAINING_PHASES.replace('audiences: [sales]', 'audiences: [sales, service]') },
      { title: 'add "service" to the audiences of "train-2"', kind: 'suggestion', text: TWO_TRAINING_PHASES.replace('wave: 2 }', 'wave: 2, audiences: [service] }') },
    ]);
  });
});
