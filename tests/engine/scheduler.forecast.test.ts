import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../server/src/engine/calendar';
import { buildPlan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import type { Schedule, ScheduleOptions } from '../../server/src/engine/schedule';
import { buildSchedule } from '../../server/src/engine/scheduler';

/** The forecast schedule (plan-format.md, "Progress and actual dates") from the one scheduler. */

const text = `name: Forecast
calendar: { start: 2027-03-01 }
phases:
  - { id: kickoff, duration: 1d, actual: { start: 2027-02-22, end: 2027-02-26 } }
  - { id: design, duration: 2w, actual: { start: 2027-03-03 } }
  - id: build
    after: [design]
    duration: 1w
    milestones:
      - { id: build-signed, name: Build signed, date: 2027-03-19, achieved: 2027-03-24 }
  - { id: uat, after: [build-signed], duration: 1w }
  - { id: go, kind: go-live, after: [uat], duration: 1d }
`;

function dayOf(iso: string): number {
  const day = dayFromIso(iso);
  if (day === undefined) throw new Error(`not a date: ${iso}`);
  return day;
}

function rows(options: ScheduleOptions) {
  const { source, fatal } = parseSource('test.rollout.yaml', text);
  if (fatal) throw new Error('test plan does not parse');
  const schedule: Schedule = buildSchedule(buildPlan(source), options);
  return schedule.windows.map((w) => [w.phase.id, isoFromDay(w.start), isoFromDay(w.end)]);
}

/*
 * Mon-Fri, no holidays; 2027-03-01 is a Monday. As of Mon 2027-03-22.
 *            planned (no actual, no achieved)       forecast
 * kickoff    Mon 03-01 .. Mon 03-01 (1d)             actual Mon 02-22 .. Fri 02-26
 * design     Mon 03-01 .. Fri 03-12 (10 wd)          started Wed 03-03; 10 wd end Tue 03-16, before
 *                                                    the as-of date, so it runs late: ends Mon 03-22
 * build      after design: Mon 03-15 .. Fri 03-19    Tue 03-23 .. Mon 03-29
 * uat        after build-signed (dated Fri 03-19):   achieved Wed 03-24: Thu 03-25 .. Wed 03-31
 *            Mon 03-22 .. Fri 03-26
 * go         after uat: Mon 03-29                    Thu 04-01
 */
describe('forecast schedule', () => {
  it('reads no actual dates and no achieved milestones when planned', () => {
    expect(rows({})).toEqual([
      ['kickoff', '2027-03-01', '2027-03-01'],
      ['design', '2027-03-01', '2027-03-12'],
      ['build', '2027-03-15', '2027-03-19'],
      ['uat', '2027-03-22', '2027-03-26'],
      ['go', '2027-03-29', '2027-03-29'],
    ]);
  });

  it('puts phases on their actual dates, a late running phase on the as-of date, and successors after', () => {
    expect(rows({ mode: 'forecast', asOf: dayOf('2027-03-22') })).toEqual([
      ['kickoff', '2027-02-22', '2027-02-26'],
      ['design', '2027-03-03', '2027-03-22'],
      ['build', '2027-03-23', '2027-03-29'],
      ['uat', '2027-03-25', '2027-03-31'],
      ['go', '2027-04-01', '2027-04-01'],
    ]);
  });

  it('ends a started phase on its own duration when that is after the as-of date', () => {
    // As of Mon 03-08, design (started Wed 03-03, 10 wd) still ends on Tue 03-16; build follows
    // Wed 03-17 .. Tue 03-23.
    expect(rows({ mode: 'forecast', asOf: dayOf('2027-03-08') }).slice(1, 3)).toEqual([
      ['design', '2027-03-03', '2027-03-16'],
      ['build', '2027-03-17', '2027-03-23'],
    ]);
  });
});
