import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../server/src/engine/calendar';
import { buildPlan, type Plan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import { buildSchedule } from '../../server/src/engine/scheduler';
import { variance } from '../../server/src/engine/variance';

function planOf(text: string): Plan {
  const { source, fatal } = parseSource('test.rollout.yaml', text);
  if (fatal) throw new Error('test plan does not parse');
  return buildPlan(source);
}

const asOf = dayFromIso('2027-03-22') ?? Number.NaN;

/*
 * Mon-Fri, holiday Fri 04-02; 2027-03-01 is a Monday. As of Mon 03-22.
 *          planned                   forecast                                  variance (wd)
 * design   Mon 03-01 .. Fri 03-12    started Wed 03-03, 10 wd end Tue 03-16,   Mar 15-19, 22 = +6
 *                                    late: ends Mon 03-22
 * build    Mon 03-15 .. Fri 03-19    Tue 03-23 .. Mon 03-29                    Mar 22-26, 29 = +6
 * go       wave 1, Mon 03-22         Tue 03-30                                 Mar 23-26, 29, 30 = +6
 * de-go    wave 2, plan-dated Mon 03-22 .. 03-22 (fixed start, no actual): 0 either way.
 */
const plan = planOf(`name: Variance
calendar: { start: 2027-03-01, holidays: [2027-04-02] }
phases:
  - { id: design, duration: 2w, actual: { start: 2027-03-03 } }
  - { id: build, after: [design], duration: 1w }
  - { id: go, kind: go-live, wave: 1, after: [build], duration: 1d }
  - { id: de-go, kind: go-live, wave: 2, start: 2027-03-22, duration: 1d }
`);

describe('variance', () => {
  it('counts working days from the planned to the forecast end of each phase and go-live of each wave', () => {
    const result = variance(buildSchedule(plan), buildSchedule(plan, { mode: 'forecast', asOf }));
    expect(result.phases.map((v) => [v.phase.id, isoFromDay(v.baselineEnd), isoFromDay(v.forecastEnd), v.days])).toEqual([
      ['design', '2027-03-12', '2027-03-22', 6],
      ['build', '2027-03-19', '2027-03-29', 6],
      ['go', '2027-03-22', '2027-03-30', 6],
      ['de-go', '2027-03-22', '2027-03-22', 0],
    ]);
    expect(result.waves.map((v) => [v.wave, isoFromDay(v.baseline), isoFromDay(v.forecast), v.days])).toEqual([
      [2, '2027-03-22', '2027-03-22', 0],
      [1, '2027-03-22', '2027-03-30', 6],
    ]);
  });

  it('is negative when the forecast is earlier than a baseline, counted on the calendar (holiday skipped)', () => {
    // Baseline: go on Mon 04-05. Forecast Tue 03-30 is earlier by Mar 31, Apr 1, (Fri 04-02 is a
    // holiday), Apr 5 = -3 working days.
    const baseline = planOf(`name: Variance
calendar: { start: 2027-03-01, holidays: [2027-04-02] }
phases:
  - { id: go, kind: go-live, wave: 1, start: 2027-04-05, duration: 1d }
`);
    const result = variance(buildSchedule(baseline), buildSchedule(plan, { mode: 'forecast', asOf }));
    expect(result.phases.map((v) => [v.phase.id, v.days])).toEqual([['go', -3]]);
    expect(result.waves.map((v) => [v.wave, v.days])).toEqual([[1, -3]]);
  });
});
