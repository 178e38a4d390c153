import { processMapping } from '../../server/src/engine/rules/process-mapping';
import { testRule } from '../helpers/ruleTester';

const NO_CHECKLIST = `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    duration: 2w   # two weeks of interviews
  - { id: design, name: Design, kind: design, after: [discovery] }
`;

testRule(processMapping, {
  valid: [
    {
      name: 'a process-mapping item in the planning phase',
      plan: `plan: 1
name: Pilot
phases:
  - { id: discovery, name: Discovery, kind: planning, checklist: [{ task: Map the lead-to-cash process, tags: [process-mapping] }] }
`,
    },
    {
      name: 'a process-mapping item in a design phase is enough',
      plan: `plan: 1
name: Pilot
phases:
  - { id: discovery, name: Discovery, kind: planning }
  - { id: design, name: Design, kind: design, checklist: [{ task: Map case handling, tags: [design, process-mapping] }] }
`,
    },
    {
      name: 'without a planning or design phase the rule is silent',
      plan: `plan: 1
name: Pilot
phases:
  - { id: setup, name: Setup, kind: configuration, checklist: [{ task: Map the workflows, tags: [x-build] }] }
`,
    },
  ],
  invalid: [
    {
      name: 'a planning phase without checklist gets one holding the process-mapping item',
      plan: NO_CHECKLIST,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 18,
          message:
            'no planning or design phase has an item tagged process-mapping; map how sales, service and marketing work today in "discovery", so the CRM supports better processes instead of copying old ones',
          suggestions: [{ title: 'add a process-mapping item to "discovery"', output: `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    duration: 2w   # two weeks of interviews
    checklist: [{ task: Map the current customer processes and agree how they will run in the CRM, tags: [process-mapping] }]
  - { id: design, name: Design, kind: design, after: [discovery] }
` }],
        },
      ],
      output: null,
    },
    {
      name: 'an untagged mapping task in a configuration phase earns a hint; the item goes into the planning checklist',
      plan: `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    checklist:
      - { task: Interview the sales leads, tags: [stakeholders] }
  - id: setup
    name: Setup
    kind: configuration
    checklist:
      - { task: Map the approval process }
`,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 18,
          message: /in "discovery", so the CRM supports better processes instead of copying old ones; item "Map the approval process" looks like it should be tagged process-mapping$/,
          suggestions: [{ title: 'add a process-mapping item to "discovery"', output: `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    checklist:
      - { task: Interview the sales leads, tags: [stakeholders] }
      - { task: Map the current customer processes and agree how they will run in the CRM, tags: [process-mapping] }
  - id: setup
    name: Setup
    kind: configuration
    checklist:
      - { task: Map the approval process }
` }],
        },
      ],
      output: null,
    },
  ],
});
