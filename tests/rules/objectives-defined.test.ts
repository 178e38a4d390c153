import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { objectivesDefined } from '../../server/src/engine/rules/objectives-defined';
import { runRule, testRule } from '../helpers/ruleTester';

const NO_OBJECTIVES = `plan: 1
name: Pilot
sponsor: dana
people: [{ id: dana, name: Dana }]

phases:
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-03-01 }
`;

const EMPTY_OBJECTIVES = `plan: 1
name: Pilot
objectives: []
`;

testRule(objectivesDefined, {
  valid: [
    {
      name: 'one objective',
      plan: `plan: 1
name: Pilot
objectives:
  - { id: faster-response, statement: Cut first-response time }
`,
    },
    {
      name: 'an objective without an id still counts (the schema reports the id)',
      plan: `plan: 1
name: Pilot
objectives:
  - statement: Cut first-response time
`,
    },
  ],
  invalid: [
    {
      name: 'no objectives key is reported at the plan name, with only an unsafe fix',
      plan: NO_OBJECTIVES,
      errors: [
        {
          messageId: 'missing',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 12,
          message:
            'the plan states no objectives, so nobody can tell whether the rollout succeeded; add objectives: with at least one measurable goal, such as cutting response times or raising conversion',
        },
      ],
      output: null,
    },
    {
      name: 'an empty objectives list is reported at the list',
      plan: EMPTY_OBJECTIVES,
      errors: [{ messageId: 'missing', line: 3, column: 13, endLine: 3, endColumn: 15 }],
      output: null,
    },
  ],
});

describe('objectives-defined fixes', () => {
  it('inserts a block objective skeleton before phases, with TODO for the due date and the owner even when a sponsor and a go-live exist', () => {
    const [finding] = runRule(objectivesDefined, { name: 'fix', plan: NO_OBJECTIVES });
    expect(finding.fixes?.map((f) => f.kind)).toEqual(['suggestion']);
    expect(applyEdits(NO_OBJECTIVES, finding.fixes![0].edits)).toBe(`plan: 1
name: Pilot
sponsor: dana
people: [{ id: dana, name: Dana }]

objectives:
  - id: objective-1
    statement: TODO what the rollout must achieve
    metric: TODO metric and unit
    baseline: TODO
    target: TODO
    due: TODO
    owner: TODO
phases:
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-03-01 }
`);
  });

  it('adds a flow skeleton inside an empty objectives list', () => {
    const [finding] = runRule(objectivesDefined, { name: 'fix', plan: EMPTY_OBJECTIVES });
    expect(applyEdits(EMPTY_OBJECTIVES, finding.fixes![0].edits)).toBe(`plan: 1
name: Pilot
objectives: [{ id: objective-1, statement: TODO what the rollout must achieve, metric: TODO metric and unit, baseline: TODO, target: TODO, due: TODO, owner: TODO }]
`);
  });
});
