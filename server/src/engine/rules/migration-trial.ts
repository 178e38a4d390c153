import { findTagHint, itemsTagged, migrationAnchor } from '../definitions';
import { checkDatedItem } from '../ruleSupport/datedItems';
import { datedWithin, type Deadline } from '../ruleSupport/deadlines';
import { migrationDateData, migrationPrepTarget } from '../ruleSupport/migrationItems';
import type { Rule } from './types';

export const migrationTrial: Rule = {
  meta: {
    id: 'migration-trial',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'an item tagged test-migration has its effective date on or before the migration date M',
    hasSuggestions: true,
    messages: {
      missing:
        'no item tagged test-migration is due on or before the migration date {{migrationDate}} ({{anchor}}); rehearse the migration in a test environment before the final one{{hint}}',
      late: 'test-migration item {{item}} {{when}}, after the migration date {{migrationDate}} ({{anchor}}); run the trial migration on or before {{migrationDate}}',
    },
  },
  check({ plan, schedule, report }) {
    const anchor = migrationAnchor(plan, schedule);
    if (!anchor) return;
    const deadline: Deadline = { day: anchor.day, relation: 'onOrBefore' };
    checkDatedItem(report, schedule, {
      candidates: itemsTagged(plan, 'test-migration'),
      deadline,
      tags: ['test-migration'],
      data: migrationDateData(anchor),
      missedMessageId: 'late',
      // A trial comes after the data is prepared and before the backup and the final migration.
      target: migrationPrepTarget(plan, anchor, ['backup', 'final-migration', 'validation']),
      item: { task: 'Trial migration into a test environment', tags: ['test-migration'] },
      hint: () => findTagHint(plan, 'test-migration', datedWithin(schedule, deadline)) ?? '',
    });
  },
};
