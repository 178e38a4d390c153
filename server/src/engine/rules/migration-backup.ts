import { isoFromDay } from '../calendar';
import { findTagHint, itemsTagged, migrationAnchor } from '../definitions';
import { insertItemFix } from './checklist-edits';
import { datedWithin, judge, missedItemReport, type Deadline } from './dated-items';
import { anchorText, beforeFinalMigration } from './migration-items';
import type { Rule } from './types';

export const migrationBackup: Rule = {
  meta: {
    id: 'migration-backup',
    category: 'data',
    defaultSeverity: 'error',
    description: 'some item tagged backup has its effective date on or before the migration date M',
    fixable: true,
    messages: {
      missing:
        'no item tagged backup is due on or before the migration date {{migrationDate}} ({{anchor}}); back up the legacy data before the final migration{{hint}}',
      late: 'backup item {{item}} {{when}}, after the migration date {{migrationDate}} ({{anchor}}); take the backup on or before {{migrationDate}}',
    },
  },
  check({ plan, schedule, report }) {
    const anchor = migrationAnchor(plan, schedule);
    if (!anchor) return;
    const deadline: Deadline = { day: anchor.day, relation: 'onOrBefore' };
    const data = { migrationDate: isoFromDay(anchor.day), anchor: anchorText(anchor) };
    const verdict = judge(itemsTagged(plan, 'backup'), schedule, deadline);
    if (verdict.status === 'missed') {
      report(missedItemReport('late', verdict, schedule, deadline, ['backup'], data));
      return;
    }
    if (verdict.status !== 'absent') return;
    const target = beforeFinalMigration(plan, anchor);
    if (!target) return;
    const fix = insertItemFix(schedule, target, { task: 'Back up the legacy data before the final migration', tags: ['backup'] }, deadline);
    report({
      messageId: 'missing',
      data: { ...data, hint: findTagHint(plan, 'backup', datedWithin(schedule, deadline)) ?? '' },
      node: target.phase.idNode,
      fixes: fix ? [fix] : undefined,
      idPath: target.phase.idPath,
    });
  },
};
