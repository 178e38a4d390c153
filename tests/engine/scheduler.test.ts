import { describe, expect, it } from 'vitest';
import { asMap } from '../../server/src/engine/yamlNodes';
import { dayFromIso, isoFromDay } from '../../server/src/engine/calendar';
import { buildPlan, readDirectory, type Plan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import type { Schedule } from '../../server/src/engine/schedule';
import { buildSchedule } from '../../server/src/engine/scheduler';

function planOf(text: string): Plan {
  const { source, fatal } = parseSource('test.rollout.yaml', text);
  if (fatal) throw new Error('test plan does not parse');
  return buildPlan(source);
}

function scheduleOf(text: string): Schedule {
  return buildSchedule(planOf(text));
}

/** A readable row per placed phase: id, start, end, working days, where the start came from. */
function windowRows(schedule: Schedule): [string, string, string, number, string][] {
  return schedule.windows.map((w) => [w.phase.id, isoFromDay(w.start), isoFromDay(w.end), w.workingDays, w.startSource]);
}

function windowOf(schedule: Schedule, id: string) {
  const phase = schedule.phaseById.get(id);
  const window = phase && schedule.windowOf(phase);
  if (!window) throw new Error(`phase ${id} has no window`);
  return window;
}

const ids = (phases: { id: string }[]) => phases.map((p) => p.id);

/*
 * The fixture, worked out by hand (2027-01-01 is a Friday; Mon 2027-05-31 is a holiday):
 *
 * kickoff         no start, no after: calendar.start Mon 01-11; explicit end Fri 01-15 (5 wd)
 * discovery       calendar.start Mon 01-11; 4w = 20 wd -> Fri 02-05
 * design          after discovery (02-05) and kickoff (01-15): latest is discovery
 *                 -> Mon 02-08; 3w = 15 wd -> Fri 02-26
 * config          after design -> Mon 03-01; 6w = 30 wd -> Fri 04-09
 * data            after design -> Mon 03-01; 27d = five weeks (Fri 04-02) + 2 -> Tue 04-06
 * testing         after config (04-09) and data (04-06): config -> Mon 04-12; 20 wd -> Fri 05-07
 * pilot-training  explicit start Mon 04-19 (design's end does not matter); 2w -> Fri 04-30
 * training        after testing -> Mon 05-10; 16d: 05-10..05-28 is 15 wd, Mon 05-31 is the
 *                 holiday, so the 16th working day is Tue 06-01
 * go-live         after training (06-01) and pilot-training (04-30): training -> Wed 06-02; 1d
 * support         after go-live -> Thu 06-03; 20 wd: Jun 3-4, 7-11, 14-18, 21-25, 28-30 -> Wed 06-30
 *
 * Critical path: support ends last (06-30); its start came from go-live, whose start came from
 * training (the later of its two prerequisites), then testing, then config (04-09 beats data's
 * 04-06), then design, then discovery (02-05 beats kickoff's 01-15), whose start is the
 * calendar's: discovery, design, config, testing, training, go-live, support. Kickoff's end is
 * fixed, so its float is 0 and it is critical too (plan-format.md, "Scheduling, precisely").
 *
 * Slack (backward pass):
 * data            latest finish = working day before testing's latest start Mon 04-12 = Fri 04-09;
 *                 working days after Tue 04-06 up to 04-09: Wed, Thu, Fri = 3
 * pilot-training  latest finish = working day before go-live's 06-02 = Tue 06-01; working days
 *                 after Fri 04-30 up to 06-01: the 20 weekdays May 3-28, the holiday skipped,
 *                 Tue 06-01 = 21
 * kickoff         its end is fixed: 0 (design could wait for it 15 working days, but a fixed
 *                 date does not slip)
 * every phase on the critical path: 0
 */
const FIXTURE = `plan: 1
name: Scheduler fixture
calendar:
  start: 2027-01-11
  holidays: [2027-05-31]
phases:
  - { id: kickoff, name: Kickoff, kind: planning, end: 2027-01-15 }
  - { id: discovery, name: Discovery, kind: planning, duration: 4w }
  - { id: design, name: Design, kind: design, after: [discovery, kickoff], duration: 3w }
  - { id: config, name: Configuration, kind: configuration, after: [design], duration: 6w }
  - { id: data, name: Data migration, kind: data-migration, after: [design], duration: 27d }
  - { id: testing, name: Testing, kind: testing, after: [config, data], duration: 4w }
  - { id: pilot-training, name: Pilot training, kind: training, start: 2027-04-19, after: [design], duration: 2w }
  - { id: training, name: Training, kind: training, after: [testing], duration: 16d }
  - { id: go-live, name: Go-live, kind: go-live, after: [training, pilot-training], duration: 1d }
  - { id: support, name: Hypercare, kind: support, after: [go-live], duration: 4w }
`;

describe('buildSchedule on the hand-worked fixture', () => {
  const schedule = scheduleOf(FIXTURE);

  it('places every phase on the dates worked out by hand', () => {
    expect(windowRows(schedule)).toEqual([
      ['kickoff', '2027-01-11', '2027-01-15', 5, 'calendar'],
      ['discovery', '2027-01-11', '2027-02-05', 20, 'calendar'],
      ['design', '2027-02-08', '2027-02-26', 15, 'after'],
      ['config', '2027-03-01', '2027-04-09', 30, 'after'],
      ['data', '2027-03-01', '2027-04-06', 27, 'after'],
      ['testing', '2027-04-12', '2027-05-07', 20, 'after'],
      ['pilot-training', '2027-04-19', '2027-04-30', 10, 'start'],
      ['training', '2027-05-10', '2027-06-01', 16, 'after'],
      ['go-live', '2027-06-02', '2027-06-02', 1, 'after'],
      ['support', '2027-06-03', '2027-06-30', 20, 'after'],
    ]);
  });

  it('spans the plan from the earliest start to the latest end', () => {
    expect(isoFromDay(schedule.planStart!)).toBe('2027-01-11');
    expect(isoFromDay(schedule.planEnd!)).toBe('2027-06-30');
  });

  it('marks every phase with zero float critical, by start', () => {
    expect(ids(schedule.criticalPath)).toEqual(['kickoff', 'discovery', 'design', 'config', 'testing', 'training', 'go-live', 'support']);
    expect(schedule.windows.filter((w) => w.critical).map((w) => w.phase.id)).toEqual(ids(schedule.criticalPath));
  });

  it('gives off-path phases their float in working days, skipping the holiday, and a fixed end none', () => {
    const slack = Object.fromEntries(schedule.windows.map((w) => [w.phase.id, w.slack]));
    expect(slack).toEqual({
      kickoff: 0,
      discovery: 0,
      design: 0,
      config: 0,
      data: 3,
      testing: 0,
      'pilot-training': 21,
      training: 0,
      'go-live': 0,
      support: 0,
    });
  });

  it('takes the go-live date from the go-live phase', () => {
    expect(ids(schedule.goLives)).toEqual(['go-live']);
    expect(isoFromDay(schedule.goLive!)).toBe('2027-06-02');
  });

  it('finds no cycle and ignores no after entry', () => {
    expect(schedule.cycles).toEqual([]);
    expect(schedule.ignoredAfter).toEqual([]);
  });
});

describe('buildSchedule placement rules', () => {
  it('keeps an explicit start even when a prerequisite ends later', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, duration: 4w }
  - { id: b, name: B, kind: design, start: 2027-01-18, after: [a], duration: 1w }
`);
    // a ends Fri 02-05, yet b keeps its own start Mon 01-18 (date-order reports the overlap).
    const b = windowOf(schedule, 'b');
    expect([isoFromDay(b.start), isoFromDay(b.end), b.startSource]).toEqual(['2027-01-18', '2027-01-22', 'start']);
  });

  it('gives a phase with an explicit start slack by the same backward pass', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: long, name: Long, kind: planning, duration: 4w }
  - { id: early, name: Early, kind: design, start: 2027-01-18, duration: 1w }
`);
    // The plan ends Fri 02-05; early ends Fri 01-22 and can slip Jan 25-29 and Feb 1-5: 10 days.
    expect(windowOf(schedule, 'early').slack).toBe(10);
  });

  it('ends a phase with neither end nor duration on its start', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning }
