import { isoFromDay } from '../calendar';
import { findTagHint, hasTag, waveMigrations } from '../definitions';
import { allChecklistItems } from '../model';
import { checkDatedItem } from '../ruleSupport/datedItems';
import { datedWithin } from '../ruleSupport/deadlines';
import { migrationPrepTarget, ofWave, preparationDeadline, waveMigrationData } from '../ruleSupport/migrationItems';
import type { Rule } from './types';

/**
 * For every wave k with a migration date M_k: an item tagged data-audit or data-cleansing, in a
 * phase preparing wave k, is due on or before the wave's first trial migration, else M_k.
 */
export const dataCleansing: Rule = {
  meta: {
    id: 'data-cleansing',
    category: 'data',
    defaultSeverity: 'warning',
    description:
      "for every wave with a migration date M_k, an item tagged data-audit or data-cleansing in a phase preparing that wave is due on or before the wave's first trial migration, else on or before M_k",
    hasSuggestions: true,
    messages: {
      missing:
        '{{wave}} migrates on {{migrationDate}} ({{anchor}}) but no item tagged data-audit or data-cleansing{{preparing}} is due on or before {{deadline}}; audit and cleanse the legacy data before it is migrated{{hint}}',
      late: '{{tag}} item {{item}} {{when}}, after {{lateDeadline}}; clean the data on or before {{date}}',
    },
  },
  check({ plan, schedule, report }) {
    const candidates = allChecklistItems(plan).filter((item) => hasTag(item, 'data-audit') || hasTag(item, 'data-cleansing'));
    for (const wave of waveMigrations(plan, schedule)) {
      const { deadline, text, lateText, firstTrial } = preparationDeadline(plan, schedule, wave);
      const onTime = datedWithin(schedule, deadline);
      const inWave = (item: Parameters<typeof onTime>[0]) => wave.phases.has(item.phase) && onTime(item);
      checkDatedItem(report, schedule, {
        candidates: ofWave(candidates, wave),
        deadline,
        tags: ['data-audit', 'data-cleansing'],
        data: { ...waveMigrationData(wave, schedule), deadline: text, lateDeadline: lateText, date: isoFromDay(deadline.day) },
        missedData: (item) => ({ tag: hasTag(item, 'data-cleansing') ? 'data-cleansing' : 'data-audit' }),
        missedMessageId: 'late',
        target: migrationPrepTarget(plan, wave, ['test-migration', 'backup', 'final-migration', 'validation'], firstTrial),
        item: { task: 'Audit the legacy data and remove duplicates', tags: ['data-audit', 'data-cleansing'] },
        hint: () => findTagHint(plan, 'data-cleansing', inWave) ?? findTagHint(plan, 'data-audit', inWave) ?? '',
      });
    }
  },
};
