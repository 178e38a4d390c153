import { realisticTimeline } from '../../server/src/engine/rules/realistic-timeline';
import { testRule } from '../helpers/ruleTester';

testRule(realisticTimeline, {
  valid: [
    {
      name: 'a mid plan whose go-live is exactly 3 calendar months after the first phase starts',
      plan: `plan: 1
name: Pilot
organization: { name: Northwind, size: mid }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-15, duration: 4w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-04-15, duration: 1w }
`,
    },
    {
      name: 'silent without organization.size',
      plan: `plan: 1
name: Pilot
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: go-live, name: Go-live, kind: go-live, after: [discovery], duration: 1w }
`,
    },
    {
      name: 'ranges lowers the bound for one size',
      plan: `plan: 1
name: Pilot
organization: { name: Northwind, size: mid }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 4w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-03-15, duration: 1w }
`,
      options: { ranges: { mid: { min: '2m' } } },
    },
    {
      name: 'a phased rollout is measured to its last wave',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: mobilise, name: Mobilise, kind: planning, start: 2027-01-11, duration: 6w }
  - { id: wave1, name: Wave 1, kind: go-live, wave: 1, start: 2027-04-19, duration: 1w }
  - { id: wave2, name: Wave 2, kind: go-live, wave: 2, start: 2027-09-13, duration: 1w }
`,
    },
  ],
  invalid: [
    {
      name: 'six weeks to go-live for a mid-size organisation, reported at the go-live start',
      plan: `plan: 1
name: Fabrikam
organization: { name: Fabrikam, size: mid }
phases:
  - { id: kickoff, name: Kickoff, kind: planning, start: 2027-04-19, duration: 1w }
  - id: go-live
    name: Go-live
    kind: go-live
    start: 2027-05-31
    duration: 1w
`,
      errors: [
        { messageId: 'tooShort', line: 9, column: 12, endLine: 9, endColumn: 22, message: 'go-live "go-live" starts 2027-05-31, 42 days after the first phase starts (2027-04-19), but a mid rollout usually takes at least 3 months; allow time for data migration, testing and training, or check organization.size' },
      ],
      output: null,
    },
    {
      name: 'one day short of 3 calendar months',
      plan: `plan: 1
name: Pilot
organization: { name: Northwind, size: mid }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-15, duration: 4w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-04-14, duration: 1w }
`,
      errors: [
        { messageId: 'tooShort', line: 6, column: 57, endLine: 6, endColumn: 67 },
      ],
      output: null,
    },
    {
      name: 'ranges for one size keeps the other sizes at their defaults',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: mobilise, name: Mobilise, kind: planning, start: 2027-01-11, duration: 6w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-06-14, duration: 1w }
`,
      options: { ranges: { mid: { min: '2m' } } },
      errors: [
        { messageId: 'tooShort', line: 6, column: 57, endLine: 6, endColumn: 67, message: /154 days after the first phase starts \(2027-01-11\), but an enterprise rollout usually takes at least 6 months;/ },
      ],
      output: null,
    },
    {
      name: 'a go-live placed by after is reported at its id; days count as calendar days',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: go-live, name: Go-live, kind: go-live, after: [discovery], duration: 1w }
`,
      options: { ranges: { small: { min: '10d' } } },
      errors: [
        { messageId: 'tooShort', line: 6, column: 11, endLine: 6, endColumn: 18, message: /^go-live "go-live" starts 2027-01-18, 7 days after the first phase starts \(2027-01-11\), but a small rollout usually takes at least 10 days;/ },
      ],
      output: null,
    },
  ],
});