`);
    const a = windowOf(schedule, 'a');
    expect([isoFromDay(a.start), isoFromDay(a.end), a.workingDays]).toEqual(['2027-01-11', '2027-01-11', 1]);
  });

  it('ignores after entries that name no phase', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, after: [nowhere], duration: 1w }
`);
    const a = windowOf(schedule, 'a');
    expect([isoFromDay(a.start), a.startSource]).toEqual(['2027-01-11', 'calendar']);
  });

  it('resolves a duplicated phase id to its first declaration', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: design, name: First, kind: design, duration: 1w }
  - { id: design, name: Second, kind: design, duration: 3w }
  - { id: build, name: Build, kind: configuration, after: [design], duration: 1d }
`);
    expect(schedule.phaseById.get('design')?.name?.value).toBe('First');
    // The first design ends Fri 01-15, so build starts Mon 01-18 (the second would give 02-01).
    expect(isoFromDay(windowOf(schedule, 'build').start)).toBe('2027-01-18');
    expect(schedule.windows).toHaveLength(3);
  });

  it('counts holidays from imported files', () => {
    const plan = planOf(`plan: 1
name: p
calendar: { start: 2027-05-24 }
phases:
  - { id: a, name: A, kind: planning, duration: 1w }
`);
    const directory = parseSource('company.yaml', 'calendar:\n  holidays: [2027-05-26]\n').source;
    plan.importedHolidays.push(...readDirectory(directory, asMap(directory.doc, directory.doc.contents), true).holidays);
    // Mon 05-24, Tue 05-25, (Wed 05-26 off), Thu 05-27, Fri 05-28, Mon 05-31.
    expect(isoFromDay(windowOf(buildSchedule(plan), 'a').end)).toBe('2027-05-31');
  });

  it('counts durations in the plan calendar workdays', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-10, workdays: [sun, mon, tue, wed, thu] }
phases:
  - { id: a, name: A, kind: planning, duration: 1w }
  - { id: b, name: B, kind: design, after: [a], duration: 1d }
`);
    // Sun 01-10 .. Thu 01-14 is one week; Fri and Sat are off, so b starts Sun 01-17.
    expect(windowRows(schedule)).toEqual([
      ['a', '2027-01-10', '2027-01-14', 5, 'calendar'],
      ['b', '2027-01-17', '2027-01-17', 1, 'after'],
    ]);
  });
});

