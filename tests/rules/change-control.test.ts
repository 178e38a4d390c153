import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { changeControl } from '../../server/src/engine/rules/change-control';
import { runRule, testRule } from '../helpers/ruleTester';

const FLOW_GOVERNANCE = `plan: 1
name: Pilot
governance: { crm_owner: priya }
`;

testRule(changeControl, {
  valid: [
    {
      name: 'a change-control description',
      plan: `plan: 1
name: Pilot
governance:
  change_control: Requests go to the CRM board every second Tuesday
`,
    },
    {
      name: 'a quoted change-control description in a flow governance map',
      plan: `plan: 1
name: Pilot
governance: { crm_owner: priya, change_control: "Board reviews weekly, sponsor approves" }
`,
    },
  ],
  invalid: [
    {
      name: 'governance without change_control is reported at the governance key, with only an unsafe fix',
      plan: FLOW_GOVERNANCE,
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 11,
          message:
            'the plan does not say how changes are requested and approved, which invites scope creep; add change_control: under governance describing who reviews change requests, how often, and who approves them',
        },
      ],
      output: null,
    },
    {
      name: 'no governance at all is reported at the plan name',
      plan: `plan: 1
name: Pilot
`,
      errors: [{ messageId: 'missing', line: 2, column: 7, endLine: 2, endColumn: 12 }],
      output: null,
    },
  ],
});

describe('change-control fixes', () => {
  it('inserts a placeholder change_control into a flow governance map, unsafe', () => {
    const [finding] = runRule(changeControl, { name: 'fix', plan: FLOW_GOVERNANCE });
    expect(finding.fixes?.map((f) => f.kind)).toEqual(['suggestion']);
    expect(applyEdits(FLOW_GOVERNANCE, finding.fixes![0].edits)).toBe(`plan: 1
name: Pilot
governance: { crm_owner: priya, change_control: TODO how change requests are submitted and reviewed and who approves them }
`);
  });

  it('creates governance with the placeholder when the plan has none', () => {
    const plan = `plan: 1
name: Pilot
`;
    const [finding] = runRule(changeControl, { name: 'fix', plan });
    expect(applyEdits(plan, finding.fixes![0].edits)).toBe(`plan: 1
name: Pilot
governance: { change_control: TODO how change requests are submitted and reviewed and who approves them }
`);
  });
});
