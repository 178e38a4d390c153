import { stakeholdersEngaged } from '../../server/src/engine/rules/stakeholders-engaged';
import { testRule } from '../helpers/ruleTester';

testRule(stakeholdersEngaged, {
  valid: [
    {
      name: 'a requirements item in the planning phase',
      plan: `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    checklist:
      - { task: Write down the sales team's requirements, tags: [requirements] }
`,
    },
    {
      name: 'a stakeholders item in the second of two planning phases',
      plan: `plan: 1
name: Pilot
phases:
  - { id: charter, name: Charter, kind: planning }
  - id: discovery
    name: Discovery
    kind: planning
    checklist:
      - { task: Workshops with service agents, tags: [stakeholders] }
`,
    },
    {
      name: 'silent without a planning phase (required-phases reports it)',
      plan: `plan: 1
name: Pilot
phases:
  - { id: build, name: Build, kind: configuration }
`,
    },
  ],
  invalid: [
    {
      name: 'an untagged interview in planning gets a hint; a stakeholders item in design does not count',
      plan: `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    checklist:
      - { task: Interview the sales leads, tags: [objectives] }
  - id: design
    name: Design
    kind: design
    checklist:
      - { task: Workshop with service agents, tags: [stakeholders] }
`,
      errors: [
        { messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 18, message: 'no planning phase has an item tagged stakeholders or requirements; hear every affected team (interviews, workshops, requirements) in "discovery" before the design is fixed; item "Interview the sales leads" looks like it should be tagged stakeholders', suggestions: [{ title: 'add a stakeholder item to "discovery"', output: `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    checklist:
      - { task: Interview the sales leads, tags: [objectives] }
      - { task: Interview stakeholders from every affected team and gather their requirements, tags: [stakeholders, requirements] }
  - id: design
    name: Design
    kind: design
    checklist:
      - { task: Workshop with service agents, tags: [stakeholders] }
` }] },
      ],
      output: null,
    },
    {
      name: 'flow-style planning phases without a checklist: reported at the first, the item goes into a new flow checklist',
      plan: `plan: 1
name: Pilot
phases:
  - { id: kickoff, name: Kickoff, kind: planning, start: 2027-01-11 }
  - { id: scoping, name: Scoping, kind: planning, after: [kickoff] }
`,
      errors: [
        { messageId: 'missing', line: 4, column: 11, endLine: 4, endColumn: 18, suggestions: [{ title: 'add a stakeholder item to "kickoff"', output: `plan: 1
name: Pilot
phases:
  - { id: kickoff, name: Kickoff, kind: planning, start: 2027-01-11, checklist: [{ task: Interview stakeholders from every affected team and gather their requirements, tags: [stakeholders, requirements] }] }
  - { id: scoping, name: Scoping, kind: planning, after: [kickoff] }
` }] },
      ],
      output: null,
    },
    {
      name: 'a block planning phase without a checklist gets one after its last key',
      plan: `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    owner: kim # runs the workshops
    milestones:
      - { id: scope, name: Scope agreed }
`,
      errors: [
        { messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 18, message: /in "discovery" before the design is fixed$/, suggestions: [{ title: 'add a stakeholder item to "discovery"', output: `plan: 1
name: Pilot
phases:
  - id: discovery
    name: Discovery
    kind: planning
    owner: kim # runs the workshops
    milestones:
      - { id: scope, name: Scope agreed }
    checklist: [{ task: Interview stakeholders from every affected team and gather their requirements, tags: [stakeholders, requirements] }]
` }] },
      ],
      output: null,
    },
  ],
});
