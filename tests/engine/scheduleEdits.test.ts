import { describe, expect, it } from 'vitest';
import { isoFromDay } from '../../server/src/engine/calendar';
import { applyEdits } from '../../server/src/engine/edits';
import { buildPlan, type Plan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import { gestureEdit, type TimelineGesture } from '../../server/src/engine/scheduleEdits';
import type { Schedule } from '../../server/src/engine/schedule';
import { buildSchedule } from '../../server/src/engine/scheduler';

/*
 * Each placement kind, moved +3 and -2 working days and resized, as exact text. Worked out by
 * hand; 2027-03-01 is a Monday. Plan calendar: Mon-Fri, holiday Mon 03-29. Calendar `de`: the
 * plan's plus Thu 05-27.
 * design   calendar.start Mon 03-01, 2w -> Fri 03-12. Milestone signed-off Wed 03-10; review is
 *          undated, so it is the phase's end, Fri 03-12.
 * build    after design: Mon 03-15, 3w = 15 wd (03-29 is off) -> Mon 04-05.
 * data     { build, ss, 1w }: build starts Mon 03-15, five working days on: Mon 03-22; 10d -> Mon 04-05.
 * uat      start Mon 04-19, end Fri 04-30.
 * cutover  on `de`, end Fri 05-28 and 2d, scheduled backwards: Thu 05-27 is a German holiday,
 *          so it starts Wed 05-26.
 * training start Mon 06-07, 4d -> Thu 06-10.
 */
const PLAN = `plan: 1
name: Drag test
calendar:
  start: 2027-03-01   # a Monday
  holidays: [2027-03-29]
calendars:
  - { id: de, name: Germany, holidays: [2027-05-27] }
phases:
  - id: design        # placed by calendar.start
    name: Design
    kind: design
    duration: 2w
    milestones:
      - { id: signed-off, name: Design signed off, date: 2027-03-10 }
      - id: review
        name: Design review   # undated: the phase's end
  - id: build
    name: Build
    kind: configuration
    after: [design]   # finish-to-start
    duration: 3w
  - id: data
    name: Data
    kind: data-migration
    after:
      - { id: build, type: ss, lag: 1w }   # a week into the build
    duration: 10d
  - id: uat
    name: UAT
    kind: testing
    start: 2027-04-19
    end: 2027-04-30   # fixed window
  - id: cutover
    name: Cutover
    kind: go-live
    calendar: de
    end: "2027-05-28"
    duration: 2d
  - id: training
    name: Training
    kind: training
    start: 2027-06-07   # its own start
    duration: 4d
`;

function planOf(text: string): { plan: Plan; schedule: Schedule } {
  const { source } = parseSource('drag.rollout.yaml', text);
  const plan = buildPlan(source);
  return { plan, schedule: buildSchedule(plan) };
}

/** The text after the gesture, or the refusal's reason prefixed with "refused: ". */
function after(gesture: TimelineGesture, text = PLAN): string {
  const { plan, schedule } = planOf(text);
  const result = gestureEdit(plan, schedule, gesture);
  return result.ok ? applyEdits(text, result.edits) : `refused: ${result.reason}`;
}

/** PLAN with one exact substring replaced: proves nothing else in the file changed. */
function plan(from: string, to: string): string {
  expect(PLAN.split(from)).toHaveLength(2);
  return PLAN.replace(from, to);
}

function datesOf(text: string, id: string): [string, string] {
  const { schedule } = planOf(text);
  const window = schedule.windowOf(schedule.phaseById.get(id)!)!;
  return [isoFromDay(window.start), isoFromDay(window.end)];
}

describe('moving a phase', () => {
  it('placed by calendar.start: adds a start after its kind', () => {
    const later = after({ kind: 'move', phase: 'design', days: 3 });
    expect(later).toBe(plan('    kind: design\n', '    kind: design\n    start: 2027-03-04\n'));
    expect(datesOf(later, 'design')).toEqual(['2027-03-04', '2027-03-17']);
    expect(after({ kind: 'move', phase: 'design', days: -2 })).toBe(plan('    kind: design\n', '    kind: design\n    start: 2027-02-25\n'));
  });

  it('placed by after, moved later: the plain id becomes an entry with a lag, the comment stays', () => {
    const later = after({ kind: 'move', phase: 'build', days: 3 });
    expect(later).toBe(plan('after: [design]   # finish-to-start', 'after: [{ id: design, lag: 3d }]   # finish-to-start'));
    expect(datesOf(later, 'build')[0]).toBe('2027-03-18');
  });

  it('placed by after, moved earlier than its prerequisite allows: refused, naming it', () => {
    expect(after({ kind: 'move', phase: 'build', days: -2 })).toBe('refused: "build" cannot start before 2027-03-15: it waits for "design" finishing');
  });

  it('placed by an ss entry with a lag: the lag grows or shrinks, in weeks when whole', () => {
    const later = after({ kind: 'move', phase: 'data', days: 3 });
    expect(later).toBe(plan('type: ss, lag: 1w }', 'type: ss, lag: 8d }'));
    expect(datesOf(later, 'data')[0]).toBe('2027-03-25');
    expect(after({ kind: 'move', phase: 'data', days: 5 })).toBe(plan('type: ss, lag: 1w }', 'type: ss, lag: 2w }'));
    const earlier = after({ kind: 'move', phase: 'data', days: -2 });
    expect(earlier).toBe(plan('type: ss, lag: 1w }', 'type: ss, lag: 3d }'));
    expect(datesOf(earlier, 'data')[0]).toBe('2027-03-18');
    expect(after({ kind: 'move', phase: 'data', days: -6 })).toBe('refused: "data" cannot start before 2027-03-15: it waits for the start of "build"');
  });

  it('with a start and an end: both move by the same working days', () => {
    expect(after({ kind: 'move', phase: 'uat', days: 3 })).toBe(
      plan('start: 2027-04-19\n    end: 2027-04-30', 'start: 2027-04-22\n    end: 2027-05-05'),
    );
    expect(after({ kind: 'move', phase: 'uat', days: -2 })).toBe(
      plan('start: 2027-04-19\n    end: 2027-04-30', 'start: 2027-04-15\n    end: 2027-04-28'),
    );
  });

  it('scheduled backwards from its end on its own calendar: the end moves, quoting kept', () => {
    // de: Fri 05-28 +3 = Wed 06-02; -2 skips Thu 05-27 (a German holiday) = Tue 05-25.
    const later = after({ kind: 'move', phase: 'cutover', days: 3 });
    expect(later).toBe(plan('end: "2027-05-28"', 'end: "2027-06-02"'));
    expect(datesOf(later, 'cutover')).toEqual(['2027-06-01', '2027-06-02']);
    expect(after({ kind: 'move', phase: 'cutover', days: -2 })).toBe(plan('end: "2027-05-28"', 'end: "2027-05-25"'));
  });

  it('on the plan calendar the same move counts the plan calendar: Thu 05-27 is worked there', () => {
    const onPlanCalendar = PLAN.replace('    calendar: de\n', '');
    const { plan, schedule } = planOf(onPlanCalendar);
    const edited = (gesture: TimelineGesture) => {
      const result = gestureEdit(plan, schedule, gesture);
      return result.ok ? applyEdits(onPlanCalendar, result.edits) : result.reason;
    };
    expect(edited({ kind: 'move', phase: 'cutover', days: -2 })).toBe(onPlanCalendar.replace('end: "2027-05-28"', 'end: "2027-05-26"'));
    expect(edited({ kind: 'move', phase: 'cutover', days: 3 })).toBe(onPlanCalendar.replace('end: "2027-05-28"', 'end: "2027-06-02"'));
    // One working day shorter: Thu 05-27 alone, where on `de` (below) the holiday makes it Wed 05-26.
    const shorter = edited({ kind: 'resize', phase: 'cutover', days: -1 });
    expect(shorter).toBe(onPlanCalendar.replace('end: "2027-05-28"\n    duration: 2d', 'end: "2027-05-27"\n    duration: 1d'));
    expect(datesOf(shorter, 'cutover')).toEqual(['2027-05-27', '2027-05-27']);
  });

  it('with its own start and a duration: only the start moves', () => {
    expect(after({ kind: 'move', phase: 'training', days: 3 })).toBe(plan('start: 2027-06-07   # its own start', 'start: 2027-06-10   # its own start'));
    expect(after({ kind: 'move', phase: 'training', days: -2 })).toBe(plan('start: 2027-06-07   # its own start', 'start: 2027-06-03   # its own start'));
  });
});

describe('resizing a phase', () => {
  it('changes the duration, in weeks when whole weeks, else days', () => {
    expect(after({ kind: 'resize', phase: 'build', days: 3 })).toBe(plan('    duration: 3w\n', '    duration: 18d\n'));
    expect(after({ kind: 'resize', phase: 'build', days: 5 })).toBe(plan('    duration: 3w\n', '    duration: 4w\n'));
    const shorter = after({ kind: 'resize', phase: 'design', days: -2 });
    expect(shorter).toBe(plan('    duration: 2w\n', '    duration: 8d\n'));
    expect(datesOf(shorter, 'design')).toEqual(['2027-03-01', '2027-03-10']);
  });

  it('of a phase placed by after with a lag, or by its own start: the duration', () => {
    expect(after({ kind: 'resize', phase: 'data', days: 3 })).toBe(plan('    duration: 10d\n', '    duration: 13d\n'));
    expect(after({ kind: 'resize', phase: 'training', days: -2 })).toBe(plan('    duration: 4d\n', '    duration: 2d\n'));
  });

  it('scheduled backwards from its end: the end and the duration change together, so the start stays', () => {
    // de: Fri 05-28 +3 = Wed 06-02; from Wed 05-26 that is five working days (05-27 is off): a week.
    const longer = after({ kind: 'resize', phase: 'cutover', days: 3 });
    expect(longer).toBe(plan('end: "2027-05-28"\n    duration: 2d', 'end: "2027-06-02"\n    duration: 1w'));
    expect(datesOf(longer, 'cutover')).toEqual(['2027-05-26', '2027-06-02']);
    const shorter = after({ kind: 'resize', phase: 'cutover', days: -1 });
    expect(shorter).toBe(plan('end: "2027-05-28"\n    duration: 2d', 'end: "2027-05-26"\n    duration: 1d'));
    expect(datesOf(shorter, 'cutover')).toEqual(['2027-05-26', '2027-05-26']);
  });

  it('changes the end when the phase has one, and refuses to end before the start', () => {
    expect(after({ kind: 'resize', phase: 'uat', days: 3 })).toBe(plan('end: 2027-04-30', 'end: 2027-05-05'));
    expect(after({ kind: 'resize', phase: 'uat', days: -10 })).toBe('refused: "uat" cannot end before it starts on 2027-04-19');
  });

  it('refuses a duration under one working day', () => {
    expect(after({ kind: 'resize', phase: 'build', days: -15 })).toBe('refused: "build" cannot be shorter than one working day');
  });
});

describe('moving a milestone', () => {
  it('moves its date by working days', () => {
    expect(after({ kind: 'move-milestone', milestone: 'signed-off', days: 3 })).toBe(plan('date: 2027-03-10', 'date: 2027-03-15'));
    expect(after({ kind: 'move-milestone', milestone: 'signed-off', days: -2 })).toBe(plan('date: 2027-03-10', 'date: 2027-03-08'));
  });

  it('gives an undated milestone (its phase end) a date', () => {
    expect(after({ kind: 'move-milestone', milestone: 'review', days: 3 })).toBe(
      plan('name: Design review   # undated: the phase\'s end\n', 'name: Design review   # undated: the phase\'s end\n        date: 2027-03-17\n'),
    );
  });
});

describe('a pointer measures calendar days', () => {
  it('counts them into working days of the phase calendar: a week across the 03-29 holiday is four', () => {
    // build starts Mon 03-15; +7 calendar days = Mon 03-22 = 5 working days later.
    expect(after({ kind: 'move', phase: 'build', days: 7, unit: 'calendar' })).toBe(after({ kind: 'move', phase: 'build', days: 5 }));
    // build ends Mon 04-05; -7 calendar days = Mon 03-29 (a holiday): Tue 03-30 .. Fri 04-02 and the holiday = 4 working days back.
    expect(after({ kind: 'resize', phase: 'build', days: -7, unit: 'calendar' })).toBe(plan('    duration: 3w\n', '    duration: 11d\n'));
    // A weekend is no working day: Fri 03-12 + 1 calendar day moves nothing.
    expect(after({ kind: 'move-milestone', milestone: 'review', days: 1, unit: 'calendar' })).toBe(
      'refused: the gesture moves nothing: give a whole, non-zero number of working days',
    );
  });
});

describe('what is not dragged', () => {
  it('history: a phase with actual dates, an achieved milestone', () => {
    const started = PLAN.replace('    start: 2027-04-19\n', '    start: 2027-04-19\n    actual: { start: 2027-04-20 }\n');
    expect(after({ kind: 'move', phase: 'uat', days: 1 }, started)).toBe('refused: phase "uat" has actual dates: history is not dragged (edit `actual` in the plan)');
    const achieved = PLAN.replace('date: 2027-03-10 }', 'date: 2027-03-10, achieved: 2027-03-11 }');
    expect(after({ kind: 'move-milestone', milestone: 'signed-off', days: 1 }, achieved)).toBe(
      'refused: milestone "signed-off" was achieved on 2027-03-11: history is not dragged',
    );
  });

  it('a date written through an anchor, which other values share', () => {
    const anchored = PLAN.replace('start: 2027-04-19', 'start: &kickoff 2027-04-19').replace('name: Drag test', 'name: Drag test\nx-kickoff: *kickoff');
    expect(after({ kind: 'move', phase: 'uat', days: 1 }, anchored)).toBe('refused: the start of "uat" is written through an anchor or alias: edit the plan by hand');
  });

  it('a plan with YAML errors, an unknown id, a zero move', () => {
    const broken = `${PLAN}  - id: [oops\n`;
    expect(after({ kind: 'move', phase: 'uat', days: 1 }, broken)).toBe('refused: the plan has YAML errors: fix them in the editor before dragging on the timeline');
    expect(after({ kind: 'move', phase: 'nope', days: 1 })).toBe('refused: no phase "nope" in the plan');
    expect(after({ kind: 'move', phase: 'uat', days: 0 })).toBe('refused: the gesture moves nothing: give a whole, non-zero number of working days');
  });
});
