import { addMonths, isoFromDay } from '../calendar';
import { lastGoLiveStart } from '../definitions';
import { ruleOptions } from '../ruleSupport/options';
import type { OrgSize } from '../vocabulary';
import type { Rule } from './types';

/** A span of calendar time as the options write it: `10d` days, `4w` weeks, `3m` calendar months. */
interface Span {
  count: number;
  unit: 'd' | 'w' | 'm';
}

const SPAN = /^([1-9][0-9]{0,3})([dwm])$/;

/** The seeds' lower bounds: small 4 to 8 weeks, mid 3 to 6 months, enterprise 6 to 12 months. */
const DEFAULT_MIN: Record<OrgSize, string> = { small: '4w', mid: '3m', enterprise: '6m' };

function parseSpan(text: unknown): Span | undefined {
  const match = typeof text === 'string' ? SPAN.exec(text) : null;
  return match ? { count: Number(match[1]), unit: match[2] as Span['unit'] } : undefined;
}

/** The day `span` after `day`: days and weeks count calendar days, months follow `addMonths`. */
function addSpan(day: number, span: Span): number {
  if (span.unit === 'm') return addMonths(day, span.count);
  return day + span.count * (span.unit === 'w' ? 7 : 1);
}

function describeSpan(span: Span): string {
  const noun = { d: 'day', w: 'week', m: 'month' }[span.unit];
  return `${span.count} ${noun}${span.count === 1 ? '' : 's'}`;
}

/**
 * The lower bound for `size`: the configured `ranges[size].min` when it is a valid span, else
 * the default. Options merge shallowly, so a `ranges` that names one size keeps the others' defaults.
 */
function minimumFor(size: OrgSize, options: Record<string, unknown>): Span {
  const ranges = options.ranges as Partial<Record<OrgSize, { min?: unknown }>> | undefined;
  const configured = typeof ranges === 'object' && ranges !== null ? parseSpan(ranges[size]?.min) : undefined;
  return configured ?? parseSpan(DEFAULT_MIN[size])!;
}

const OPTIONS = ruleOptions({
  ranges: {
    title: 'timeline ranges',
    description: 'Lower bounds per organisation size; sizes left out keep their default (small 4w, mid 3m, enterprise 6m).',
    type: 'object',
    properties: {
      small: { $ref: '#/$defs/timelineRange', description: 'Bounds for `organization.size: small`. Default: `{ min: 4w }`.' },
      mid: { $ref: '#/$defs/timelineRange', description: 'Bounds for `organization.size: mid`. Default: `{ min: 3m }`.' },
      enterprise: { $ref: '#/$defs/timelineRange', description: 'Bounds for `organization.size: enterprise`. Default: `{ min: 6m }`.' },
    },
    patternProperties: { '^x-': {} },
    additionalProperties: false,
    default: { small: { min: DEFAULT_MIN.small }, mid: { min: DEFAULT_MIN.mid }, enterprise: { min: DEFAULT_MIN.enterprise } },
    examples: [{ mid: { min: '2m' } }],
  },
}, {
  timelineRange: {
    title: 'timeline range',
    description: 'The bounds of a realistic timeline for one organisation size.',
    type: 'object',
    properties: { min: { $ref: '#/$defs/span' } },
    patternProperties: { '^x-': {} },
    additionalProperties: false,
  },
  span: {
    title: 'time span',
    description:
      'The shortest realistic time from the earliest phase start to the last go-live, in calendar time: `d` days, `w` weeks, `m` calendar months (so `3m` is three months, not minutes).',
    type: 'string',
    pattern: SPAN.source,
    examples: ['4w', '3m', '6m'],
  },
});

/**
 * "At least" is inclusive: the last go-live may start on the bound's date. The span runs from the
 * earliest phase start (any kind) to the start of the last go-live; silent without a size, a
 * placed go-live or a dated phase.
 */
export const realisticTimeline: Rule = {
  meta: {
    id: 'realistic-timeline',
    category: 'budget',
    defaultSeverity: 'warning',
    description: 'the time from the earliest phase start to the last go-live is at least the usual lower bound for the organisation size',
    messages: {
      tooShort:
        'go-live "{{goLive}}" starts {{goLiveDate}}, {{days}} days after the first phase starts ({{start}}), but {{aSize}} rollout usually takes at least {{min}}; allow time for data migration, testing and training, or check organization.size',
    },
    ...OPTIONS,
  },
  check({ plan, schedule, options, report }) {
    const size = plan.organization?.size;
    const start = schedule.planStart;
    const end = lastGoLiveStart(schedule);
    const goLive = schedule.goLives[schedule.goLives.length - 1];
    if (!size || start === undefined || end === undefined || !goLive) return;
    const min = minimumFor(size.value, options);
    if (end >= addSpan(start, min)) return;
    const first = schedule.windows.find((w) => w.start === start)?.phase;
    report({
      messageId: 'tooShort',
      data: { goLive: goLive.id, goLiveDate: isoFromDay(end), days: end - start, start: isoFromDay(start), aSize: `${size.value === 'enterprise' ? 'an' : 'a'} ${size.value}`, min: describeSpan(min) },
      node: goLive.start?.node ?? goLive.idNode,
      related: [
        { node: size.node, source: size.source, message: `organization size "${size.value}"` },
        ...(first ? [{ node: first.start?.node ?? first.idNode, source: first.source, message: `the first phase, "${first.id}", starts here` }] : []),
      ],
      idPath: goLive.idPath,
    });
  },
};
