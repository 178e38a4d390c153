import { isoFromDay } from '../calendar';
import { findTagHint, itemsTagged, waveMigrations } from '../definitions';
import { checkDatedItem } from '../ruleSupport/datedItems';
import { datedWithin } from '../ruleSupport/deadlines';
import { migrationPrepTarget, ofWave, preparationDeadline, waveMigrationData } from '../ruleSupport/migrationItems';
import type { Rule } from './types';

/**
 * For every wave k with a migration date M_k: an item tagged data-mapping, in a phase preparing
 * wave k, is due on or before the wave's first trial migration, else M_k.
 */
export const migrationMapping: Rule = {
  meta: {
    id: 'migration-mapping',
    category: 'data',
    defaultSeverity: 'warning',
    description:
      "for every wave with a migration date M_k, an item tagged data-mapping in a phase preparing that wave is due on or before the wave's first trial migration, else on or before M_k",
    hasSuggestions: true,
    messages: {
      missing:
        '{{wave}} migrates on {{migrationDate}} ({{anchor}}) but no item tagged data-mapping{{preparing}} is due on or before {{deadline}}; map the legacy fields to the new CRM before the data moves{{hint}}',
      late: 'data-mapping item {{item}} {{when}}, after {{lateDeadline}}; finish the mapping on or before {{date}}',
    },
  },
  check({ plan, schedule, report }) {
    const mappings = itemsTagged(plan, 'data-mapping');
    for (const wave of waveMigrations(plan, schedule)) {
      const { deadline, text, lateText, firstTrial } = preparationDeadline(plan, schedule, wave);
      const onTime = datedWithin(schedule, deadline);
      checkDatedItem(report, schedule, {
        candidates: ofWave(mappings, wave),
        deadline,
        tags: ['data-mapping'],
        data: { ...waveMigrationData(wave, schedule), deadline: text, lateDeadline: lateText, date: isoFromDay(deadline.day) },
        missedMessageId: 'late',
        // Mapping comes before cleansing against the target fields and before the trial migration.
        target: migrationPrepTarget(plan, wave, ['data-cleansing', 'test-migration', 'backup', 'final-migration', 'validation'], firstTrial),
        item: { task: 'Map legacy fields to the new CRM', tags: ['data-mapping'] },
        hint: () => findTagHint(plan, 'data-mapping', (item) => wave.phases.has(item.phase) && onTime(item)) ?? '',
      });
    }
  },
};
