import { describe, expect, it } from 'vitest';
import { isoFromDay } from '../../server/src/engine/calendar';
import { buildPlan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import type { Schedule } from '../../server/src/engine/schedule';
import { buildSchedule } from '../../server/src/engine/scheduler';

/** Version 1.1 scheduling: calendars per phase and wave, milestone and lagged dependencies, float. */

function scheduleOf(text: string): Schedule {
  const { source, fatal } = parseSource('test.rollout.yaml', text);
  if (fatal) throw new Error('test plan does not parse');
  return buildSchedule(buildPlan(source));
}

/** id, start, end, working days, float, critical, calendar label. */
function rows(schedule: Schedule) {
  return schedule.windows.map((w) => [w.phase.id, isoFromDay(w.start), isoFromDay(w.end), w.workingDays, w.slack, w.critical, w.calendar.label]);
}

function windowOf(schedule: Schedule, id: string) {
  const phase = schedule.phaseById.get(id);
  const window = phase && schedule.windowOf(phase);
  if (!window) throw new Error(`phase ${id} has no window`);
  return window;
}

/*
 * Three waves on three country calendars, worked out by hand. 2027-03-01 is a Monday.
 * Plan calendar: Mon-Fri, company holiday Mon 03-29 (every named calendar inherits it).
 * fr (France):  + Sat 05-08, Mon 05-17.   de (Germany): + Thu 05-27, Sat 06-19 is worked.
 * uk (United Kingdom): + Mon 05-31.
 *
 * design       plan cal; calendar.start Mon 03-01; 4w = 20 wd -> Fri 03-26. Its milestone
 *              design-signed-off is dated Fri 03-19.
 * build        after the milestone: first working day after Fri 03-19 = Mon 03-22; 6w = 30 wd:
 *              Mar 22-26 (5), 29 is the holiday, Mar 30-Apr 2 (9), Apr 5-30 (29), Mon 05-03 (30)
 * fr-uat       wave 1 (fr); after build: Tue 05-04; 2w = 10 wd: May 4-7 (4), 10-14 (9), Mon 17 is
 *              a French holiday, Tue 05-18 (10)
 * fr-training  wave 1; { id: fr-uat, type: ss, lag: 5d }: fr-uat starts Tue 05-04, five fr
 *              working days on: 5, 6, 7, 10, 11 -> Tue 05-11; 1w: 11-14 (4), 18 (5) -> Tue 05-18
 * fr-go-live   wave 1; after fr-uat and fr-training, which both end Tue 05-18 (a tie: both drive
 *              it) -> Wed 05-19; 1d
 * de-uat       wave 2 (de); { id: fr-go-live, lag: 10d }: first de working day after Wed 05-19 is
 *              Thu 05-20, ten on: 21, 24, 25, 26, (27 holiday) 28, 31, Jun 1, 2, 3, 4 -> Fri 06-04;
 *              2w: Jun 4 (1), 7-11 (6), 14-17 (10) -> Thu 06-17
 * de-go-live   wave 2; after de-uat -> Fri 06-18; 2d: Fri 06-18 and the worked Sat 06-19
 * uk-uat       wave 3 (uk); { id: fr-go-live, lag: 5d }: first uk working day after 05-19 is Thu
 *              05-20, five on: 21, 24, 25, 26, 27 -> Thu 05-27; 2w: 27, 28, (31 holiday), Jun 1-4,
 *              7-10 -> Thu 06-10
 * uk-go-live   wave 3; after uk-uat (-> Fri 06-11) and de-go-live (Sat 06-19 -> Mon 06-21): the
 *              later, Mon 06-21; 1d
 * hypercare    plan cal; after uk-go-live -> Tue 06-22; 2w: Jun 22-25 (4), 28-30 (7), Jul 1-2 (9),
 *              Mon 07-05 (10). The plan ends Mon 07-05.
 *
 * Float, backward from 07-05 (latest start LS; "latest end" is the day before a successor's LS
 * moved back by its lag on the successor's calendar):
 * hypercare    0, LS 06-22
 * uk-go-live   latest end 06-21: 0, LS 06-21
 * de-go-live   latest end Sun 06-20, not a de working day: 0, LS 06-18
 * uk-uat       latest end 06-20: Fri 06-11 and Jun 14-18 = 6 uk working days
 * de-uat       latest end 06-17: 0, LS 06-04
 * fr-go-live   de-uat: 06-04 back 10 de working days = Thu 05-20, latest end Wed 05-19;
 *              uk-uat: its LS (05-27 + 6 uk working days = Mon 06-07) back 5 = Fri 05-28: the
 *              earlier is 05-19: 0
 * fr-training  latest end 05-18: 0, LS 05-11
 * fr-uat       end bound 05-18: 0; ss bound 05-11 back 5 fr working days = 05-04, its start: 0
 * build        latest end 05-03: 0
 * design       only a dated milestone of it is waited for, which does not hold it: its float runs
 *              to the plan's end, Mar 30-Apr 2 (4), April (20), May (21), June (22), Jul 1, 2, 5
 *              (3) = 70
 * Critical: every phase but design and uk-uat, both wave 1 chains (the fr-uat/fr-training tie).
 * Go-lives: wave 1 (France) Wed 05-19, wave 2 (Germany) Fri 06-18, wave 3 (United Kingdom) Mon 06-21.
 */
const THREE_WAVES = `plan: 1
name: Three countries
calendar:
  start: 2027-03-01
  holidays: [2027-03-29]
calendars:
  - { id: fr, name: France, holidays: [2027-05-08, 2027-05-17] }
  - { id: de, name: Germany, holidays: [2027-05-27], extra_working_days: [2027-06-19] }
  - { id: uk, name: United Kingdom, holidays: [2027-05-31] }
waves:
  - { wave: 1, name: France, calendar: fr }
  - { wave: 2, name: Germany, calendar: de }
  - { wave: 3, name: United Kingdom, calendar: uk }
phases:
  - id: design
    name: Design
    kind: design
    duration: 4w
    milestones:
      - { id: design-signed-off, name: Design signed off, date: 2027-03-19 }
  - { id: build, name: Build, kind: configuration, after: [design-signed-off], duration: 6w }
  - { id: fr-uat, name: UAT France, kind: testing, wave: 1, after: [build], duration: 2w }
  - { id: fr-training, name: Training France, kind: training, wave: 1, after: [{ id: fr-uat, type: ss, lag: 5d }], duration: 1w }
  - { id: fr-go-live, name: Go-live France, kind: go-live, wave: 1, after: [fr-uat, fr-training], duration: 1d }
  - { id: de-uat, name: UAT Germany, kind: testing, wave: 2, after: [{ id: fr-go-live, lag: 10d }], duration: 2w }
  - { id: de-go-live, name: Go-live Germany, kind: go-live, wave: 2, after: [de-uat], duration: 2d }
  - { id: uk-uat, name: UAT United Kingdom, kind: testing, wave: 3, after: [{ id: fr-go-live, type: fs, lag: 5d }], duration: 2w }
  - { id: uk-go-live, name: Go-live United Kingdom, kind: go-live, wave: 3, after: [uk-uat, de-go-live], duration: 1d }
  - { id: hypercare, name: Hypercare, kind: support, after: [uk-go-live], duration: 2w }
`;

describe('buildSchedule on three waves with three country calendars (worked out by hand)', () => {
  const schedule = scheduleOf(THREE_WAVES);

  it('schedules every phase on its own calendar with milestone, ss and lagged dependencies', () => {
    expect(rows(schedule)).toEqual([
      ['design', '2027-03-01', '2027-03-26', 20, 70, false, 'plan calendar'],
      ['build', '2027-03-22', '2027-05-03', 30, 0, true, 'plan calendar'],
      ['fr-uat', '2027-05-04', '2027-05-18', 10, 0, true, 'France'],
      ['fr-training', '2027-05-11', '2027-05-18', 5, 0, true, 'France'],
      ['fr-go-live', '2027-05-19', '2027-05-19', 1, 0, true, 'France'],
      ['de-uat', '2027-06-04', '2027-06-17', 10, 0, true, 'Germany'],
      ['de-go-live', '2027-06-18', '2027-06-19', 2, 0, true, 'Germany'],
      ['uk-uat', '2027-05-27', '2027-06-10', 10, 6, false, 'United Kingdom'],
      ['uk-go-live', '2027-06-21', '2027-06-21', 1, 0, true, 'United Kingdom'],
      ['hypercare', '2027-06-22', '2027-07-05', 10, 0, true, 'plan calendar'],
    ]);
  });

  it('records every entry that decides a start, ties included', () => {
    expect(windowOf(schedule, 'fr-go-live').drivenBy.map((d) => d.value)).toEqual(['fr-uat', 'fr-training']);
    expect(windowOf(schedule, 'build').drivenBy.map((d) => d.value)).toEqual(['design-signed-off']);
    expect(windowOf(schedule, 'uk-go-live').drivenBy.map((d) => d.value)).toEqual(['de-go-live']);
  });

  it('gives every wave its own go-live, with the wave names', () => {
    expect(schedule.waveGoLives.map((g) => [g.wave, g.name, g.phase.id, isoFromDay(g.start)])).toEqual([
      [1, 'France', 'fr-go-live', '2027-05-19'],
      [2, 'Germany', 'de-go-live', '2027-06-18'],
      [3, 'United Kingdom', 'uk-go-live', '2027-06-21'],
    ]);
    expect(isoFromDay(schedule.goLive!)).toBe('2027-05-19');
  });

  it('lists every critical phase by start', () => {
    expect(schedule.criticalPath.map((p) => p.id)).toEqual([
      'build',
      'fr-uat',
      'fr-training',
      'fr-go-live',
      'de-uat',
      'de-go-live',
      'uk-go-live',
      'hypercare',
    ]);
  });

  it('gives the date each after entry lets its phase start', () => {
    const deUat = schedule.phaseById.get('de-uat')!;
    expect(isoFromDay(schedule.dependencyDate(deUat, deUat.after[0])!)).toBe('2027-06-04');
    expect(schedule.targetOf(schedule.phaseById.get('build')!.after[0])?.milestone?.id).toBe('design-signed-off');
  });
});

const base = (phases: string, extra = '') => `plan: 1
name: p
calendar: { start: 2027-01-11${extra} }
phases:
${phases}`;

describe('buildSchedule calendars', () => {
  it.each([
    {
      name: 'an extra working day on the plan calendar is counted (a weekend cutover)',
      plan: base('  - { id: a, name: A, kind: go-live, start: 2027-01-15, duration: 2d }\n', ', extra_working_days: [2027-01-16]'),
      // Fri 01-15 and the worked Sat 01-16.
      expected: ['a', '2027-01-15', '2027-01-16', 2],
    },
    {
      name: 'an extra working day wins over a holiday on the same date',
      plan: base('  - { id: a, name: A, kind: go-live, start: 2027-01-14, duration: 2d }\n', ', holidays: [2027-01-15], extra_working_days: [2027-01-15]'),
      expected: ['a', '2027-01-14', '2027-01-15', 2],
    },
    {
      name: "a named calendar's workdays replace the plan's and its holidays add to them",
      plan: `plan: 1
name: p
calendar: { start: 2027-01-10, holidays: [2027-01-12] }
calendars:
  - { id: gulf, name: Gulf, workdays: [sun, mon, tue, wed, thu], holidays: [2027-01-13] }
phases:
  - { id: a, name: A, kind: planning, calendar: gulf, duration: 3d }
`,
      // Sun 01-10, Mon 01-11, (Tue 12 plan holiday, Wed 13 gulf holiday), Thu 01-14.
      expected: ['a', '2027-01-10', '2027-01-14', 3],
    },
    {
      name: "a phase's calendar wins over its wave's",
      plan: `plan: 1
name: p
calendar: { start: 2027-01-11 }
calendars:
  - { id: one, holidays: [2027-01-12] }
  - { id: two, holidays: [2027-01-13] }
waves:
  - { wave: 1, calendar: one }
phases:
  - { id: a, name: A, kind: planning, wave: 1, calendar: two, duration: 3d }
`,
      // Mon 01-11, Tue 01-12, (Wed 13 off on "two"), Thu 01-14.
      expected: ['a', '2027-01-11', '2027-01-14', 3],
    },
    {
      name: 'an unknown calendar id falls back to the plan calendar',
      plan: base('  - { id: a, name: A, kind: planning, calendar: nowhere, duration: 3d }\n'),
      expected: ['a', '2027-01-11', '2027-01-13', 3],
    },
    {
      name: 'a phase starting from calendar.start starts on the first working day on or after it',
      plan: base('  - { id: a, name: A, kind: planning, duration: 1d }\n').replace('2027-01-11', '2027-01-09'),
      expected: ['a', '2027-01-11', '2027-01-11', 1],
    },
    {
      name: 'a phase with end and duration but no start and no after is scheduled back from its end',
      plan: base('  - { id: a, name: A, kind: planning, end: 2027-02-05, duration: 1w }\n'),
      expected: ['a', '2027-02-01', '2027-02-05', 5],
    },
  ])('$name', ({ plan, expected }) => {
    const w = scheduleOf(plan).windows[0];
    expect([w.phase.id, isoFromDay(w.start), isoFromDay(w.end), w.workingDays]).toEqual(expected);
  });

  it('counts "the first working day after" a prerequisite on the waiting phase\'s calendar', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
calendars:
  - { id: weekend-team, workdays: [mon, tue, wed, thu, fri, sat] }
phases:
  - { id: a, name: A, kind: planning, duration: 1w }
  - { id: b, name: B, kind: design, calendar: weekend-team, after: [a], duration: 1d }
  - { id: c, name: C, kind: design, after: [a], duration: 1d }
`);
    // a ends Fri 01-15: b works Saturdays, so it starts Sat 01-16; c waits until Mon 01-18.
    expect(isoFromDay(windowOf(schedule, 'b').start)).toBe('2027-01-16');
    expect(isoFromDay(windowOf(schedule, 'c').start)).toBe('2027-01-18');
  });
});

describe('buildSchedule dependencies', () => {
  it.each([
    { name: 'an undated milestone is its phase\'s end', after: '[m]', milestone: '{ id: m, name: M }', start: '2027-01-18' },
    { name: 'a dated milestone waits for its date', after: '[m]', milestone: '{ id: m, name: M, date: 2027-01-13 }', start: '2027-01-14' },
    { name: 'fs with a lag counts on from the first working day after', after: '[{ id: a, lag: 2d }]', milestone: '{ id: m, name: M }', start: '2027-01-20' },
    { name: 'ss with lag 0d starts the same day', after: '[{ id: a, type: ss, lag: 0d }]', milestone: '{ id: m, name: M }', start: '2027-01-11' },
    { name: 'ss without a lag starts the same day', after: '[{ id: a, type: ss }]', milestone: '{ id: m, name: M }', start: '2027-01-11' },
    { name: 'ss with a lag in weeks', after: '[{ id: a, type: ss, lag: 1w }]', milestone: '{ id: m, name: M }', start: '2027-01-18' },
    { name: 'the latest entry wins', after: '[{ id: a, type: ss }, m]', milestone: '{ id: m, name: M, date: 2027-01-12 }', start: '2027-01-13' },
  ])('$name', ({ after, milestone, start }) => {
    const schedule = scheduleOf(
      base(`  - { id: a, name: A, kind: planning, duration: 1w, milestones: [${milestone}] }\n  - { id: b, name: B, kind: design, after: ${after}, duration: 1d }\n`),
    );
    expect(isoFromDay(windowOf(schedule, 'b').start)).toBe(start);
  });

  it('reports a cycle through a milestone and still schedules every phase', () => {
    const schedule = scheduleOf(
      base(`  - { id: a, name: A, kind: planning, after: [b], duration: 1w, milestones: [{ id: a-done, name: A done }] }
  - { id: b, name: B, kind: design, after: [a-done], duration: 1w }
`),
    );
    expect(schedule.cycles.map((c) => c.map((p) => p.id))).toEqual([['a', 'b']]);
    expect(schedule.ignoredAfter.map((e) => [e.phase.id, e.ref.value, e.prerequisite.id])).toEqual([['a', 'b', 'b']]);
    expect(schedule.windows).toHaveLength(2);
  });
});

describe('buildSchedule float', () => {
  it('marks both chains critical when they tie', () => {
    const schedule = scheduleOf(
      base(`  - { id: design, name: D, kind: design, duration: 1w }
  - { id: build, name: B, kind: configuration, after: [design], duration: 2w }
  - { id: integrations, name: I, kind: configuration, after: [design], duration: 2w }
  - { id: data, name: Data, kind: data-migration, duration: 3w }
  - { id: testing, name: T, kind: testing, after: [build, integrations], duration: 1w }
`),
    );
    // design 01-11..15, build and integrations 01-18..29, data 01-11..29, testing 02-01..05.
    // data ends 01-29 and can slip to 02-05: 5. Every other phase: 0.
    expect(schedule.windows.map((w) => [w.phase.id, w.slack, w.critical])).toEqual([
      ['design', 0, true],
      ['build', 0, true],
      ['integrations', 0, true],
      ['data', 5, false],
      ['testing', 0, true],
    ]);
  });

  it('is negative when a fixed start cannot be met, for the prerequisite and everything before it', () => {
    const schedule = scheduleOf(
      base(`  - { id: a, name: A, kind: planning, duration: 1w }
  - { id: b, name: B, kind: design, after: [a], duration: 1w }
  - { id: c, name: C, kind: testing, after: [b], start: 2027-01-20, duration: 1w }
`),
    );
    // b ends Fri 01-22 but c is fixed to start Wed 01-20: b's latest end is Tue 01-19, three
    // working days before its end (Wed, Thu, Fri), so -3; a shifts with it: -3 too.
    expect(schedule.windows.map((w) => [w.phase.id, w.slack, w.critical])).toEqual([
      ['a', -3, true],
      ['b', -3, true],
      ['c', 0, true],
    ]);
  });

  it('gives a phase with a fixed end float 0 and counts float in the phase\'s own calendar', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
calendars:
  - { id: six-days, workdays: [mon, tue, wed, thu, fri, sat] }
phases:
  - { id: long, name: Long, kind: planning, duration: 3w }
  - { id: fixed, name: Fixed, kind: design, end: 2027-01-15 }
  - { id: short, name: Short, kind: design, calendar: six-days, duration: 1w }
`);
    // long ends Fri 01-29. short (Mon-Sat) runs Mon 01-11..Fri 01-15 and may end as late as
    // 01-29: Sat 16, Mon-Sat 18-23, Mon-Fri 25-29 = 1 + 6 + 5 = 12 of its working days.
    expect(schedule.windows.map((w) => [w.phase.id, w.slack, w.critical])).toEqual([
      ['long', 0, true],
      ['fixed', 0, true],
      ['short', 12, false],
    ]);
  });

  it('does not make a phase critical once it is complete', () => {
    const schedule = scheduleOf(base('  - { id: a, name: A, kind: planning, duration: 1w, actual: { start: 2027-01-11, end: 2027-01-15 } }\n'));
    expect([windowOf(schedule, 'a').slack, windowOf(schedule, 'a').critical]).toEqual([0, false]);
  });

  it('ignores actual dates in the planned schedule', () => {
    const schedule = scheduleOf(base('  - { id: a, name: A, kind: planning, duration: 1w, actual: { start: 2027-01-13 } }\n'));
    expect(isoFromDay(windowOf(schedule, 'a').start)).toBe('2027-01-11');
  });
});
