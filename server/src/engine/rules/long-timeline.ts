import { addMonths, isoFromDay } from '../calendar';
import { goLiveDate } from '../definitions';
import { numberOption, ruleOptions } from '../ruleSupport/options';
import type { OrgSize } from '../vocabulary';
import type { Rule } from './types';

/** The seeds' upper bounds: small 4 to 8 weeks, mid 3 to 6 months, enterprise 6 to 12 months. */
const UPPER: Record<OrgSize, { count: number; unit: 'w' | 'm' }> = {
  small: { count: 8, unit: 'w' },
  mid: { count: 6, unit: 'm' },
  enterprise: { count: 12, unit: 'm' },
};

/** Guards `Math.floor` against binary fractions such as 2.9999999999999996 for 3. */
const EPSILON = 1e-9;

/**
 * The latest acceptable first go-live: `factor` × the upper bound after `start`. Weeks are 7
 * calendar days each, rounded to the nearest day (1.5 × 8 weeks = 84 days). Months are calendar
 * months through `addMonths` (2 × 6 months = 12 calendar months); a fractional month is that
 * fraction of the next calendar month, rounded to the nearest day (1.25 × 6 months = 7 months
 * plus half of the 8th month).
 */
export function latestFirstGoLive(start: number, size: OrgSize, factor: number): number {
  const upper = UPPER[size];
  const total = factor * upper.count;
  if (upper.unit === 'w') return start + Math.round(total * 7);
  const whole = Math.floor(total + EPSILON);
  const fraction = Math.max(0, total - whole);
  const base = addMonths(start, whole);
  if (fraction < EPSILON) return base;
  return base + Math.round(fraction * (addMonths(start, whole + 1) - base));
}

function describeUpper(size: OrgSize): string {
  const upper = UPPER[size];
  return `${upper.count} ${upper.unit === 'w' ? 'weeks' : 'months'}`;
}

const OPTIONS = ruleOptions({
  factor: {
    description:
      "How many times the usual upper bound (small 8 weeks, mid 6 months, enterprise 12 months) the time to the first go-live may reach. Default: 2 (this project's choice).",
    type: 'number',
    exclusiveMinimum: 0,
    default: 2,
    examples: [1.5],
  },
});

export const longTimeline: Rule = {
  meta: {
    id: 'long-timeline',
    category: 'budget',
    defaultSeverity: 'info',
    description: 'the first go-live starts within factor × the usual upper bound for the organisation size',
    messages: {
      tooLong:
        'the first go-live "{{goLive}}" starts {{goLiveDate}}, after {{latest}} ({{factor}} × {{upper}} from the first phase start, {{start}}); {{aSize}} rollout usually goes live within {{upper}}, so deliver a smaller first wave sooner or check organization.size',
    },
    ...OPTIONS,
  },
  check({ plan, schedule, options, report }) {
    const size = plan.organization?.size;
    const start = schedule.planStart;
    const goLive = goLiveDate(schedule);
    const first = schedule.goLives[0];
    if (!size || start === undefined || goLive === undefined || !first) return;
    const factor = numberOption(OPTIONS, options, 'factor');
    const latest = latestFirstGoLive(start, size.value, factor);
    if (goLive <= latest) return;
    report({
      messageId: 'tooLong',
      data: {
        goLive: first.id,
        goLiveDate: isoFromDay(goLive),
        latest: isoFromDay(latest),
        factor,
        upper: describeUpper(size.value),
        start: isoFromDay(start),
        aSize: `${size.value === 'enterprise' ? 'an' : 'a'} ${size.value}`,
      },
      node: first.start?.node ?? first.idNode,
      related: [{ node: size.node, source: size.source, message: `organization size "${size.value}"` }],
      idPath: first.idPath,
    });
  },
};
