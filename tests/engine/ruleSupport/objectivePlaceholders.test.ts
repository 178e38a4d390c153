import { describe, expect, it } from 'vitest';
import { OBJECTIVE_PLACEHOLDERS, placeholderDue, placeholderOwner } from '../../../server/src/engine/ruleSupport/objectivePlaceholders';
import { planAndSchedule } from './fixture';

describe('OBJECTIVE_PLACEHOLDERS', () => {
  it('holds no comma, colon or bracket, so each stays a plain scalar in a flow mapping', () => {
    for (const text of Object.values(OBJECTIVE_PLACEHOLDERS)) expect(text).not.toMatch(/[,:[\]{}]/);
  });
});

describe('placeholderDue', () => {
  it('is three months after go-live', () => {
    const { plan, schedule } = planAndSchedule('phases:\n  - { id: launch, name: Launch, kind: go-live, start: 2027-03-01, duration: 1w }\n');
    expect(placeholderDue(plan, schedule)).toBe('2027-06-01');
  });

  it('is three months after the plan ends without a go-live, and after calendar.start without any dated phase', () => {
    const ends = planAndSchedule('phases:\n  - { id: build, name: Build, kind: configuration, start: 2027-01-04, end: 2027-01-29 }\n');
    expect(placeholderDue(ends.plan, ends.schedule)).toBe('2027-04-29');
    const starts = planAndSchedule('calendar: { start: 2027-01-04 }\n');
    expect(placeholderDue(starts.plan, starts.schedule)).toBe('2027-04-04');
  });

  it('is TODO when the plan has no date at all', () => {
    const { plan, schedule } = planAndSchedule('plan: 1\n');
    expect(placeholderDue(plan, schedule)).toBe('TODO');
  });
});

describe('placeholderOwner', () => {
  it('is the sponsor, else the project owner, when declared', () => {
    const people = 'people: [{ id: priya }, { id: dana }]\n';
    expect(placeholderOwner(planAndSchedule(`sponsor: dana\nowner: priya\n${people}`).plan)).toBe('dana');
    expect(placeholderOwner(planAndSchedule(`sponsor: nobody\nowner: dana\n${people}`).plan)).toBe('dana');
  });

  it('is the first declared person without a declared sponsor or owner, and TODO without people', () => {
    expect(placeholderOwner(planAndSchedule('sponsor: nobody\npeople: [{ id: priya }]\n').plan)).toBe('priya');
    expect(placeholderOwner(planAndSchedule('sponsor: nobody\n').plan)).toBe('TODO');
  });
});
