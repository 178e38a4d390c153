import { isoFromDay } from '../calendar';
import { findTagHint, itemsTagged, waveMigrations } from '../definitions';
import { checkDatedItem } from '../ruleSupport/datedItems';
import { datedWithin, type Deadline } from '../ruleSupport/deadlines';
import { migrationPrepTarget, ofWave, waveMigrationData } from '../ruleSupport/migrationItems';
import { numberOption, ruleOptions } from '../ruleSupport/options';
import type { Rule } from './types';

const OPTIONS = ruleOptions({
  gap: {
    description: "Working days the trial migration must leave before the final one, to fix what it finds. Default: 5 (this project's choice).",
    type: 'integer',
    minimum: 0,
    default: 5,
    examples: [10],
  },
});

/**
 * For every wave k with a migration date M_k: an item tagged test-migration, in a phase
 * preparing wave k, has its ED at least `gap` working days before M_k, so what the trial finds
 * can be fixed before the final migration. One finding per wave that lacks it, naming the wave.
 */
export const migrationTrial: Rule = {
  meta: {
    id: 'migration-trial',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'for every wave with a migration date M_k, an item tagged test-migration in a phase preparing that wave is due at least `gap` working days (default 5) before M_k',
    hasSuggestions: true,
    ...OPTIONS,
    messages: {
      missing:
        '{{wave}} migrates on {{migrationDate}} ({{anchor}}) but no test-migration item{{preparing}} is due by {{trialDeadline}}{{gapText}}; rehearse the migration in a test environment first{{hint}}',
      late: 'test-migration item {{item}} {{when}}, after {{wave}} migrates on {{migrationDate}} ({{anchor}}); run the trial on or before {{trialDeadline}}',
      tooClose:
        'test-migration item {{item}} {{when}}, less than {{gap}} working days before {{wave}} migrates on {{migrationDate}} ({{anchor}}); run the trial on or before {{trialDeadline}} to leave time to fix what it finds',
    },
  },
  check({ plan, schedule, options, report }) {
    const gap = numberOption(OPTIONS, options, 'gap');
    const trials = itemsTagged(plan, 'test-migration');
    for (const wave of waveMigrations(plan, schedule)) {
      const migrationDay = wave.anchor.day;
      // The gap-th working day before M_k (M_k itself when gap is 0), counted on the calendar of
      // the phase that fixed M_k (rules.md 1.1, Calendars).
      const anchorPhase = 'item' in wave.anchor ? wave.anchor.item.phase : wave.anchor.phase;
      const day = schedule.calendarOf(anchorPhase).work.addWorkingDays(migrationDay, -gap);
      const deadline: Deadline = { day, relation: 'onOrBefore' };
      const onTime = datedWithin(schedule, deadline);
      checkDatedItem(report, schedule, {
        candidates: ofWave(trials, wave),
        deadline,
        tags: ['test-migration'],
        data: {
          ...waveMigrationData(wave, schedule),
          trialDeadline: isoFromDay(day),
          gap: String(gap),
          gapText: gap > 0 ? ` (${gap} working days before)` : '',
        },
        missedMessageId: (itemDay) => (itemDay > migrationDay ? 'late' : 'tooClose'),
        // A trial comes after the data is prepared and before the backup and the final migration.
        target: migrationPrepTarget(plan, wave, ['backup', 'final-migration', 'validation']),
        item: { task: 'Trial migration into a test environment', tags: ['test-migration'] },
        hint: () => findTagHint(plan, 'test-migration', (item) => wave.phases.has(item.phase) && onTime(item)) ?? '',
      });
    }
  },
};