describe('buildSchedule without calendar.start', () => {
  const schedule = scheduleOf(`plan: 1
name: p
phases:
  - { id: floating, name: Floating, kind: planning, duration: 2w }
  - { id: follower, name: Follower, kind: design, after: [floating], duration: 1w }
  - { id: anchored, name: Anchored, kind: testing, end: 2027-03-05 }
  - { id: backward, name: Backward, kind: training, end: 2027-03-05, duration: 1w }
  - { id: next, name: Next, kind: go-live, after: [anchored], duration: 1d }
`);

  it('stands a phase with only an end on that end', () => {
    const anchored = windowOf(schedule, 'anchored');
    expect([isoFromDay(anchored.start), isoFromDay(anchored.end), anchored.startSource]).toEqual(['2027-03-05', '2027-03-05', 'none']);
  });

  it('reaches back from the end over the duration when both are given', () => {
    // 1w ending Fri 03-05 starts Mon 03-01.
    const backward = windowOf(schedule, 'backward');
    expect([isoFromDay(backward.start), isoFromDay(backward.end), backward.startSource]).toEqual(['2027-03-01', '2027-03-05', 'none']);
  });

  it('leaves phases with nothing to date them out of the windows', () => {
    expect(ids(schedule.windows.map((w) => w.phase))).toEqual(['anchored', 'backward', 'next']);
    expect(schedule.windowOf(schedule.phaseById.get('floating')!)).toBeUndefined();
    expect(schedule.windowOf(schedule.phaseById.get('follower')!)).toBeUndefined();
  });

  it('places a phase after a placed prerequisite', () => {
    // anchored ends Fri 03-05, so next starts Mon 03-08.
    expect(isoFromDay(windowOf(schedule, 'next').start)).toBe('2027-03-08');
  });
});

