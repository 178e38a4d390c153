import { isoFromDay } from '../calendar';
import { findTagHint, itemsTagged, migrationAnchor } from '../definitions';
import { insertItemFix } from './checklist-edits';
import { datedWithin, judge, missedItemReport } from './dated-items';
import { migrationPrepTarget, preparationDeadline } from './migration-items';
import type { Rule } from './types';

export const migrationMapping: Rule = {
  meta: {
    id: 'migration-mapping',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'an item tagged data-mapping is due on or before the first trial migration, else on or before the migration date M',
    fixable: true,
    messages: {
      missing: 'no item tagged data-mapping is due on or before {{deadline}}; map the legacy fields to the new CRM before the data moves{{hint}}',
      late: 'data-mapping item {{item}} {{when}}, after {{deadline}}; finish the mapping on or before {{date}}',
    },
  },
  check({ plan, schedule, report }) {
    const anchor = migrationAnchor(plan, schedule);
    if (!anchor) return;
    const { deadline, text, firstTrial } = preparationDeadline(plan, schedule, anchor);
    const verdict = judge(itemsTagged(plan, 'data-mapping'), schedule, deadline);
    if (verdict.status === 'missed') {
      report(missedItemReport('late', verdict, schedule, deadline, ['data-mapping'], { deadline: text, date: isoFromDay(deadline.day) }));
      return;
    }
    if (verdict.status !== 'absent') return;
    // Mapping comes before cleansing against the target fields and before the trial migration.
    const target = migrationPrepTarget(plan, anchor, ['data-cleansing', 'test-migration', 'backup', 'final-migration', 'validation'], firstTrial);
    if (!target) return;
    const fix = insertItemFix(schedule, target, { task: 'Map legacy fields to the new CRM', tags: ['data-mapping'] }, deadline);
    report({
      messageId: 'missing',
      data: { deadline: text, hint: findTagHint(plan, 'data-mapping', datedWithin(schedule, deadline)) ?? '' },
      node: target.phase.idNode,
      fixes: fix ? [fix] : undefined,
      idPath: target.phase.idPath,
    });
  },
};
