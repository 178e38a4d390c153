import type { RuleMeta } from '../rules/types';

/**
 * A rule's options, declared once. Each option is a JSON Schema whose `default` is the value the
 * rule runs with when the configuration leaves it out; the rule's `optionsSchema` and
 * `defaultOptions` are both made from these declarations, and a numeric option is read back
 * within the same schema's bounds.
 */

export type OptionSchema = Record<string, unknown> & { description: string; default: unknown };

type OptionsMeta = Required<Pick<RuleMeta, 'optionsSchema' | 'defaultOptions'>>;

/** The options object: the declared options and `x-…` extension keys, nothing else. */
export function ruleOptions(properties: Record<string, OptionSchema>, $defs?: Record<string, unknown>): OptionsMeta {
  return {
    optionsSchema: { type: 'object', properties, patternProperties: { '^x-': {} }, additionalProperties: false, ...($defs ? { $defs } : {}) },
    defaultOptions: Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, schema.default])),
  };
}

/**
 * A numeric option as configured when it is a finite number within its schema's `minimum` and
 * `exclusiveMinimum` (an `integer` option rounded down first), else its declared default: a
 * value the configuration check already reported never reaches the rule's arithmetic.
 */
export function numberOption(meta: OptionsMeta, options: Record<string, unknown>, name: string): number {
  const schema = (meta.optionsSchema.properties as Record<string, OptionSchema>)[name];
  const fallback = schema.default as number;
  const raw = options[name];
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return fallback;
  const value = schema.type === 'integer' ? Math.floor(raw) : raw;
  const { minimum, exclusiveMinimum } = schema as { minimum?: number; exclusiveMinimum?: number };
  if (minimum !== undefined && value < minimum) return fallback;
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return fallback;
  return value;
}
