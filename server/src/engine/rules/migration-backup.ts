import { findTagHint, itemsTagged, waveMigrations } from '../definitions';
import { checkDatedItem } from '../ruleSupport/datedItems';
import { datedWithin, type Deadline } from '../ruleSupport/deadlines';
import { beforeFinalMigration, ofWave, waveMigrationData } from '../ruleSupport/migrationItems';
import type { Rule } from './types';

/**
 * For every wave k with a migration date M_k: some item tagged backup, in a phase preparing
 * wave k, has its ED on or before M_k. One finding per wave that lacks it, naming the wave.
 */
export const migrationBackup: Rule = {
  meta: {
    id: 'migration-backup',
    category: 'data',
    defaultSeverity: 'error',
    description: "for every wave with a migration date M_k, an item tagged backup in a phase preparing that wave has its effective date on or before M_k",
    hasSuggestions: true,
    messages: {
      missing:
        '{{wave}} migrates on {{migrationDate}} ({{anchor}}) but no backup item{{preparing}} is due by then; back up the legacy data before the final migration{{hint}}',
      late: 'backup item {{item}} {{when}}, after {{wave}} migrates on {{migrationDate}} ({{anchor}}); take the backup on or before {{migrationDate}}',
    },
  },
  check({ plan, schedule, report }) {
    const backups = itemsTagged(plan, 'backup');
    for (const wave of waveMigrations(plan, schedule)) {
      const deadline: Deadline = { day: wave.anchor.day, relation: 'onOrBefore' };
      const onTime = datedWithin(schedule, deadline);
      checkDatedItem(report, schedule, {
        candidates: ofWave(backups, wave),
        deadline,
        tags: ['backup'],
        data: waveMigrationData(wave, schedule),
        missedMessageId: 'late',
        target: beforeFinalMigration(plan, wave),
        item: { task: 'Back up the legacy data before the final migration', tags: ['backup'] },
        hint: () => findTagHint(plan, 'backup', (item) => wave.phases.has(item.phase) && onTime(item)) ?? '',
      });
    }
  },
};
