import { describe, expect, it } from 'vitest';
import { datedWithin, earliestItem, judge, meets, workingDayMeeting } from '../../../server/src/engine/ruleSupport/deadlines';
import { BACKUPS, day, planAndSchedule } from './fixture';

const { plan, schedule } = planAndSchedule(BACKUPS);
const [early, late, atEnd, twin] = plan.phases[0].checklist;
const undated = plan.phases[1].checklist[0];

describe('meets', () => {
  it('excludes the day itself for "before" and includes it for "on or before" and "on or after"', () => {
    const d = day('2027-01-06');
    expect([meets(d, { day: d, relation: 'before' }), meets(d, { day: d, relation: 'onOrBefore' }), meets(d, { day: d, relation: 'onOrAfter' })]).toEqual([false, true, true]);
    expect([meets(d - 1, { day: d, relation: 'before' }), meets(d + 1, { day: d, relation: 'onOrBefore' }), meets(d - 1, { day: d, relation: 'onOrAfter' })]).toEqual([true, false, false]);
  });
});

describe('workingDayMeeting', () => {
  const calendar = schedule.calendar;

  it('takes the working day itself when it meets an inclusive deadline, and the one before for "before"', () => {
    expect(workingDayMeeting(calendar, { day: day('2027-01-06'), relation: 'onOrBefore' })).toBe(day('2027-01-06'));
    expect(workingDayMeeting(calendar, { day: day('2027-01-06'), relation: 'before' })).toBe(day('2027-01-05'));
  });

  it('moves off a weekend towards the side that meets the deadline', () => {
    const saturday = day('2027-01-09');
    expect(workingDayMeeting(calendar, { day: saturday, relation: 'onOrBefore' })).toBe(day('2027-01-08'));
    expect(workingDayMeeting(calendar, { day: saturday, relation: 'onOrAfter' })).toBe(day('2027-01-11'));
  });
});

describe('judge', () => {
  it('is met as soon as one candidate meets the deadline, even when another has no date', () => {
    expect(judge([undated, late, early], schedule, { day: day('2027-01-06'), relation: 'onOrBefore' })).toEqual({ status: 'met' });
  });

  it('picks the earliest item by effective date when all miss a "before" deadline, the first in file order on a tie', () => {
    expect(judge([late, early, atEnd, twin], schedule, { day: day('2027-01-06'), relation: 'before' })).toEqual({ status: 'missed', item: early, day: day('2027-01-06') });
  });

  it('picks the latest item when all miss an "on or after" deadline, counting an undue item on its phase end', () => {
    expect(judge([early, atEnd, late], schedule, { day: day('2027-01-20'), relation: 'onOrAfter' })).toEqual({ status: 'missed', item: atEnd, day: day('2027-01-15') });
  });

  it('cannot judge when none meets and one has no effective date', () => {
    expect(judge([late, undated], schedule, { day: day('2027-01-06'), relation: 'before' })).toEqual({ status: 'undated' });
  });

  it('is absent without candidates', () => {
    expect(judge([], schedule, { day: day('2027-01-06'), relation: 'before' })).toEqual({ status: 'absent' });
  });
});

describe('earliestItem', () => {
  it('skips undated items and keeps the first of equally early ones', () => {
    expect(earliestItem([undated, late, twin, early], schedule)).toEqual({ item: twin, day: day('2027-01-06') });
  });

  it('is undefined when no item has an effective date', () => {
    expect(earliestItem([undated], schedule)).toBeUndefined();
  });
});

describe('datedWithin', () => {
  it('accepts the items whose effective date meets the deadline, and no undated item', () => {
    const onTime = datedWithin(schedule, { day: day('2027-01-14'), relation: 'onOrBefore' });
    expect([early, late, atEnd, undated].map(onTime)).toEqual([true, true, false, false]);
  });
});
