import { changeManagement } from '../../server/src/engine/rules/change-management';
import { testRule } from '../helpers/ruleTester';

const NO_COMMUNICATION = `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - id: mobilise
    name: Mobilise
    kind: planning
  - id: design
    name: Design
    kind: design
  - id: training
    name: Training
    kind: training
    checklist:
      - { task: Pulse survey after each session, tags: [feedback] }
`;

testRule(changeManagement, {
  valid: [
    {
      name: 'a small plan with communication and feedback needs no champions',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - id: training
    name: Training
    kind: training
    checklist:
      - { task: Announce the go-live date, tags: [communication] }
  - id: hypercare
    name: Hypercare
    kind: support
    checklist:
      - { task: Survey the reps, tags: [feedback] }
`,
    },
    {
      name: 'an enterprise plan with all three practices, one item carrying two tags',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - id: mobilise
    name: Mobilise
    kind: planning
    checklist:
      - { task: Publish the communication plan, tags: [communication] }
  - id: optimization
    name: Optimization
    kind: optimization
    checklist:
      - { task: Monthly feedback forum with champions, tags: [feedback, champions] }
`,
    },
    {
      name: 'without organization.size champions are not required',
      plan: `plan: 1
name: Pilot
phases:
  - { id: go-live, name: Go-live, kind: go-live, checklist: [{ task: Briefing, tags: [communication] }, { task: Pulse survey, tags: [feedback] }] }
`,
    },
  ],
  invalid: [
    {
      name: 'a missing feedback item goes into the support phase, with a hint from an untagged survey',
      plan: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - id: training
    name: Training
    kind: training
    checklist:
      - { task: Announce the go-live date, tags: [communication] }
  - id: hypercare
    name: Hypercare
    kind: support
    checklist:
      - { task: Survey the reps on what slows them down, tags: [support] }
`,
      errors: [
        { messageId: 'noFeedback', line: 10, column: 9, endLine: 10, endColumn: 18, message: 'no checklist item is tagged feedback; give users a way to report problems and suggest improvements (surveys, feedback sessions), for example with an item in "hypercare"; item "Survey the reps on what slows them down" looks like it should be tagged feedback', suggestions: [{ title: 'add a feedback item to "hypercare"', output: `plan: 1
name: Pilot
organization: { name: Acme, size: small }
phases:
  - id: training
    name: Training
    kind: training
    checklist:
      - { task: Announce the go-live date, tags: [communication] }
  - id: hypercare
    name: Hypercare
    kind: support
    checklist:
      - { task: Survey the reps on what slows them down, tags: [support] }
      - { task: Survey users on what slows them down and act on the results, tags: [feedback] }
` }] },
      ],
      output: null,
    },
    {
      name: 'an enterprise plan without communication and champions: communication into planning, champions into training',
      plan: NO_COMMUNICATION,
      errors: [
        {
          messageId: 'noCommunication',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 17,
          message: 'no checklist item is tagged communication; tell every affected team what changes, why and when, for example with an item in "mobilise"',
          suggestions: [
            {
              title: 'add a communication item to "mobilise"',
              output: NO_COMMUNICATION.replace(
                '    kind: planning\n',
                '    kind: planning\n    checklist: [{ task: "Announce the rollout, its benefits and the go-live date to every affected team", tags: [communication] }]\n',
              ),
            },
          ],
        },
        {
          messageId: 'noChampions',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 17,
          message:
            'this enterprise rollout has no checklist item tagged champions; name champions in the affected teams to support their colleagues and drive adoption, for example with an item in "training"',
          suggestions: [
            {
              title: 'add a champions item to "training"',
              output: `${NO_COMMUNICATION}      - { task: Name a champion in every affected team to help colleagues and relay their feedback, tags: [champions] }\n`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a plan without phases is reported at its name, with nothing to insert into',
      plan: `plan: 1
name: Pilot
organization: { name: Northwind, size: mid }
`,
      errors: [
        { messageId: 'noCommunication', line: 2, column: 7, endLine: 2, endColumn: 12 },
        { messageId: 'noFeedback', line: 2, column: 7, endLine: 2, endColumn: 12 },
        { messageId: 'noChampions', line: 2, column: 7, endLine: 2, endColumn: 12, message: /^this mid rollout has no checklist item tagged champions; .*drive adoption$/ },
      ],
      output: null,
    },
  ],
});
