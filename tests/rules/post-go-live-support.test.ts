import { postGoLiveSupport } from '../../server/src/engine/rules/post-go-live-support';
import { testRule } from '../helpers/ruleTester';

testRule(postGoLiveSupport, {
  valid: [
    {
      name: 'hypercare after go-live',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live, name: Live, kind: go-live, duration: 1w }
  - { id: hypercare, name: Hypercare, kind: support, after: [live], duration: 4w }
`,
    },
    {
      name: 'one optimization phase that starts at the first go-live and outlasts the last one',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, duration: 1w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, start: 2027-02-01, duration: 1w }
  - { id: improve, name: Improve, kind: optimization, start: 2027-01-11, end: 2027-02-12 }
`,
    },
    {
      name: 'without a go-live there is nothing to support yet',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: plan, name: Plan, kind: planning, duration: 1w }
`,
    },
  ],
  invalid: [
    {
      name: 'no support phase: the safe fix appends one after the go-live in block style',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - id: live
    name: Live
    kind: go-live
    duration: 1w
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 7,
          message: 'the plan has no support or optimization phase after go-live; plan hypercare and ongoing support after "live" so users get help once the system is live',
          suggestions: [{ title: 'add a support phase "support" after "live"', output: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - id: live
    name: Live
    kind: go-live
    duration: 1w
  - id: support
    name: Post-go-live support
    kind: support
    after: [live]
    duration: 4w
` }],
        },
      ],
      output: null,
    },
    {
      name: 'the new support phase goes right after the go-live that starts last',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, start: 2027-02-01, duration: 1w }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, duration: 1w }
  - { id: refresher, name: Refresher, kind: training, after: [live-1], duration: 1w }
`,
      errors: [{ messageId: 'missing', line: 4, column: 1, endLine: 4, endColumn: 7, suggestions: [{ title: 'add a support phase "support" after "live-2"', output: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, start: 2027-02-01, duration: 1w }
  - { id: support, name: Post-go-live support, kind: support, after: [live-2], duration: 4w }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, duration: 1w }
  - { id: refresher, name: Refresher, kind: training, after: [live-1], duration: 1w }
` }] }],
      output: null,
    },
    {
      name: 'support that ends before the last wave goes live',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, duration: 1w }
  - { id: hypercare-1, name: Hypercare 1, kind: support, wave: 1, after: [live-1], duration: 1w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, start: 2027-02-01, duration: 1w }
`,
      errors: [
        {
          messageId: 'mistimed',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 22,
          message:
            'support phase "hypercare-1" runs 2027-01-18 to 2027-01-22, but post-go-live support must start on or after 2027-01-11 (the first go-live) and end after 2027-02-01 (when "live-2" starts); move it, or add a support phase after "live-2"',
        },
      ],
      output: null,
    },
    {
      name: 'optimization that starts before go-live does not count as support after it',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: improve, name: Improve, kind: optimization, duration: 8w }
  - { id: live, name: Live, kind: go-live, start: 2027-01-18, duration: 1w }
`,
      errors: [
        {
          messageId: 'mistimed',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 18,
          message:
            'optimization phase "improve" runs 2027-01-11 to 2027-03-05, but post-go-live support must start on or after 2027-01-18 (the first go-live) and end after 2027-01-18 (when "live" starts); move it, or add a support phase after "live"',
        },
      ],
      output: null,
    },
  ],
});
