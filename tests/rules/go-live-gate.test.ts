import { goLiveGate } from '../../server/src/engine/rules/go-live-gate';
import { testRule } from '../helpers/ruleTester';

testRule(goLiveGate, {
  valid: [
    {
      name: 'a go/no-go gate dated on the go-live start',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test, name: Test, kind: testing, duration: 2w }
  - id: live
    name: Live
    kind: go-live
    after: [test]
    duration: 1w
    milestones:
      - { id: go-no-go, name: Go/no-go, date: 2027-01-25, gate: true, criteria: [UAT signed off] }
`,
    },
    {
      name: 'a UAT exit gate on the testing phase end counts',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test, name: Test, kind: testing, duration: 2w, milestones: [{ id: uat-exit, name: UAT exit, gate: true }] }
  - { id: live, name: Live, kind: go-live, after: [test], duration: 1w }
`,
    },
    {
      name: 'each wave has its own gate',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test-1, name: Test 1, kind: testing, wave: 1, duration: 1w, milestones: [{ id: exit-1, name: Exit 1, gate: true }] }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, after: [test-1], duration: 1w }
  - { id: test-2, name: Test 2, kind: testing, wave: 2, after: [live-1], duration: 1w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, after: [test-2], duration: 1w, milestones: [{ id: gate-2, name: Gate 2, date: 2027-02-01, gate: true }] }
`,
    },
    {
      name: 'without a testing phase the window has no start, so the rule is silent',
      plan: `plan: 1
name: Pilot
phases:
  - { id: live, name: Live, kind: go-live, start: 2027-01-25, duration: 1w }
`,
    },
  ],
  invalid: [
    {
      name: 'no gate at all: the safe fix adds a go/no-go gate on the go-live start',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test, name: Test, kind: testing, duration: 2w, milestones: [{ id: tested, name: Tested }] }
  - id: live
    name: Live
    kind: go-live
    after: [test]
    duration: 1w
`,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 13,
          message:
            'go-live "live" starts 2027-01-25 but no gate milestone (gate: true) decides it; add a go/no-go gate dated between 2027-01-11 (start of testing "test") and 2027-01-25',
          suggestions: [{ title: 'add a go/no-go gate to "live" on 2027-01-25', output: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test, name: Test, kind: testing, duration: 2w, milestones: [{ id: tested, name: Tested }] }
  - id: live
    name: Live
    kind: go-live
    after: [test]
    duration: 1w
    milestones: [{ id: live-gate, name: Go/no-go decision, date: 2027-01-25, gate: true }]
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a gate on the go-live end comes too late; the new gate joins the milestones list',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test, name: Test, kind: testing, duration: 2w }
  - id: live
    name: Live
    kind: go-live
    after: [test]
    duration: 1w
    milestones:
      - { id: live-done, name: Go-live complete, gate: true }
`,
      errors: [
        {
          messageId: 'outsideWindow',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 13,
          message:
            'go-live "live" starts 2027-01-25 but its gate "live-done" is dated 2027-01-29, after the go-live starts; date the go/no-go gate between 2027-01-11 (start of testing "test") and 2027-01-25',
          suggestions: [{ title: 'add a go/no-go gate to "live" on 2027-01-25', output: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test, name: Test, kind: testing, duration: 2w }
  - id: live
    name: Live
    kind: go-live
    after: [test]
    duration: 1w
    milestones:
      - { id: live-done, name: Go-live complete, gate: true }
      - { id: live-gate, name: Go/no-go decision, date: 2027-01-25, gate: true }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a gate before the latest testing phase starts is too early',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: plan, name: Plan, kind: planning, duration: 1w, milestones: [{ id: charter, name: Charter, gate: true }] }
  - { id: system-test, name: System test, kind: testing, after: [plan], duration: 1w }
  - { id: uat, name: UAT, kind: testing, after: [system-test], duration: 1w }
  - { id: live, name: Live, kind: go-live, after: [uat], duration: 1w }
`,
      errors: [
        {
          messageId: 'outsideWindow',
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 15,
          message:
            'go-live "live" starts 2027-02-01 but its gate "charter" is dated 2027-01-15, before testing "uat" starts; date the go/no-go gate between 2027-01-25 (start of testing "uat") and 2027-02-01',
          suggestions: [{ title: 'add a go/no-go gate to "live" on 2027-02-01', output: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: plan, name: Plan, kind: planning, duration: 1w, milestones: [{ id: charter, name: Charter, gate: true }] }
  - { id: system-test, name: System test, kind: testing, after: [plan], duration: 1w }
  - { id: uat, name: UAT, kind: testing, after: [system-test], duration: 1w }
  - { id: live, name: Live, kind: go-live, after: [uat], duration: 1w, milestones: [{ id: live-gate, name: Go/no-go decision, date: 2027-02-01, gate: true }] }
` }],
        },
      ],
      output: null,
    },
    {
      name: "a gate of wave 1 does not decide wave 2, even inside wave 2's window",
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test-1, name: Test 1, kind: testing, wave: 1, duration: 1w }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, after: [test-1], duration: 1w, milestones: [{ id: gate-1, name: Gate 1, date: 2027-01-18, gate: true }] }
  - { id: test-2, name: Test 2, kind: testing, wave: 2, start: 2027-01-11, duration: 2w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, after: [test-2], duration: 1w }
`,
      errors: [{ messageId: 'missing', line: 8, column: 11, endLine: 8, endColumn: 17, suggestions: [{ title: 'add a go/no-go gate to "live-2" on 2027-01-25', output: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: test-1, name: Test 1, kind: testing, wave: 1, duration: 1w }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, after: [test-1], duration: 1w, milestones: [{ id: gate-1, name: Gate 1, date: 2027-01-18, gate: true }] }
  - { id: test-2, name: Test 2, kind: testing, wave: 2, start: 2027-01-11, duration: 2w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, after: [test-2], duration: 1w, milestones: [{ id: live-2-gate, name: Go/no-go decision, date: 2027-01-25, gate: true }] }
` }] }],
      output: null,
    },
  ],
});
