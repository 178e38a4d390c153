import { isoFromDay } from '../calendar';
import { findTagHint, hasTag, migrationAnchor } from '../definitions';
import { allChecklistItems } from '../model';
import { checkDatedItem } from '../ruleSupport/datedItems';
import { datedWithin } from '../ruleSupport/deadlines';
import { migrationPrepTarget, preparationDeadline } from '../ruleSupport/migrationItems';
import type { Rule } from './types';

export const dataCleansing: Rule = {
  meta: {
    id: 'data-cleansing',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'an item tagged data-audit or data-cleansing is due on or before the first trial migration, else on or before the migration date M',
    hasSuggestions: true,
    messages: {
      missing: 'no item tagged data-audit or data-cleansing is due on or before {{deadline}}; audit and cleanse the legacy data before it is migrated{{hint}}',
      late: '{{tag}} item {{item}} {{when}}, after {{deadline}}; clean the data on or before {{date}}',
    },
  },
  check({ plan, schedule, report }) {
    const anchor = migrationAnchor(plan, schedule);
    if (!anchor) return;
    const { deadline, text, firstTrial } = preparationDeadline(plan, schedule, anchor);
    const onTime = datedWithin(schedule, deadline);
    checkDatedItem(report, schedule, {
      candidates: allChecklistItems(plan).filter((item) => hasTag(item, 'data-audit') || hasTag(item, 'data-cleansing')),
      deadline,
      tags: ['data-audit', 'data-cleansing'],
      data: { deadline: text, date: isoFromDay(deadline.day) },
      missedData: (item) => ({ tag: hasTag(item, 'data-cleansing') ? 'data-cleansing' : 'data-audit' }),
      missedMessageId: 'late',
      target: migrationPrepTarget(plan, anchor, ['test-migration', 'backup', 'final-migration', 'validation'], firstTrial),
      item: { task: 'Audit the legacy data and remove duplicates', tags: ['data-audit', 'data-cleansing'] },
      hint: () => findTagHint(plan, 'data-cleansing', onTime) ?? findTagHint(plan, 'data-audit', onTime) ?? '',
    });
  },
};