describe('buildSchedule with dependency cycles', () => {
  it('reports a two-phase cycle once and schedules by the file order', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, after: [b], duration: 1w }
  - { id: b, name: B, kind: design, after: [a], duration: 1w }
  - { id: c, name: C, kind: testing, after: [a], duration: 1d }
`);
    expect(schedule.cycles.map(ids)).toEqual([['a', 'b']]);
    // a's entry naming b (declared later) closes the cycle and is ignored.
    expect(schedule.ignoredAfter.map((e) => [e.phase.id, e.ref.value, e.prerequisite.id])).toEqual([['a', 'b', 'b']]);
    expect(windowRows(schedule)).toEqual([
      ['a', '2027-01-11', '2027-01-15', 5, 'calendar'],
      ['b', '2027-01-18', '2027-01-22', 5, 'after'],
      ['c', '2027-01-18', '2027-01-18', 1, 'after'],
    ]);
  });

  it('reports a phase that waits on itself', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, after: [a], duration: 1w }
`);
    expect(schedule.cycles.map(ids)).toEqual([['a']]);
    expect(windowOf(schedule, 'a').startSource).toBe('calendar');
  });

  it('spells a cycle from its first phase in the file, following after', () => {
    // x leads the search into the cycle at b, yet the cycle is listed from a, declared first:
    // a waits on c, c on b, b on a.
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: x, name: X, kind: planning, after: [b], duration: 1d }
  - { id: a, name: A, kind: planning, after: [c], duration: 1d }
  - { id: b, name: B, kind: planning, after: [a], duration: 1d }
  - { id: c, name: C, kind: planning, after: [b], duration: 1d }
`);
    expect(schedule.cycles.map(ids)).toEqual([['a', 'c', 'b']]);
    // Only a → c points forward in the file: a starts Mon 01-11, b Tue, c Wed, x after b Wed.
    expect(windowRows(schedule).map(([id, start]) => [id, start])).toEqual([
      ['x', '2027-01-13'],
      ['a', '2027-01-11'],
      ['b', '2027-01-12'],
      ['c', '2027-01-13'],
    ]);
  });

  it('lists every phase of tangled cycles on some reported cycle', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, after: [b], duration: 1d }
  - { id: b, name: B, kind: planning, after: [a, c], duration: 1d }
  - { id: c, name: C, kind: planning, after: [b], duration: 1d }
`);
    expect(schedule.cycles.map(ids)).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });

  it('reports a 5,000-phase ring once without deep recursion', () => {
    const n = 5000;
    const lines = Array.from({ length: n }, (_, k) => `  - { id: p${k}, name: P${k}, kind: planning, after: [p${(k + 1) % n}], duration: 1d }`);
    const schedule = scheduleOf(`plan: 1\nname: ring\ncalendar: { start: 2027-01-11 }\nphases:\n${lines.join('\n')}\n`);
    expect(schedule.cycles).toHaveLength(1);
    expect(schedule.cycles[0]).toHaveLength(n);
    expect(schedule.cycles[0][0].id).toBe('p0');
    expect(schedule.cycles[0][1].id).toBe('p1');
    expect(schedule.windows).toHaveLength(n);
  });
});

describe('buildSchedule on a long chain', () => {
  it('schedules a 5,000-phase chain declared last-first without overflowing the stack', () => {
    // p0 waits on p1, p1 on p2, ... so the dependency search from p0 is 5,000 levels deep.
    // p4999 starts Mon 2027-01-11 and each phase takes one day, so p0, the 5,000th, starts
    // 4,999 working days later: 999 weeks and 4 days, a Friday.
    const n = 5000;
    const lines = Array.from({ length: n }, (_, k) => {
      const after = k + 1 < n ? `, after: [p${k + 1}]` : '';
      return `  - { id: p${k}, name: P${k}, kind: planning${after}, duration: 1d }`;
    });
    const schedule = scheduleOf(`plan: 1\nname: chain\ncalendar: { start: 2027-01-11 }\nphases:\n${lines.join('\n')}\n`);
    const start = dayFromIso('2027-01-11')!;
    expect(schedule.planEnd).toBe(start + 999 * 7 + 4);
    expect(schedule.criticalPath).toHaveLength(n);
    expect(schedule.criticalPath[0].id).toBe(`p${n - 1}`);
    expect(schedule.windows.every((w) => w.slack === 0 && w.critical)).toBe(true);
  });
});

describe('buildSchedule with waves', () => {
  it('orders go-lives by start, ties by file order, and takes G from the earliest', () => {
    const schedule = scheduleOf(`plan: 1
name: p
calendar: { start: 2027-01-11 }
phases:
  - { id: wave-2, name: Wave 2, kind: go-live, wave: 2, start: 2027-06-07, duration: 1d }
  - { id: wave-1, name: Wave 1, kind: go-live, wave: 1, start: 2027-03-01, duration: 1d }
  - { id: wave-1b, name: Wave 1 east, kind: go-live, wave: 1, start: 2027-03-01, duration: 1d }
`);
    expect(ids(schedule.goLives)).toEqual(['wave-1', 'wave-1b', 'wave-2']);
    expect(isoFromDay(schedule.goLive!)).toBe('2027-03-01');
  });
});
