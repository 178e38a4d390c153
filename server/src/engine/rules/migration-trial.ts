import { isoFromDay } from '../calendar';
import { findTagHint, itemsTagged, migrationAnchor } from '../definitions';
import { insertItemFix } from './checklist-edits';
import { datedWithin, judge, missedItemReport, type Deadline } from './dated-items';
import { anchorText, migrationPrepTarget } from './migration-items';
import type { Rule } from './types';

export const migrationTrial: Rule = {
  meta: {
    id: 'migration-trial',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'an item tagged test-migration has its effective date on or before the migration date M',
    fixable: true,
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
    const data = { migrationDate: isoFromDay(anchor.day), anchor: anchorText(anchor) };
    const verdict = judge(itemsTagged(plan, 'test-migration'), schedule, deadline);
    if (verdict.status === 'missed') {
      report(missedItemReport('late', verdict, schedule, deadline, ['test-migration'], data));
      return;
    }
    if (verdict.status !== 'absent') return;
    // A trial comes after the data is prepared and before the backup and the final migration.
    const target = migrationPrepTarget(plan, anchor, ['backup', 'final-migration', 'validation']);
    if (!target) return;
    const fix = insertItemFix(schedule, target, { task: 'Trial migration into a test environment', tags: ['test-migration'] }, deadline);
    report({
      messageId: 'missing',
      data: { ...data, hint: findTagHint(plan, 'test-migration', datedWithin(schedule, deadline)) ?? '' },
      node: target.phase.idNode,
      fixes: fix ? [fix] : undefined,
      idPath: target.phase.idPath,
    });
  },
};
