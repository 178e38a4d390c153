import { vendorSelection } from '../../server/src/engine/rules/vendor-selection';
import { testRule } from '../helpers/ruleTester';

const MISSING = `plan: 1
name: Pilot
crm: { type: operational }
calendar: { start: 2027-01-11 }
phases:
  - id: discovery
    name: Discovery
    kind: planning
    duration: 2w
    checklist:
      - { task: Shortlist three vendors, tags: [requirements] }
  - { id: setup, name: Setup, kind: configuration, after: [discovery], duration: 4w }
`;

testRule(vendorSelection, {
  valid: [
    {
      name: 'a chosen product needs no vendor selection',
      plan: `plan: 1
name: Pilot
crm: { product: HubSpot }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 2w }
`,
    },
    {
      name: 'vendor selection in planning ends before the first configuration phase starts',
      plan: `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    start: 2027-01-11
    duration: 4w
    checklist: [{ task: Select the CRM vendor, tags: [vendor-selection], due: 2027-01-29 }]
  - { id: setup-eu, name: Setup EU, kind: configuration, start: 2027-03-01, duration: 2w }
  - { id: setup-us, name: Setup US, kind: configuration, start: 2027-02-01, duration: 2w }
`,
    },
    {
      name: 'without a planning or design phase the rule is silent (required-phases reports it)',
      plan: `plan: 1
name: Pilot
phases:
  - { id: setup, name: Setup, kind: configuration, start: 2027-01-11, duration: 2w }
`,
    },
    {
      name: 'with neither a configuration phase nor a go-live, a vendor-selection item in design is enough',
      plan: `plan: 1
name: Pilot
phases:
  - { id: design, name: Design, kind: design, start: 2027-01-11, checklist: [{ task: Choose the vendor, tags: [vendor-selection] }] }
`,
    },
  ],
  invalid: [
    {
      name: 'no vendor-selection item: reported at the first planning phase with a tag hint, fixed by inserting the item',
      plan: MISSING,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 18,
          message:
            'no CRM product is chosen yet (crm.product is absent) and no planning or design phase has an item tagged vendor-selection; evaluate vendors and select one in "discovery" before the first configuration phase "setup" starts (2027-01-25); item "Shortlist three vendors" looks like it should be tagged vendor-selection',
          suggestions: [{ title: 'add a vendor-selection item to "discovery"', output: `plan: 1
name: Pilot
crm: { type: operational }
calendar: { start: 2027-01-11 }
phases:
  - id: discovery
    name: Discovery
    kind: planning
    duration: 2w
    checklist:
      - { task: Shortlist three vendors, tags: [requirements] }
      - { task: Evaluate CRM vendors against the requirements and select the product, tags: [vendor-selection] }
  - { id: setup, name: Setup, kind: configuration, after: [discovery], duration: 4w }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a vendor selection due on or after the first configuration start is reported at its due date',
      plan: `plan: 1
name: Pilot
crm: { type: operational }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 2w }
  - id: design
    name: Design
    kind: design
    start: 2027-01-25
    duration: 2w
    checklist:
      - { task: Select the CRM vendor, tags: [vendor-selection], due: 2027-02-05 }
  - { id: setup, name: Setup, kind: configuration, start: 2027-02-01, duration: 4w }
`,
      errors: [
        {
          messageId: 'late',
          line: 12,
          column: 71,
          endLine: 12,
          endColumn: 81,
          message:
            'vendor selection "Select the CRM vendor" is due 2027-02-05, not before the first configuration phase "setup" starts (2027-02-01); move it earlier so that the product is chosen before work depends on it',
        },
      ],
      output: null,
    },
    {
      name: 'without a configuration phase the deadline is go-live, and the inserted item gets a due date when its phase ends too late',
      plan: `plan: 1
name: Pilot
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 6w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-02-15 }
`,
      errors: [{ messageId: 'missing', line: 4, column: 11, endLine: 4, endColumn: 20, message: /select one in "discovery" before go-live "go-live" starts \(2027-02-15\)$/, suggestions: [{ title: 'add a vendor-selection item to "discovery"', output: `plan: 1
name: Pilot
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 6w, checklist: [{ task: Evaluate CRM vendors against the requirements and select the product, tags: [vendor-selection], due: 2027-02-12 }] }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-02-15 }
` }] }],
      output: null,
    },
    {
      name: 'a vendor-selection item in a configuration phase does not count, and the message says so',
      plan: `plan: 1
name: Pilot
crm: { replaces: [spreadsheets] }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 2w }
  - id: setup
    name: Setup
    kind: configuration
    after: [discovery]
    duration: 2w
    checklist: [{ task: Pick the vendor, tags: [vendor-selection] }]
`,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 20,
          message: /; item "Pick the vendor" is tagged vendor-selection but its phase "setup" is not a planning or design phase$/,
          suggestions: [{ title: 'add a vendor-selection item to "discovery"', output: `plan: 1
name: Pilot
crm: { replaces: [spreadsheets] }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 2w, checklist: [{ task: Evaluate CRM vendors against the requirements and select the product, tags: [vendor-selection] }] }
  - id: setup
    name: Setup
    kind: configuration
    after: [discovery]
    duration: 2w
    checklist: [{ task: Pick the vendor, tags: [vendor-selection] }]
` }],
        },
      ],
      output: null,
    },
  ],
});
