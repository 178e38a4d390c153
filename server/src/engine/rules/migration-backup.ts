import { findTagHint, itemsTagged, migrationAnchor } from '../definitions';
import { checkDatedItem } from '../ruleSupport/datedItems';
import { datedWithin, type Deadline } from '../ruleSupport/deadlines';
import { beforeFinalMigration, migrationDateData } from '../ruleSupport/migrationItems';
import type { Rule } from './types';

export const migrationBackup: Rule = {
  meta: {
    id: 'migration-backup',
    category: 'data',
    defaultSeverity: 'error',
    description: 'some item tagged backup has its effective date on or before the migration date M',
    hasSuggestions: true,
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
    checkDatedItem(report, schedule, {
      candidates: itemsTagged(plan, 'backup'),
      deadline,
      tags: ['backup'],
      data: migrationDateData(anchor),
      missedMessageId: 'late',
      target: beforeFinalMigration(plan, anchor),
      item: { task: 'Back up the legacy data before the final migration', tags: ['backup'] },
      hint: () => findTagHint(plan, 'backup', datedWithin(schedule, deadline)) ?? '',
    });
  },
};
