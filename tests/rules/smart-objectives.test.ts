import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { smartObjectives } from '../../server/src/engine/rules/smart-objectives';
import { runRule, testRule } from '../helpers/ruleTester';

const VAGUE = `plan: 1
name: Pilot
sponsor: dana
people: [{ id: dana, name: Dana }]
phases:
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-03-31 }
objectives:
  - id: better-relationships
    statement: Improve customer relationships   # too vague
`;

testRule(smartObjectives, {
  valid: [
    {
      name: 'an objective with metric, target, due and owner',
      plan: `plan: 1
name: Pilot
objectives:
  - { id: faster-response, statement: Cut response time, metric: median hours, baseline: 9, target: 4, due: 2027-09-30, owner: dana }
`,
    },
    {
      name: 'a missing baseline is objective-baseline\'s, not this rule\'s',
      plan: `plan: 1
name: Pilot
objectives:
  - id: faster-response
    statement: Cut response time
    metric: median hours
    target: 4
    due: 2027-09-30
    owner: dana
`,
    },
  ],
  invalid: [
    {
      name: 'an objective with only a statement names every missing key, at its id, with no safe fix',
      plan: VAGUE,
      errors: [
        {
          messageId: 'incomplete',
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 29,
          message:
            'objective "better-relationships" has no metric, target, due or owner; add them so that it is measurable, time-bound and owned (SMART) and its success can be checked',
        },
      ],
      output: null,
    },
    {
      name: 'a flow objective missing only its target',
      plan: `plan: 1
name: Pilot
objectives:
  - { id: faster-response, statement: Cut response time, metric: median hours, due: 2027-09-30, owner: dana }
`,
      errors: [{ messageId: 'incomplete', line: 4, column: 11, endLine: 4, endColumn: 26, message: /^objective "faster-response" has no target; add it so that/ }],
      output: null,
    },
  ],
});

describe('smart-objectives fixes', () => {
  it('inserts the missing keys with placeholders, never a guessed due date or owner', () => {
    const [finding] = runRule(smartObjectives, { name: 'fix', plan: VAGUE });
    expect(finding.fixes?.map((f) => [f.title, f.kind])).toEqual([['add metric, target, due, owner to fill in', 'suggestion']]);
    expect(applyEdits(VAGUE, finding.fixes![0].edits)).toBe(`plan: 1
name: Pilot
sponsor: dana
people: [{ id: dana, name: Dana }]
phases:
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-03-31 }
objectives:
  - id: better-relationships
    statement: Improve customer relationships   # too vague
    metric: TODO metric and unit
    target: TODO
    due: TODO
    owner: TODO
`);
  });
});
