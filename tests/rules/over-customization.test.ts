import { overCustomization } from '../../server/src/engine/rules/over-customization';
import { testRule } from '../helpers/ruleTester';

function customizations(priorities: readonly (string | undefined)[]): string {
  return priorities
    .map((priority, i) => `  - { id: c${i + 1}, name: Custom ${i + 1}${priority ? `, priority: ${priority}` : ''} }\n`)
    .join('');
}

const plan = (priorities: readonly (string | undefined)[]) => `plan: 1
name: Pilot
customizations:
${customizations(priorities)}`;

testRule(overCustomization, {
  valid: [
    {
      name: 'ten must customizations and two could is within the defaults',
      plan: plan([...Array(10).fill('must'), 'could', 'could', 'should']),
    },
    {
      name: 'customizations without a priority do not count as could',
      plan: plan(['could', 'could', undefined, undefined, undefined, undefined]),
    },
    {
      name: 'three could with as many must is not more could than must',
      plan: plan(['could', 'could', 'could', 'must', 'must', 'must']),
    },
  ],
  invalid: [
    {
      name: 'eleven must customizations are reported at the customizations key',
      plan: plan(Array(11).fill('must')),
      errors: [
        {
          messageId: 'tooManyMust',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 15,
          message:
            'the plan has 11 customizations with priority must, more than 10; each adds build, upgrade and maintenance cost, so keep must for what an objective cannot do without and use standard features for the rest',
        },
      ],
      output: null,
    },
    {
      name: 'the max option lowers the must limit',
      options: { max: 2 },
      plan: plan(['must', 'must', 'must', 'should']),
      errors: [{ messageId: 'tooManyMust', line: 3, column: 1, endLine: 3, endColumn: 15, message: /^the plan has 3 customizations with priority must, more than 2;/ }],
      output: null,
    },
    {
      name: 'three could and one must: nice-to-haves outnumber essentials',
      plan: plan(['could', 'must', 'could', 'could']),
      errors: [
        {
          messageId: 'tooManyCould',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 15,
          message:
            'the plan has 3 customizations with priority could but only 1 with must; nice-to-have customizations outnumber essential ones, so defer the could ones until after go-live or drop them',
        },
      ],
      output: null,
    },
    {
      name: 'customizations without a priority do not count as must either',
      plan: plan(['could', 'could', 'could', 'must', 'must', undefined, undefined]),
      errors: [{ messageId: 'tooManyCould', line: 3, column: 1, endLine: 3, endColumn: 15, message: /^the plan has 3 customizations with priority could but only 2 with must;/ }],
      output: null,
    },
  ],
});
