import { describe, expect, it } from 'vitest';
import { isoFromDay } from '../../server/src/engine/calendar';
import {
  effectiveDate,
  findTagHint,
  goLiveDate,
  hasTag,
  itemsTagged,
  lastGoLiveStart,
  migrationAnchor,
  migrationDate,
  milestoneDate,
  phasesOfKind,
  phasesPreparing,
  preparedGoLive,
  preparedGoLiveStart,
  TAG_HINT_PATTERNS,
  tagHint,
} from '../../server/src/engine/definitions';
import { buildPlan, type ChecklistItem, type Plan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import type { Schedule } from '../../server/src/engine/schedule';
import { buildSchedule } from '../../server/src/engine/scheduler';
import { CHECKLIST_TAGS } from '../../server/src/engine/vocabulary';

function load(text: string): { plan: Plan; schedule: Schedule } {
  const { source, fatal } = parseSource('test.rollout.yaml', text);
  if (fatal) throw new Error('test plan does not parse');
  const plan = buildPlan(source);
  return { plan, schedule: buildSchedule(plan) };
}

function phase(plan: Plan, id: string) {
  const found = plan.phases.find((p) => p.id === id);
  if (!found) throw new Error(`no phase ${id}`);
  return found;
}

function item(plan: Plan, task: string): ChecklistItem {
  const found = plan.phases.flatMap((p) => p.checklist).find((i) => i.task?.value === task);
  if (!found) throw new Error(`no item ${task}`);
  return found;
}

const iso = (day: number | undefined) => (day === undefined ? undefined : isoFromDay(day));

/*
 * Dates (2027-01-11 is a Monday):
 * data     calendar.start Mon 01-11, 2w -> Fri 01-22
 * testing  after data -> Mon 01-25, 1w -> Fri 01-29
 * go-live  after testing -> Mon 02-01, 1d
 */
const BASIC = `plan: 1
name: Definitions fixture
calendar: { start: 2027-01-11 }
phases:
  - id: data
    name: Data
    kind: data-migration
    duration: 2w
    checklist:
      - { task: Back up the legacy database, tags: [backup], due: 2027-01-13 }
      - { task: Trial migration into the sandbox }
      - { task: Reconcile record counts, tags: [validation] }
    milestones:
      - { id: data-done, name: Data done }
      - { id: data-dated, name: Data dated, date: 2027-01-20 }
  - id: testing
    name: Testing
    kind: testing
    after: [data]
    duration: 1w
    checklist:
      - { task: Run user acceptance tests with service agents }
      - { task: Write test scripts, tags: [functional-test, x-internal] }
  - { id: go-live, name: Go-live, kind: go-live, after: [testing], duration: 1d }
`;

describe('phase and item selection', () => {
  const { plan } = load(BASIC);

  it('selects every phase of a kind in file order', () => {
    expect(phasesOfKind(plan, 'testing').map((p) => p.id)).toEqual(['testing']);
    expect(phasesOfKind(plan, 'training')).toEqual([]);
  });

  it('recognises items by their tags only', () => {
    expect(itemsTagged(plan, 'backup').map((i) => i.task?.value)).toEqual(['Back up the legacy database']);
    // "Trial migration" reads like a test migration but carries no tag, so it is not one.
    expect(itemsTagged(plan, 'test-migration')).toEqual([]);
    expect(hasTag(item(plan, 'Write test scripts'), 'functional-test')).toBe(true);
    expect(hasTag(item(plan, 'Write test scripts'), 'uat')).toBe(false);
  });
});

describe('effective dates', () => {
  const { plan, schedule } = load(BASIC);

  it('takes an item ED from its due date', () => {
    expect(iso(effectiveDate(item(plan, 'Back up the legacy database'), schedule))).toBe('2027-01-13');
  });

  it('takes an item ED from its phase end when it has no due date', () => {
    expect(iso(effectiveDate(item(plan, 'Reconcile record counts'), schedule))).toBe('2027-01-22');
  });

  it('has no ED for an item of an unplaced phase without a due date', () => {
    const { plan: undated, schedule: noDates } = load(`plan: 1
name: p
phases:
  - { id: a, name: A, kind: planning, checklist: [{ task: Interview leads }] }
`);
    expect(effectiveDate(item(undated, 'Interview leads'), noDates)).toBeUndefined();
  });

  it('dates a milestone by its date, else by its phase end', () => {
    const [done, dated] = phase(plan, 'data').milestones;
    expect(iso(milestoneDate(done, schedule))).toBe('2027-01-22');
    expect(iso(milestoneDate(dated, schedule))).toBe('2027-01-20');
  });
});

describe('go-live date G', () => {
  it('is the start of the go-live phase', () => {
    const { schedule } = load(BASIC);
    expect(iso(goLiveDate(schedule))).toBe('2027-02-01');
  });

  it('is undefined without a go-live phase', () => {
    const { schedule } = load(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, duration: 1w }
`);
    expect(goLiveDate(schedule)).toBeUndefined();
    expect(lastGoLiveStart(schedule)).toBeUndefined();
  });
});

describe('migration date M', () => {
  it('is the earliest ED among final-migration items', () => {
    // The second item has no due date, so its ED is its phase end Fri 01-22, earlier than 02-10.
    const { plan, schedule } = load(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - id: data
    name: Data
    kind: data-migration
    duration: 2w
    checklist:
      - { task: Cut over to production, tags: [final-migration], due: 2027-02-10 }
      - { task: Cut over the archive, tags: [final-migration] }
  - { id: more-data, name: More data, kind: data-migration, start: 2027-03-01, duration: 1w }
`);
    expect(iso(migrationDate(plan, schedule))).toBe('2027-01-22');
    const anchor = migrationAnchor(plan, schedule);
    expect(anchor && 'item' in anchor ? anchor.item.task?.value : undefined).toBe('Cut over the archive');
  });

  it('falls back to the end of the latest-ending data-migration phase', () => {
    // late is declared first but ends Fri 03-05; early ends Fri 01-15.
    const { plan, schedule } = load(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: late, name: Late, kind: data-migration, start: 2027-03-01, duration: 1w }
  - { id: early, name: Early, kind: data-migration, duration: 1w }
`);
    expect(iso(migrationDate(plan, schedule))).toBe('2027-03-05');
    const anchor = migrationAnchor(plan, schedule);
    expect(anchor && 'phase' in anchor ? anchor.phase.id : undefined).toBe('late');
  });

  it('breaks a tie between data-migration phases by file order', () => {
    const { plan, schedule } = load(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: first, name: First, kind: data-migration, duration: 1w }
  - { id: second, name: Second, kind: data-migration, duration: 1w }
`);
    const anchor = migrationAnchor(plan, schedule);
    expect(anchor && 'phase' in anchor ? anchor.phase.id : undefined).toBe('first');
  });

  it('is undefined with neither a final-migration item nor a data-migration phase', () => {
    const { plan, schedule } = load(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, duration: 1w }
`);
    expect(migrationDate(plan, schedule)).toBeUndefined();
  });
});

describe('waves', () => {
  // wave-2 is declared first but starts later; wave-2b shares wave 2 and starts later still.
  const { plan, schedule } = load(`plan: 1
name: Waves
calendar: { start: 2027-01-11 }
phases:
  - { id: wave-2, name: Wave 2, kind: go-live, wave: 2, start: 2027-06-07, duration: 1d }
  - { id: wave-1, name: Wave 1, kind: go-live, wave: 1, start: 2027-03-01, duration: 1d }
  - { id: wave-2b, name: Wave 2 late, kind: go-live, wave: 2, start: 2027-07-05, duration: 1d }
  - { id: test-2, name: Test wave 2, kind: testing, wave: 2, duration: 1w }
  - { id: test-1, name: Test wave 1, kind: testing, wave: 1, duration: 1w }
  - { id: training, name: Training, kind: training, duration: 1w }
  - { id: test-3, name: Test wave 3, kind: testing, wave: 3, duration: 1w }
`);

  it('makes a phase with wave k prepare the go-live with wave k', () => {
    expect(preparedGoLive(phase(plan, 'test-1'), schedule)?.id).toBe('wave-1');
    expect(iso(preparedGoLiveStart(phase(plan, 'test-1'), schedule))).toBe('2027-03-01');
  });

  it('picks the earliest go-live when several share the wave', () => {
    expect(preparedGoLive(phase(plan, 'test-2'), schedule)?.id).toBe('wave-2');
  });

  it('makes a phase without a wave prepare the earliest go-live', () => {
    expect(preparedGoLive(phase(plan, 'training'), schedule)?.id).toBe('wave-1');
  });

  it('leaves a phase whose wave no go-live has without a go-live', () => {
    expect(preparedGoLive(phase(plan, 'test-3'), schedule)).toBeUndefined();
    expect(preparedGoLiveStart(phase(plan, 'test-3'), schedule)).toBeUndefined();
  });

  it('makes a go-live phase prepare itself', () => {
    expect(preparedGoLive(phase(plan, 'wave-2b'), schedule)?.id).toBe('wave-2b');
  });

  it('lists the phases preparing a go-live in file order, itself included', () => {
    expect(phasesPreparing(phase(plan, 'wave-1'), plan, schedule).map((p) => p.id)).toEqual(['wave-1', 'test-1', 'training']);
    expect(phasesPreparing(phase(plan, 'wave-2'), plan, schedule).map((p) => p.id)).toEqual(['wave-2', 'test-2']);
  });

  it('dates G by the earliest wave and the last go-live by the latest', () => {
    expect(iso(goLiveDate(schedule))).toBe('2027-03-01');
    expect(iso(lastGoLiveStart(schedule))).toBe('2027-07-05');
  });
});

describe('tag hints', () => {
  const { plan } = load(BASIC);

  it('hints at a tag the task text suggests but the item lacks', () => {
    expect(tagHint(item(plan, 'Trial migration into the sandbox'), 'test-migration')).toBe(
      '; item "Trial migration into the sandbox" looks like it should be tagged test-migration',
    );
    expect(tagHint(item(plan, 'Run user acceptance tests with service agents'), 'uat')).toBe(
      '; item "Run user acceptance tests with service agents" looks like it should be tagged uat',
    );
  });

  it('gives no hint when the item already has the tag', () => {
    expect(tagHint(item(plan, 'Back up the legacy database'), 'backup')).toBeUndefined();
  });

  it('gives no hint when the text does not suggest the tag', () => {
    expect(tagHint(item(plan, 'Reconcile record counts'), 'backup')).toBeUndefined();
    expect(tagHint(item(plan, 'Write test scripts'), 'training')).toBeUndefined();
  });

  it('does not read "train" inside another word as training', () => {
    const { plan: p } = load(`plan: 1
name: p
phases:
  - { id: a, name: A, kind: planning, checklist: [{ task: List budget constraints }, { task: Retrain the agents }] }
`);
    expect(tagHint(item(p, 'List budget constraints'), 'training')).toBeUndefined();
    expect(tagHint(item(p, 'Retrain the agents'), 'training')).toBe('; item "Retrain the agents" looks like it should be tagged training');
  });

  it('recognises back up, backup and snapshot as backup wording', () => {
    const { plan: p } = load(`plan: 1
name: p
phases:
  - id: a
    name: A
    kind: data-migration
    checklist: [{ task: Take a backup of Zendesk }, { task: Snapshot the tables }, { task: Back-up exports }]
`);
    for (const task of ['Take a backup of Zendesk', 'Snapshot the tables', 'Back-up exports']) {
      expect(tagHint(item(p, task), 'backup'), task).toBe(`; item "${task}" looks like it should be tagged backup`);
    }
  });

  it('shortens a long task in the hint', () => {
    const task = 'Back up every legacy database, file share and spreadsheet the service team keeps today';
    const { plan: p } = load(`plan: 1\nname: p\nphases:\n  - { id: a, name: A, kind: planning, checklist: [{ task: "${task}" }] }\n`);
    const hint = tagHint(item(p, task), 'backup');
    // Cut to 59 characters plus an ellipsis: 60 in all.
    expect(hint).toBe('; item "Back up every legacy database, file share and spreadsheet t…" looks like it should be tagged backup');
  });

  it('finds the first item in the file whose text suggests the tag', () => {
    expect(findTagHint(plan, 'test-migration')).toBe('; item "Trial migration into the sandbox" looks like it should be tagged test-migration');
    expect(findTagHint(plan, 'kpi-review')).toBeUndefined();
  });

  it('searches only the items the filter accepts', () => {
    expect(findTagHint(plan, 'test-migration', (i) => i.phase.id === 'testing')).toBeUndefined();
    expect(findTagHint(plan, 'uat', (i) => i.phase.id === 'testing')).toBe(
      '; item "Run user acceptance tests with service agents" looks like it should be tagged uat',
    );
  });

  it('has a wording pattern for every tag a rule looks for', () => {
    const used = [
      'backup', 'test-migration', 'final-migration', 'validation', 'data-audit', 'data-cleansing', 'data-mapping',
      'uat', 'functional-test', 'integration-test', 'performance-test', 'training', 'communication', 'champions',
      'feedback', 'stakeholders', 'requirements', 'process-mapping', 'vendor-selection', 'access-roles', 'kpi-review',
      'compliance',
    ] as const;
    expect(used.filter((tag) => !TAG_HINT_PATTERNS[tag])).toEqual([]);
    expect(Object.keys(TAG_HINT_PATTERNS).filter((tag) => !(CHECKLIST_TAGS as readonly string[]).includes(tag))).toEqual([]);
  });
});
