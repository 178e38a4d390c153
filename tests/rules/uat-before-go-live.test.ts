import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { uatBeforeGoLive } from '../../server/src/engine/rules/uat-before-go-live';
import { runRule, testRule } from '../helpers/ruleTester';

const TWO_TESTING_PHASES = `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: system-test, name: System test, kind: testing, duration: 1w }
  - { id: regression, name: Regression, kind: testing, after: [system-test], duration: 1w, checklist: [] }
  - { id: live, name: Live, kind: go-live, after: [regression], duration: 1w }
`;

testRule(uatBeforeGoLive, {
  valid: [
    {
      name: 'a UAT item due before go-live starts',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - id: test
    name: Test
    kind: testing
    duration: 3w
    checklist:
      - { task: UAT with service agents, tags: [uat], due: 2027-01-22 }
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
`,
    },
    {
      name: 'each wave has its own UAT before its own go-live, even after the first go-live',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test-1, name: Test 1, kind: testing, wave: 1, duration: 1w, checklist: [{ task: UAT, tags: [uat] }] }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, after: [test-1], duration: 1w }
  - { id: test-2, name: Test 2, kind: testing, wave: 2, after: [live-1], duration: 1w, checklist: [{ task: UAT, tags: [uat] }] }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, after: [test-2], duration: 1w }
`,
    },
    {
      name: 'a plan without any testing phase is left to required-phases',
      plan: `plan: 1
name: Pilot
phases:
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
`,
    },
    {
      name: 'an undated UAT item might be on time, so it is not reported',
      plan: `plan: 1
name: Pilot
phases:
  - { id: test, name: Test, kind: testing, checklist: [{ task: UAT, tags: [uat] }] }
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
`,
    },
  ],
  invalid: [
    {
      name: 'UAT that ends after go-live starts asks for the testing phase as a prerequisite',
      plan: `plan: 1
name: Pilot
phases:
  - id: uat
    name: User acceptance testing
    kind: testing
    start: 2027-02-22
    end: 2027-03-05
    checklist:
      - { task: Agents run a normal week in the sandbox, tags: [uat] }
  - { id: wave-1, name: Wave 1 go-live, kind: go-live, start: 2027-03-01, duration: 1w }
`,
      errors: [
        {
          messageId: 'late',
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 17,
          message: 'go-live "wave-1" starts 2027-03-01 but user acceptance testing ends 2027-03-05; make "uat" a prerequisite with after: [uat]',
        },
      ],
      output: null,
    },
    {
      name: 'a UAT item due after go-live starts asks to move the earliest due date',
      plan: `plan: 1
name: Pilot
phases:
  - id: test
    name: Test
    kind: testing
    start: 2027-02-01
    end: 2027-02-26
    checklist:
      - { task: UAT sign-off by the sponsor, tags: [uat], due: 2027-03-05 }
      - { task: UAT with sales reps, tags: [uat], due: 2027-03-02 }
  - { id: live, name: Live, kind: go-live, start: 2027-03-01, duration: 1w }
`,
      errors: [
        {
          messageId: 'lateDue',
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 15,
          message: 'go-live "live" starts 2027-03-01 but user acceptance testing "UAT with sales reps" is due 2027-03-02; finish UAT before go-live by moving its due date before 2027-03-01',
        },
      ],
      output: null,
    },
    {
      name: 'a go-live that already waits for testing but starts early is told to start later',
      plan: `plan: 1
name: Pilot
phases:
  - { id: test, name: Test, kind: testing, start: 2027-02-01, end: 2027-02-12, checklist: [{ task: UAT, tags: [uat] }] }
  - { id: live, name: Live, kind: go-live, after: [test], start: 2027-02-08, duration: 1w }
`,
      errors: [
        {
          messageId: 'lateStart',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 15,
          message: 'go-live "live" starts 2027-02-08 but user acceptance testing in "test" ends 2027-02-12; start the go-live after 2027-02-12',
        },
      ],
      output: null,
    },
    {
      name: 'no UAT item: the hint names the untagged item and the safe fix adds one to the testing phase',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - id: test
    name: Test
    kind: testing
    duration: 2w
    checklist:
      - { task: Run user acceptance tests with agents, tags: [functional-test] }
  - { id: live, name: Live, kind: go-live, after: [test], duration: 1w }
`,
      errors: [
        {
          messageId: 'missing',
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 15,
          message:
            'go-live "live" starts 2027-01-25 but no testing phase preparing it has an item tagged uat; let end users accept the system in "test" before go-live; item "Run user acceptance tests with agents" looks like it should be tagged uat',
          suggestions: [{ title: 'add a UAT item to "test"', output: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - id: test
    name: Test
    kind: testing
    duration: 2w
    checklist:
      - { task: Run user acceptance tests with agents, tags: [functional-test] }
      - { task: User acceptance testing with end users from every affected team, tags: [uat] }
  - { id: live, name: Live, kind: go-live, after: [test], duration: 1w }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a testing phase that runs into go-live gets the UAT item due on the last working day before it',
      plan: `plan: 1
name: Pilot
phases:
  - { id: test, name: Test, kind: testing, start: 2027-01-11, end: 2027-01-29 }
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
`,
      errors: [{ messageId: 'missing', line: 5, column: 11, endLine: 5, endColumn: 15, suggestions: [{ title: 'add a UAT item to "test"', output: `plan: 1
name: Pilot
phases:
  - { id: test, name: Test, kind: testing, start: 2027-01-11, end: 2027-01-29, checklist: [{ task: User acceptance testing with end users from every affected team, tags: [uat], due: 2027-01-22 }] }
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
` }] }],
      output: null,
    },
    {
      name: 'two testing phases before go-live are a choice, so the fixes are unsafe',
      plan: TWO_TESTING_PHASES,
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 15 }],
      output: null,
    },
    {
      name: 'a wave without a testing phase of its own',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test-1, name: Test 1, kind: testing, wave: 1, duration: 1w, checklist: [{ task: UAT, tags: [uat] }] }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, after: [test-1], duration: 1w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, after: [live-1], duration: 1w }
`,
      errors: [
        {
          messageId: 'noTestingPhase',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 17,
          message: 'no testing phase prepares go-live "live-2"; add a testing phase with wave: 2 and an item tagged uat due before 2027-01-25',
        },
      ],
      output: null,
    },
  ],
});

describe('uat-before-go-live unsafe fixes', () => {
  it('offers one fix per testing phase, each adding the UAT item to that phase', () => {
    const [finding] = runRule(uatBeforeGoLive, { name: 'two testing phases', plan: TWO_TESTING_PHASES });
    const fixed = (finding.fixes ?? []).map((fix) => ({ title: fix.title, kind: fix.kind, text: applyEdits(TWO_TESTING_PHASES, fix.edits) }));
    const item = '{ task: User acceptance testing with end users from every affected team, tags: [uat] }';
    expect(fixed).toEqual([
      {
        title: 'add a UAT item to "system-test"',
        kind: 'suggestion',
        text: TWO_TESTING_PHASES.replace('kind: testing, duration: 1w }', `kind: testing, duration: 1w, checklist: [${item}] }`),
      },
      {
        title: 'add a UAT item to "regression"',
        kind: 'suggestion',
        text: TWO_TESTING_PHASES.replace('checklist: []', `checklist: [${item}]`),
      },
    ]);
  });
});
