import { requiredPhases } from '../../server/src/engine/rules/required-phases';
import { testRule } from '../helpers/ruleTester';

testRule(requiredPhases, {
  valid: [
    {
      name: 'a mid plan replacing a system with every kind, data migration included',
      plan: `plan: 1
name: Pilot
organization: { name: Northwind, size: mid }
crm: { product: Dynamics 365, replaces: [GoldMine] }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: design, name: Design, kind: design }
  - { id: build, name: Build, kind: configuration }
  - { id: data, name: Data, kind: data-migration }
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
`,
    },
    {
      name: 'a small plan may configure without a design phase, and needs no migration without crm.replaces',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: setup, name: Setup, kind: configuration }
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
`,
    },
    {
      name: 'a small plan may design without a configuration phase',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
crm: { replaces: [] }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: design, name: Design, kind: design }
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
`,
    },
  ],
  invalid: [
    {
      name: 'a plan without a size needs a design phase; the block skeleton goes before configuration, after planning',
      plan: `plan: 1
name: Pilot
phases:
  - id: kickoff
    name: Kickoff
    kind: planning
    duration: 1w
  - id: setup
    name: Setup
    kind: configuration
    after: [kickoff]
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
`,
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          message: 'the plan has no phase of kind design; add one to design the data model, processes and roles before configuring them',
          suggestions: [{ title: 'add a design phase "design"', output: `plan: 1
name: Pilot
phases:
  - id: kickoff
    name: Kickoff
    kind: planning
    duration: 1w
  - id: design
    name: Design
    kind: design
    after: [kickoff]
    duration: 2w
  - id: setup
    name: Setup
    kind: configuration
    after: [kickoff]
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a missing training phase is inserted in flow style before go-live, after testing',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: setup, name: Setup, kind: configuration }
  - { id: test, name: Test, kind: testing }
  - { id: launch, name: Launch, kind: go-live }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 7,
          message: 'the plan has no phase of kind training; add one to train every affected team before go-live',
          suggestions: [{ title: 'add a training phase "training"', output: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: setup, name: Setup, kind: configuration }
  - { id: test, name: Test, kind: testing }
  - { id: training, name: Training, kind: training, after: [test], duration: 2w }
  - { id: launch, name: Launch, kind: go-live }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a small plan with neither design nor configuration gets a configuration phase',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
`,
      errors: [
        {
          messageId: 'missingSetup',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 7,
          message: 'this small plan has no phase of kind design or configuration; add one to set the CRM up to the approved design',
          suggestions: [{ title: 'add a configuration phase "configuration"', output: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: configuration, name: Configuration, kind: configuration, after: [plan], duration: 4w }
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'replacing systems without a data-migration phase names them; the id avoids one already taken',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
crm: { replaces: [ACT!, spreadsheets] }
phases:
  - { id: plan, name: Plan, kind: planning, checklist: [{ id: data-migration, task: Budget the move }] }
  - { id: setup, name: Setup, kind: configuration }
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
`,
      errors: [
        {
          messageId: 'missingMigration',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 7,
          message: 'crm.replaces names "ACT!", "spreadsheets" but the plan has no phase of kind data-migration; add one to audit, clean, map, back up and move their data',
          suggestions: [{ title: 'add a data-migration phase "data-migration-2"', output: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
crm: { replaces: [ACT!, spreadsheets] }
phases:
  - { id: plan, name: Plan, kind: planning, checklist: [{ id: data-migration, task: Budget the move }] }
  - { id: setup, name: Setup, kind: configuration }
  - { id: data-migration-2, name: Data migration, kind: data-migration, after: [setup], duration: 4w }
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'a missing planning phase goes first, without after, and a heading comment stays with its phase',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  # ---- build
  - { id: setup, name: Setup, kind: configuration }

  # ---- launch
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
`,
      errors: [{ messageId: 'missing', line: 4, column: 1, endLine: 4, endColumn: 7, suggestions: [{ title: 'add a planning phase "planning"', output: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - { id: planning, name: Planning, kind: planning, duration: 2w }
  # ---- build
  - { id: setup, name: Setup, kind: configuration }

  # ---- launch
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: launch, name: Launch, kind: go-live }
` }] }],
      output: null,
    },
    {
      name: 'a missing go-live is appended after the last phase',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: setup, name: Setup, kind: configuration }
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
# phases end here
`,
      errors: [{ messageId: 'missing', line: 4, column: 1, endLine: 4, endColumn: 7, message: 'the plan has no phase of kind go-live; add one to plan the switch-over and the go/no-go decision', suggestions: [{ title: 'add a go-live phase "go-live"', output: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: setup, name: Setup, kind: configuration }
  - { id: test, name: Test, kind: testing }
  - { id: train, name: Train, kind: training }
  - { id: go-live, name: Go-live, kind: go-live, after: [train], duration: 1w }
# phases end here
` }] }],
      output: null,
    },
    {
      name: 'a plan without phases reports every kind at its name; one pass creates the phases list',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
`,
      errors: [
        { messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 12, suggestions: [{ title: 'add a planning phase "planning"', output: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - id: planning
    name: Planning
    kind: planning
    duration: 2w
` }] },
        { messageId: 'missingSetup', line: 2, column: 7, endLine: 2, endColumn: 12 },
        { messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 12 },
        { messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 12 },
        { messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 12 },
      ],
      output: null,
    },
  ],
});
