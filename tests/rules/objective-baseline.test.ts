import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { objectiveBaseline } from '../../server/src/engine/rules/objective-baseline';
import { runRule, testRule } from '../helpers/ruleTester';

const BLOCK = `plan: 1
name: Pilot
objectives:
  - id: faster-response
    statement: Cut first-response time
    metric: median first response, hours
    target: 4
`;

testRule(objectiveBaseline, {
  valid: [
    {
      name: 'a numeric baseline',
      plan: `plan: 1
name: Pilot
objectives: [{ id: faster-response, statement: Cut response time, baseline: 9 }]
`,
    },
    {
      name: 'a baseline of zero is still a baseline',
      plan: `plan: 1
name: Pilot
objectives:
  - { id: erp-history, statement: Show ERP orders, baseline: 0% }
  - { id: legacy, statement: Retire legacy systems, baseline: 0 }
`,
    },
  ],
  invalid: [
    {
      name: 'a block objective without baseline, reported at its id with only an unsafe fix',
      plan: BLOCK,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 24,
          message:
            'objective "faster-response" has no baseline, so progress cannot be measured against today\'s value; add baseline: with the metric\'s current value',
        },
      ],
      output: null,
    },
    {
      name: 'each objective without baseline is reported',
      plan: `plan: 1
name: Pilot
objectives:
  - { id: faster-response, statement: Cut response time, baseline: 9 }
  - { id: more-quotes, statement: Convert more quotes }
`,
      errors: [{ messageId: 'missing', line: 5, column: 11, endLine: 5, endColumn: 22 }],
      output: null,
    },
  ],
});

describe('objective-baseline fixes', () => {
  it('inserts a placeholder baseline right after metric in a block objective', () => {
    const [finding] = runRule(objectiveBaseline, { name: 'fix', plan: BLOCK });
    expect(finding.fixes?.map((f) => f.kind)).toEqual(['suggestion']);
    expect(applyEdits(BLOCK, finding.fixes![0].edits)).toBe(`plan: 1
name: Pilot
objectives:
  - id: faster-response
    statement: Cut first-response time
    metric: median first response, hours
    baseline: TODO
    target: 4
`);
  });

  it('appends a placeholder baseline to a flow objective', () => {
    const plan = `plan: 1
name: Pilot
objectives: [{ id: more-quotes, statement: Convert more quotes }]
`;
    const [finding] = runRule(objectiveBaseline, { name: 'fix', plan });
    expect(applyEdits(plan, finding.fixes![0].edits)).toBe(`plan: 1
name: Pilot
objectives: [{ id: more-quotes, statement: Convert more quotes, baseline: TODO }]
`);
  });
});
