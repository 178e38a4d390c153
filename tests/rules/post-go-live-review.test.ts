import { postGoLiveReview } from '../../server/src/engine/rules/post-go-live-review';
import { testRule } from '../helpers/ruleTester';

testRule(postGoLiveReview, {
  valid: [
    {
      name: 'a kpi-review item in the support phase after go-live',
      plan: `plan: 1
name: Pilot
phases:
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-06-07, duration: 1w }
  - id: hypercare
    name: Hypercare
    kind: support
    after: [go-live]
    duration: 4w
    checklist:
      - { task: Review KPIs with the sponsor, tags: [kpi-review] }
`,
    },
    {
      name: 'a dated kpi-review item the day after go-live, in any phase',
      plan: `plan: 1
name: Pilot
phases:
  - id: training
    name: Training
    kind: training
    start: 2027-05-17
    duration: 2w
    checklist:
      - { task: Agree the KPI review, tags: [kpi-review], due: 2027-06-08 }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-06-07, duration: 1w }
`,
    },
    {
      name: 'silent without a go-live phase',
      plan: `plan: 1
name: Pilot
phases:
  - { id: hypercare, name: Hypercare, kind: support, start: 2027-06-07, duration: 4w }
`,
    },
  ],
  invalid: [
    {
      name: 'no kpi-review item: inserted into the support phase, with a hint from an untagged review',
      plan: `plan: 1
name: Pilot
phases:
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-06-07, duration: 1w }
  - id: hypercare
    name: Hypercare
    kind: support
    after: [go-live]
    duration: 4w
    checklist:
      - { task: Review adoption with the sponsor, tags: [feedback] }
`,
      errors: [
        { messageId: 'missing', line: 5, column: 9, endLine: 5, endColumn: 18, message: 'no item tagged kpi-review is due after go-live (2027-06-07); review the kpis against the objectives once people use the CRM, for example in "hypercare"; item "Review adoption with the sponsor" looks like it should be tagged kpi-review', suggestions: [{ title: 'add a kpi-review item to "hypercare"', output: `plan: 1
name: Pilot
phases:
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-06-07, duration: 1w }
  - id: hypercare
    name: Hypercare
    kind: support
    after: [go-live]
    duration: 4w
    checklist:
      - { task: Review adoption with the sponsor, tags: [feedback] }
      - { task: Review the KPIs against the objectives with the sponsor, tags: [kpi-review] }
` }] },
      ],
      output: null,
    },
    {
      name: 'a kpi-review item due on the go-live day is not after it',
      plan: `plan: 1
name: Pilot
phases:
  - id: testing
    name: Testing
    kind: testing
    start: 2027-05-03
    duration: 4w
    checklist:
      - { task: Baseline the KPIs, tags: [kpi-review], due: 2027-06-07 }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-06-07, duration: 1w }
  - { id: hypercare, name: Hypercare, kind: support, after: [go-live], duration: 4w }
`,
      errors: [
        { messageId: 'tooEarly', line: 10, column: 61, endLine: 10, endColumn: 71, message: 'the kpi-review item "Baseline the KPIs" is due 2027-06-07, not after go-live (2027-06-07); results can only be reviewed once people use the CRM, so move it after go-live' },
      ],
      output: null,
    },
    {
      name: 'without a support or optimization phase it is reported at the first go-live, with nothing to insert into',
      plan: `plan: 1
name: Pilot
phases:
  - { id: wave-1, name: Wave 1, kind: go-live, start: 2027-06-07, duration: 1d }
  - { id: wave-2, name: Wave 2, kind: go-live, start: 2027-09-06, duration: 1d }
`,
      errors: [
        { messageId: 'missing', line: 4, column: 11, endLine: 4, endColumn: 17, message: /for example in a support phase after go-live$/ },
      ],
      output: null,
    },
    {
      name: 'a support phase that ends before go-live is skipped for the optimization phase',
      plan: `plan: 1
name: Pilot
phases:
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-06-07, duration: 1w }
  - { id: early-care, name: Early care, kind: support, start: 2027-05-31, end: 2027-06-04 }
  - { id: optimize, name: Optimize, kind: optimization, after: [go-live], duration: 8w }
`,
      errors: [
        { messageId: 'missing', line: 6, column: 11, endLine: 6, endColumn: 19, suggestions: [{ title: 'add a kpi-review item to "optimize"', output: `plan: 1
name: Pilot
phases:
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-06-07, duration: 1w }
  - { id: early-care, name: Early care, kind: support, start: 2027-05-31, end: 2027-06-04 }
  - { id: optimize, name: Optimize, kind: optimization, after: [go-live], duration: 8w, checklist: [{ task: Review the KPIs against the objectives with the sponsor, tags: [kpi-review] }] }
` }] },
      ],
      output: null,
    },
  ],
});
