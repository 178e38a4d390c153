import { numberOption, ruleOptions } from '../ruleSupport/options';
import { topLevelKeyLocation } from '../ruleSupport/reportLocations';
import type { Rule } from './types';

/**
 * Too much customization: more than `max` (default 10, this project's choice) `must`
 * customizations, or at least 3 `could` and more `could` than `must`. Customizations without a
 * priority are not counted. Each condition is its own finding, at the `customizations` key.
 */

const MIN_COULD = 3;

const OPTIONS = ruleOptions({
  max: {
    description: "The most `must` customizations before the plan counts as over-customized. Default: 10 (this project's choice).",
    type: 'integer',
    minimum: 1,
    default: 10,
    examples: [5],
  },
});

export const overCustomization: Rule = {
  meta: {
    id: 'over-customization',
    category: 'objectives',
    defaultSeverity: 'info',
    description: 'no more than `max` must customizations, and not more could than must ones',
    messages: {
      tooManyMust:
        'the plan has {{must}} customizations with priority must, more than {{max}}; each adds build, upgrade and maintenance cost, so keep must for what an objective cannot do without and use standard features for the rest',
      tooManyCould:
        'the plan has {{could}} customizations with priority could but only {{must}} with must; nice-to-have customizations outnumber essential ones, so defer the could ones until after go-live or drop them',
    },
    ...OPTIONS,
  },
  check({ plan, options, report }) {
    if (!plan.root) return;
    const max = numberOption(OPTIONS, options, 'max');
    const count = (priority: 'must' | 'could') => plan.customizations.filter((c) => c.priority?.value === priority).length;
    const must = count('must');
    const could = count('could');
    const node = topLevelKeyLocation(plan, 'customizations');
    if (must > max) report({ messageId: 'tooManyMust', data: { must, max }, node, idPath: 'customizations' });
    if (could >= MIN_COULD && could > must) report({ messageId: 'tooManyCould', data: { could, must }, node, idPath: 'customizations' });
  },
};
