import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/engine/edits';
import {
  checkDatedItem,
  firstTaggedIndex,
  insertItemFix,
  itemDateNode,
  itemLabel,
  moveDueFix,
  whenText,
  type RequiredDatedItem,
} from '../../../server/src/engine/ruleSupport/datedItems';
import type { Report } from '../../../server/src/engine/rules/types';
import type { Fix } from '../../../server/src/engine/types';
import { BACKUPS, day, planAndSchedule } from './fixture';

const { plan, schedule } = planAndSchedule(BACKUPS);
const [migrate, someday, broken] = plan.phases;
const [early, late, atEnd, twin, finalImport] = migrate.checklist;
const undated = someday.checklist[0];

function textOf(node: { range?: [number, number, number] | null } | undefined): string {
  return node?.range ? plan.source.text.slice(node.range[0], node.range[1]) : '';
}

function applied(fix: Fix | undefined): string {
  if (!fix) throw new Error('expected a fix');
  return applyEdits(plan.source.text, fix.edits);
}

describe('itemLabel', () => {
  it('names an item by its id, else its task, shortened to 60 characters', () => {
    const long = planAndSchedule(`phases:\n  - id: p\n    checklist:\n      - { task: ${'Migrate the accounts '.repeat(4)}}\n      - { tags: [backup] }\n`).plan;
    const [longItem, bare] = long.phases[0].checklist;
    expect(itemLabel(twin)).toBe('"twin"');
    expect(itemLabel(early)).toBe('"Early backup"');
    // 59 characters of the task and an ellipsis.
    expect(itemLabel(longItem)).toBe('"Migrate the accounts Migrate the accounts Migrate the accou…"');
    expect(itemLabel(bare)).toBe('#2 of phase "p"');
  });
});

describe('whenText', () => {
  it('quotes the due date, or says the phase end decides it', () => {
    expect(whenText(early, day('2027-01-06'))).toBe('is due 2027-01-06');
    expect(whenText(atEnd, day('2027-01-15'))).toBe('has no due date, so it falls on the end of phase "migrate" (2027-01-15)');
  });
});

describe('itemDateNode', () => {
  it('points at the due date, else at the tag that made the item a candidate, else at the item', () => {
    expect(textOf(itemDateNode(early, ['backup']))).toBe('2027-01-06');
    const tag = itemDateNode(finalImport, ['validation']);
    expect(textOf(tag)).toBe('validation');
    expect(tag.range?.[0]).toBe(finalImport.tags[1].node.range?.[0]);
    expect(itemDateNode(atEnd, ['validation'])).toBe(atEnd.map);
  });
});

describe('moveDueFix', () => {
  it('replaces an existing due date, as a suggestion', () => {
    const fix = moveDueFix(late, day('2027-01-05'));
    expect(fix.title).toBe('set its due date to 2027-01-05');
    expect(fix.kind).toBe('suggestion');
    expect(applied(fix)).toContain('      - { task: Late backup, tags: [backup], due: 2027-01-05 }\n');
  });

  it('adds a due date to an item without one', () => {
    expect(applied(moveDueFix(atEnd, day('2027-01-05')))).toContain('      - { task: Backup at the end, tags: [backup], due: 2027-01-05 }\n');
  });
});

describe('firstTaggedIndex', () => {
  it('finds the first item carrying any of the tags', () => {
    expect(firstTaggedIndex(migrate, ['validation', 'final-migration'])).toBe(4);
    expect(firstTaggedIndex(migrate, ['uat'])).toBeUndefined();
  });
});

