import { phasedRollout } from '../../server/src/engine/rules/phased-rollout';
import { testRule } from '../helpers/ruleTester';

testRule(phasedRollout, {
  valid: [
    {
      name: 'an enterprise plan with two go-live waves',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: live-1, name: Live 1, kind: go-live, wave: 1 }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2 }
`,
    },
    {
      name: 'a mid plan may go live at once',
      plan: `plan: 1
name: Pilot
organization: { name: Northwind, size: mid }
phases:
  - { id: live, name: Live, kind: go-live }
`,
    },
    {
      name: 'an enterprise plan without a go-live phase is left to required-phases',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: plan, name: Plan, kind: planning }
`,
    },
  ],
  invalid: [
    {
      name: 'an enterprise plan with a single go-live',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: plan, name: Plan, kind: planning }
  - { id: big-bang, name: Big bang, kind: go-live }
`,
      errors: [
        {
          messageId: 'oneGoLive',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 19,
          message:
            'this enterprise plan goes live in one step ("big-bang"); roll out in waves, with at least two go-live phases with different wave numbers (wave: 1, wave: 2), to limit the risk and carry lessons into the next wave',
        },
      ],
      output: null,
    },
    {
      name: 'two go-lives without waves are not a phased rollout',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: live-uk, name: UK, kind: go-live }
  - { id: live-de, name: Germany, kind: go-live }
`,
      errors: [
        {
          messageId: 'sameWave',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 18,
          message:
            'this enterprise plan has 2 go-live phases but none has a wave; give them different wave numbers (wave: 1, wave: 2) and the phases preparing each go-live the same wave',
        },
      ],
      output: null,
    },
    {
      name: 'a go-live without a wave does not count as a second wave',
      plan: `plan: 1
name: Pilot
organization: { name: Contoso, size: enterprise }
phases:
  - { id: live-uk, name: UK, kind: go-live, wave: 1 }
  - { id: live-de, name: Germany, kind: go-live }
`,
      errors: [
        {
          messageId: 'sameWave',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 18,
          message:
            'this enterprise plan has 2 go-live phases but they do not have two different waves (only wave 1); give them different wave numbers (wave: 1, wave: 2) and the phases preparing each go-live the same wave',
        },
      ],
      output: null,
    },
  ],
});
