import { isoFromDay } from '../calendar';
import { findTagHint, itemsTagged, migrationAnchor } from '../definitions';
import { checkDatedItem } from '../ruleSupport/datedItems';
import { datedWithin } from '../ruleSupport/deadlines';
import { migrationPrepTarget, preparationDeadline } from '../ruleSupport/migrationItems';
import type { Rule } from './types';

export const migrationMapping: Rule = {
  meta: {
    id: 'migration-mapping',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'an item tagged data-mapping is due on or before the first trial migration, else on or before the migration date M',
    hasSuggestions: true,
    messages: {
      missing: 'no item tagged data-mapping is due on or before {{deadline}}; map the legacy fields to the new CRM before the data moves{{hint}}',
      late: 'data-mapping item {{item}} {{when}}, after {{deadline}}; finish the mapping on or before {{date}}',
    },
  },
  check({ plan, schedule, report }) {
    const anchor = migrationAnchor(plan, schedule);
    if (!anchor) return;
    const { deadline, text, firstTrial } = preparationDeadline(plan, schedule, anchor);
    checkDatedItem(report, schedule, {
      candidates: itemsTagged(plan, 'data-mapping'),
      deadline,
      tags: ['data-mapping'],
      data: { deadline: text, date: isoFromDay(deadline.day) },
      missedMessageId: 'late',
      // Mapping comes before cleansing against the target fields and before the trial migration.
      target: migrationPrepTarget(plan, anchor, ['data-cleansing', 'test-migration', 'backup', 'final-migration', 'validation'], firstTrial),
      item: { task: 'Map legacy fields to the new CRM', tags: ['data-mapping'] },
      hint: () => findTagHint(plan, 'data-mapping', datedWithin(schedule, deadline)) ?? '',
    });
  },
};
