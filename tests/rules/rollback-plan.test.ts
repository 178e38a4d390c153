import { rollbackPlan } from '../../server/src/engine/rules/rollback-plan';
import { testRule } from '../helpers/ruleTester';

const NO_ROLLBACK = `plan: 1
name: Pilot
phases:
  - { id: uat, name: UAT, kind: testing, start: 2027-03-01, end: 2027-03-12, checklist: [{ task: Plan the fallback to the old CRM }] }
  - { id: launch, name: Launch, kind: go-live, start: 2027-03-15, end: 2027-03-19 }
`;

const UNDATED_IN_GO_LIVE = `plan: 1
name: Pilot
phases:
  - { id: uat, name: UAT, kind: testing, start: 2027-03-01, end: 2027-03-12 }
  - id: launch
    name: Launch
    kind: go-live
    start: 2027-03-15
    end: 2027-03-19
    checklist:
      - { task: Rollback plan, tags: [rollback] }
`;

const TWO_WAVES = `plan: 1
name: Two waves
phases:
  - { id: uat, name: UAT, kind: testing, start: 2027-03-01, end: 2027-03-12, checklist: [{ task: Rollback plan, tags: [rollback] }] }
  - { id: launch-1, name: Launch 1, kind: go-live, wave: 1, start: 2027-03-15, end: 2027-03-19 }
  - { id: uat-2, name: UAT 2, kind: testing, wave: 2, start: 2027-05-03, end: 2027-05-14 }
  - { id: launch-2, name: Launch 2, kind: go-live, wave: 2, start: 2027-05-17, end: 2027-05-21 }
`;

testRule(rollbackPlan, {
  valid: [
    {
      name: 'a rollback item in the testing phase that ends before go-live',
      plan: NO_ROLLBACK.replace('{ task: Plan the fallback to the old CRM }', '{ task: Plan the fallback to the old CRM, tags: [rollback] }'),
    },
    {
      name: 'a rollback item in the go-live phase due on its first day',
      plan: UNDATED_IN_GO_LIVE.replace('{ task: Rollback plan, tags: [rollback] }', '{ task: Rollback plan, tags: [rollback], due: 2027-03-15 }'),
    },
    {
      name: 'no go-live phase: nothing to fall back from (required-phases reports the phase)',
      plan: `plan: 1
name: Pilot
phases:
  - { id: uat, name: UAT, kind: testing, start: 2027-03-01, end: 2027-03-12 }
`,
    },
  ],
  invalid: [
    {
      name: 'no rollback item: reported at the testing phase, with a hint for the untagged task and a suggestion inserting one',
      plan: NO_ROLLBACK,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 14,
          message:
            'go-live "launch" starts 2027-03-15 but no rollback item in a testing, data-migration or go-live phase preparing it is due by then; write down how to fall back to the legacy system if the cutover fails; item "Plan the fallback to the old CRM" looks like it should be tagged rollback',
          suggestions: [
            {
              title: 'insert an item tagged rollback into phase "uat"',
              output: NO_ROLLBACK.replace(
                '[{ task: Plan the fallback to the old CRM }]',
                '[{ task: Plan the fallback to the old CRM }, { task: "Rollback plan: how to fall back to the legacy system if the cutover fails", tags: [rollback] }]',
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an undated rollback item in the go-live phase falls on its end, after the start: reported at its tag',
      plan: UNDATED_IN_GO_LIVE,
      errors: [
        {
          messageId: 'late',
          line: 11,
          column: 39,
          endLine: 11,
          endColumn: 47,
          message:
            'rollback item "Rollback plan" has no due date, so it falls on the end of phase "launch" (2027-03-19), after go-live "launch" starts 2027-03-15; have the rollback plan ready by 2027-03-15',
          suggestions: [
            {
              title: 'set its due date to 2027-03-15',
              output: UNDATED_IN_GO_LIVE.replace('tags: [rollback] }', 'tags: [rollback], due: 2027-03-15 }'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the rollback of wave 1 does not cover wave 2',
      plan: TWO_WAVES,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 16,
          message:
            'wave 2 goes live on 2027-05-17 but no rollback item in a testing, data-migration or go-live phase preparing it is due by then; write down how to fall back to the legacy system if the cutover fails',
        },
      ],
      output: null,
    },
  ],
});