describe('insertItemFix', () => {
  const item = { task: 'Validate the data, then sign off', tags: ['validation'] };

  it('inserts the item undated when the phase end meets the deadline, as a suggestion (new plan content is never a fix)', () => {
    const fix = insertItemFix(schedule, { phase: migrate, beforeIndex: 4 }, item, { day: day('2027-01-20'), relation: 'onOrBefore' });
    expect(fix?.title).toBe('insert an item tagged validation into phase "migrate"');
    expect(fix?.kind).toBe('suggestion');
    expect(applied(fix)).toContain('      - { task: "Validate the data, then sign off", tags: [validation] }\n      - { task: Final import');
  });

  it('dates the item on the working day closest to the deadline when the phase end misses it', () => {
    const fix = insertItemFix(schedule, { phase: migrate }, { ...item, refs: ['erp'] }, { day: day('2027-01-09'), relation: 'before' });
    expect(fix?.title).toBe('insert an item tagged validation into phase "migrate" due 2027-01-08');
    expect(applied(fix)).toContain(
      '      - { task: Final import, tags: [final-migration, validation] }\n      - { task: "Validate the data, then sign off", tags: [validation], refs: [erp], due: 2027-01-08 }\n',
    );
  });

  it('dates the item when its phase has no dates', () => {
    const fix = insertItemFix(schedule, { phase: someday }, item, { day: day('2027-01-20'), relation: 'onOrAfter' });
    expect(fix?.title).toBe('insert an item tagged validation into phase "someday" due 2027-01-20');
  });

  it('offers no fix when the phase has `checklist:` without a list', () => {
    expect(insertItemFix(schedule, { phase: broken }, item)).toBeUndefined();
  });
});

describe('checkDatedItem', () => {
  function run(overrides: Partial<RequiredDatedItem>): { reports: Report[]; hints: number } {
    const reports: Report[] = [];
    let hints = 0;
    checkDatedItem((r) => reports.push(r), schedule, {
      candidates: [early, late],
      deadline: { day: day('2027-01-06'), relation: 'onOrBefore' },
      tags: ['backup'],
      data: { migrationDate: '2027-01-06' },
      missedMessageId: 'late',
      target: { phase: migrate, beforeIndex: 4 },
      item: { task: 'Back up the legacy data', tags: ['backup'] },
      hint: () => {
        hints++;
        return '; a hint';
      },
      ...overrides,
    });
    return { reports, hints };
  }

  it('reports nothing, and computes no hint, when a candidate meets the deadline', () => {
    expect(run({})).toEqual({ reports: [], hints: 0 });
  });

  it('reports nothing when no candidate meets the deadline but one has no date', () => {
    expect(run({ candidates: [late, undated] }).reports).toEqual([]);
  });

  it('reports the candidate closest to the deadline at its due date, with its data and a suggestion moving it', () => {
    const { reports } = run({ deadline: { day: day('2027-01-06'), relation: 'before' }, missedData: (item) => ({ task: item.task?.value ?? '' }) });
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report.messageId).toBe('late');
    expect(report.data).toEqual({ migrationDate: '2027-01-06', task: 'Early backup', item: '"Early backup"', when: 'is due 2027-01-06' });
    expect(report.node).toBe(early.due?.node);
    expect(report.idPath).toBe(early.idPath);
    expect(report.fixes?.map((f) => [f.title, f.kind])).toEqual([['set its due date to 2027-01-05', 'suggestion']]);
  });

  it('reports a missing item at the target phase with the hint and a suggestion inserting it', () => {
    const { reports, hints } = run({ candidates: [] });
    expect(hints).toBe(1);
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report.messageId).toBe('missing');
    expect(report.data).toEqual({ migrationDate: '2027-01-06', hint: '; a hint' });
    expect(report.node).toBe(migrate.idNode);
    expect(report.idPath).toBe(migrate.idPath);
    expect(applied(report.fixes?.[0])).toContain('      - { task: Back up the legacy data, tags: [backup], due: 2027-01-06 }\n      - { task: Final import');
  });

  it('stays silent about a missing item when there is no phase to put it in', () => {
    expect(run({ candidates: [], target: undefined })).toEqual({ reports: [], hints: 0 });
  });
});
