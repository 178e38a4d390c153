import { isoFromDay } from '../calendar';
import { findTagHint, hasTag, migrationAnchor } from '../definitions';
import { allChecklistItems } from '../model';
import { insertItemFix } from './checklist-edits';
import { datedWithin, judge, missedItemReport } from './dated-items';
import { migrationPrepTarget, preparationDeadline } from './migration-items';
import type { Rule } from './types';

export const dataCleansing: Rule = {
  meta: {
    id: 'data-cleansing',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'an item tagged data-audit or data-cleansing is due on or before the first trial migration, else on or before the migration date M',
    fixable: true,
    messages: {
      missing: 'no item tagged data-audit or data-cleansing is due on or before {{deadline}}; audit and cleanse the legacy data before it is migrated{{hint}}',
      late: '{{tag}} item {{item}} {{when}}, after {{deadline}}; clean the data on or before {{date}}',
    },
  },
  check({ plan, schedule, report }) {
    const anchor = migrationAnchor(plan, schedule);
    if (!anchor) return;
    const { deadline, text, firstTrial } = preparationDeadline(plan, schedule, anchor);
    const candidates = allChecklistItems(plan).filter((item) => hasTag(item, 'data-audit') || hasTag(item, 'data-cleansing'));
    const verdict = judge(candidates, schedule, deadline);
    if (verdict.status === 'missed') {
      const tag = hasTag(verdict.item, 'data-cleansing') ? 'data-cleansing' : 'data-audit';
      report(missedItemReport('late', verdict, schedule, deadline, ['data-audit', 'data-cleansing'], { tag, deadline: text, date: isoFromDay(deadline.day) }));
      return;
    }
    if (verdict.status !== 'absent') return;
    const target = migrationPrepTarget(plan, anchor, ['test-migration', 'backup', 'final-migration', 'validation'], firstTrial);
    if (!target) return;
    const fix = insertItemFix(schedule, target, { task: 'Audit the legacy data and remove duplicates', tags: ['data-audit', 'data-cleansing'] }, deadline);
    const onTime = datedWithin(schedule, deadline);
    report({
      messageId: 'missing',
      data: { deadline: text, hint: findTagHint(plan, 'data-cleansing', onTime) ?? findTagHint(plan, 'data-audit', onTime) ?? '' },
      node: target.phase.idNode,
      fixes: fix ? [fix] : undefined,
      idPath: target.phase.idPath,
    });
  },
};
