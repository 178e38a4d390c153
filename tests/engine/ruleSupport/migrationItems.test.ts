import { describe, expect, it } from 'vitest';
import { migrationAnchor, type MigrationAnchor, type WaveMigration } from '../../../server/src/engine/definitions';
import {
  anchorText,
  beforeFinalMigration,
  migrationDateData,
  migrationPrepTarget,
  preparationDeadline,
} from '../../../server/src/engine/ruleSupport/migrationItems';
import { BACKUPS, day, planAndSchedule } from './fixture';

/** M from the end of `move` (2027-01-04 to 2027-01-15): no final-migration item fixes it. */
const BY_PHASE = `phases:
  - id: prepare
    name: Prepare
    kind: data-migration
    start: 2027-01-04
    duration: 1w
  - id: move
    name: Move
    kind: data-migration
    start: 2027-01-04
    duration: 2w
    checklist:
      - { task: Trial run, tags: [test-migration], due: 2027-01-07 }
      - { task: Back up, tags: [backup] }
`;

function anchorOf(text: string) {
  const { plan, schedule } = planAndSchedule(text);
  const anchor: MigrationAnchor | undefined = migrationAnchor(plan, schedule);
  if (!anchor) throw new Error('the plan has no migration date');
  // These fixtures have no go-live: every phase prepares the one wave under test.
  const wave: WaveMigration = { goLive: plan.phases[0], phases: new Set(plan.phases), anchor };
  return { plan, schedule, anchor, wave };
}

describe('anchorText and migrationDateData', () => {
  it('name the final-migration item or the data-migration phase that fixed M', () => {
    expect(migrationDateData(anchorOf(BACKUPS).anchor)).toEqual({ migrationDate: '2027-01-15', anchor: 'the final migration "Final import"' });
    expect(anchorText(anchorOf(BY_PHASE).anchor)).toBe('the end of data-migration phase "move"');
  });
});

describe('preparationDeadline', () => {
  it('is the effective date of the first trial migration when there is one', () => {
    const { plan, schedule, wave } = anchorOf(BY_PHASE);
    const trial = plan.phases[1].checklist[0];
    expect(preparationDeadline(plan, schedule, wave)).toEqual({
      deadline: { day: day('2027-01-07'), relation: 'onOrBefore' },
      text: 'its first trial migration "Trial run" (2027-01-07)',
      lateText: 'the first trial migration "Trial run" (2027-01-07)',
      firstTrial: trial,
    });
  });

  it('is M without a trial migration', () => {
    const { plan, schedule, wave } = anchorOf(BACKUPS);
    expect(preparationDeadline(plan, schedule, wave)).toEqual({
      deadline: { day: day('2027-01-15'), relation: 'onOrBefore' },
      text: 'then',
      lateText: 'the plan migrates on 2027-01-15 (the final migration "Final import")',
    });
  });
});

describe('migrationPrepTarget', () => {
  it('goes into the phase of the item it must precede, before the first item of a later step', () => {
    const { plan, wave } = anchorOf(BY_PHASE);
    const trial = plan.phases[1].checklist[0];
    expect(migrationPrepTarget(plan, wave, ['backup'], trial)).toEqual({ phase: plan.phases[1], beforeIndex: 1 });
  });

  it('goes into the phase of the final-migration item, else the first data-migration phase, at its end when no later step is there', () => {
    const byItem = anchorOf(BACKUPS);
    expect(migrationPrepTarget(byItem.plan, byItem.wave, ['uat'])).toEqual({ phase: byItem.plan.phases[0], beforeIndex: undefined });
    const byPhase = anchorOf(BY_PHASE);
    expect(migrationPrepTarget(byPhase.plan, byPhase.wave, ['backup'])).toEqual({ phase: byPhase.plan.phases[0], beforeIndex: undefined });
  });
});

describe('beforeFinalMigration', () => {
  it('goes right before the final-migration item, else at the start of the first data-migration phase', () => {
    const byItem = anchorOf(BACKUPS);
    expect(beforeFinalMigration(byItem.plan, byItem.wave)).toEqual({ phase: byItem.plan.phases[0], beforeIndex: 4 });
    const byPhase = anchorOf(BY_PHASE);
    expect(beforeFinalMigration(byPhase.plan, byPhase.wave)).toEqual({ phase: byPhase.plan.phases[0], beforeIndex: 0 });
  });
});
