import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../server/src/engine/calendar';
import { latestFirstGoLive, longTimeline } from '../../server/src/engine/rules/long-timeline';
import { testRule } from '../helpers/ruleTester';

testRule(longTimeline, {
  valid: [
    {
      name: 'a mid plan whose first go-live is exactly 2 × 6 = 12 calendar months after the start',
      plan: `plan: 1
name: Pilot
organization: { name: Org, size: mid }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 4w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2028-01-11, duration: 1w }
`,
    },
    {
      name: 'a phased rollout is measured to its first go-live, not its last wave',
      plan: `plan: 1
name: Pilot
organization: { name: Org, size: enterprise }
phases:
  - { id: mobilise, name: Mobilise, kind: planning, start: 2027-01-11, duration: 6w }
  - { id: wave1, name: Wave 1, kind: go-live, wave: 1, start: 2028-06-12, duration: 1w }
  - { id: wave2, name: Wave 2, kind: go-live, wave: 2, start: 2029-03-05, duration: 1w }
`,
    },
    {
      name: 'silent without organization.size',
      plan: `plan: 1
name: Pilot
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 4w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2031-01-13, duration: 1w }
`,
    },
    {
      name: 'factor 1.5 allows 1.5 × 8 weeks = 84 days for a small plan',
      plan: `plan: 1
name: Pilot
organization: { name: Org, size: small }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-04-05, duration: 1w }
`,
      options: { factor: 1.5 },
    },
  ],
  invalid: [
    {
      name: 'a mid plan one day past 12 months, reported at the go-live start',
      plan: `plan: 1
name: Pilot
organization: { name: Org, size: mid }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 4w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2028-01-12, duration: 1w }
`,
      errors: [
        { messageId: 'tooLong', line: 6, column: 57, endLine: 6, endColumn: 67, message: 'the first go-live "go-live" starts 2028-01-12, after 2028-01-11 (2 × 6 months from the first phase start, 2027-01-11); a mid rollout usually goes live within 6 months, so deliver a smaller first wave sooner or check organization.size' },
      ],
      output: null,
    },
    {
      name: 'factor 1.5 for a small plan: 85 days is too long',
      plan: `plan: 1
name: Pilot
organization: { name: Org, size: small }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 1w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-04-06, duration: 1w }
`,
      options: { factor: 1.5 },
      errors: [
        { messageId: 'tooLong', line: 6, column: 57, endLine: 6, endColumn: 67, message: /after 2027-04-05 \(1\.5 × 8 weeks from the first phase start, 2027-01-11\)/ },
      ],
      output: null,
    },
    {
      name: 'a fractional month is that fraction of the next calendar month: 1.25 × 6 months from 2027-01-11 is 2027-08-27',
      plan: `plan: 1
name: Pilot
organization: { name: Org, size: mid }
phases:
  - { id: discovery, name: Discovery, kind: planning, start: 2027-01-11, duration: 4w }
  - { id: go-live, name: Go-live, kind: go-live, start: 2027-08-30, duration: 1w }
`,
      options: { factor: 1.25 },
      errors: [
        { messageId: 'tooLong', line: 6, column: 57, endLine: 6, endColumn: 67, message: /starts 2027-08-30, after 2027-08-27 \(1\.25 × 6 months/ },
      ],
      output: null,
    },
    {
      name: 'a go-live placed by after is reported at its id',
      plan: `plan: 1
name: Pilot
organization: { name: Org, size: enterprise }
phases:
  - { id: programme, name: Programme, kind: planning, start: 2027-01-11, end: 2029-01-12 }
  - { id: go-live, name: Go-live, kind: go-live, after: [programme], duration: 1w }
`,
      errors: [
        { messageId: 'tooLong', line: 6, column: 11, endLine: 6, endColumn: 18, message: /^the first go-live "go-live" starts 2029-01-15, after 2029-01-11 \(2 × 12 months.*an enterprise rollout usually goes live within 12 months/ },
      ],
      output: null,
    },
  ],
});

describe('latestFirstGoLive', () => {
  const day = (iso: string) => dayFromIso(iso)!;
  it('adds factor × months as calendar months, clamping the day to the month', () => {
    expect(isoFromDay(latestFirstGoLive(day('2027-01-31'), 'mid', 2))).toBe('2028-01-31');
    expect(isoFromDay(latestFirstGoLive(day('2027-08-31'), 'enterprise', 1.5))).toBe('2029-02-28');
  });
  it('counts weeks as 7 calendar days, rounded to the nearest day', () => {
    expect(isoFromDay(latestFirstGoLive(day('2027-01-11'), 'small', 2))).toBe('2027-05-03');
    expect(isoFromDay(latestFirstGoLive(day('2027-01-11'), 'small', 1.3))).toBe('2027-03-25');
  });
});
