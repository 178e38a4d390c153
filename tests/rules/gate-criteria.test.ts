import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { gateCriteria } from '../../server/src/engine/rules/gate-criteria';
import { runRule, testRule } from '../helpers/ruleTester';

const FLOW_GATE = `plan: 1
name: Pilot
phases:
  - id: live
    name: Live
    kind: go-live
    milestones:
      - { id: go-no-go, name: Go/no-go, gate: true }
`;

const EMPTY_CRITERIA = `plan: 1
name: Pilot
phases:
  - { id: test, name: Test, kind: testing, milestones: [{ id: uat-exit, name: UAT exit, gate: true, criteria: [] }] }
`;

const BLOCK_GATE = `plan: 1
name: Pilot
phases:
  - id: live
    name: Live
    kind: go-live
    milestones:
      - id: go-no-go
        name: Go/no-go
        gate: true
`;

function unsafeFixResults(plan: string) {
  const findings = runRule(gateCriteria, { name: 'unsafe fix', plan });
  return findings.flatMap((f) => f.fixes ?? []).map((fix) => ({ kind: fix.kind, text: applyEdits(plan, fix.edits) }));
}

testRule(gateCriteria, {
  valid: [
    {
      name: 'a gate with criteria',
      plan: `plan: 1
name: Pilot
phases:
  - { id: live, name: Live, kind: go-live, milestones: [{ id: go-no-go, name: Go/no-go, gate: true, criteria: [UAT signed off] }] }
`,
    },
    {
      name: 'milestones that are not gates need no criteria',
      plan: `plan: 1
name: Pilot
phases:
  - { id: live, name: Live, kind: go-live, milestones: [{ id: live-done, name: Done }, { id: noted, name: Noted, gate: false }] }
`,
    },
  ],
  invalid: [
    {
      name: 'a gate without criteria is reported at its id; the fix needs filling, so it is not safe',
      plan: FLOW_GATE,
      errors: [
        {
          messageId: 'noCriteria',
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 23,
          message: 'gate "go-no-go" lists no criteria, so nobody can tell whether it is passed; add criteria: such as "no open severity 1 defects" or "UAT signed off"',
        },
      ],
      output: null,
    },
    {
      name: 'an empty criteria list is reported at the list',
      plan: EMPTY_CRITERIA,
      errors: [{ messageId: 'noCriteria', line: 4, column: 111, endLine: 4, endColumn: 113 }],
      output: null,
    },
    {
      name: 'a block gate milestone without criteria',
      plan: BLOCK_GATE,
      errors: [{ messageId: 'noCriteria', line: 8, column: 13, endLine: 8, endColumn: 21 }],
      output: null,
    },
  ],
});

describe('gate-criteria unsafe fix', () => {
  it('adds a criteria key with a placeholder to a flow milestone', () => {
    expect(unsafeFixResults(FLOW_GATE)).toEqual([
      { kind: 'suggestion', text: FLOW_GATE.replace('gate: true }', 'gate: true, criteria: ["TODO: what must be true to pass this gate"] }') },
    ]);
  });

  it('adds the placeholder to an empty criteria list', () => {
    expect(unsafeFixResults(EMPTY_CRITERIA)).toEqual([
      { kind: 'suggestion', text: EMPTY_CRITERIA.replace('criteria: []', 'criteria: ["TODO: what must be true to pass this gate"]') },
    ]);
  });

  it('adds a criteria line to a block milestone', () => {
    expect(unsafeFixResults(BLOCK_GATE)).toEqual([
      { kind: 'suggestion', text: `${BLOCK_GATE}        criteria: ["TODO: what must be true to pass this gate"]\n` },
    ]);
  });
});
