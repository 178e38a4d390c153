import { describe, expect, it } from 'vitest';
import { numberOption, ruleOptions } from '../../../server/src/engine/ruleSupport/options';

const OPTIONS = ruleOptions({
  max: { description: 'at most', type: 'integer', minimum: 1, default: 3 },
  factor: { description: 'times', type: 'number', exclusiveMinimum: 0, default: 2 },
  inherit: { description: 'inherit', type: 'boolean', default: true },
});

describe('ruleOptions', () => {
  it('makes the options schema (x- keys allowed, nothing else) and defaultOptions from one declaration', () => {
    expect(OPTIONS.optionsSchema).toEqual({
      type: 'object',
      properties: {
        max: { description: 'at most', type: 'integer', minimum: 1, default: 3 },
        factor: { description: 'times', type: 'number', exclusiveMinimum: 0, default: 2 },
        inherit: { description: 'inherit', type: 'boolean', default: true },
      },
      patternProperties: { '^x-': {} },
      additionalProperties: false,
    });
    expect(OPTIONS.defaultOptions).toEqual({ max: 3, factor: 2, inherit: true });
  });

  it('moves shared definitions to $defs', () => {
    const span = { type: 'string' };
    expect(ruleOptions({ min: { description: 'min', $ref: '#/$defs/span', default: '4w' } }, { span }).optionsSchema.$defs).toEqual({ span });
  });
});

describe('numberOption', () => {
  it('reads a configured number within the bounds, an integer option rounded down', () => {
    expect(numberOption(OPTIONS, { max: 5 }, 'max')).toBe(5);
    expect(numberOption(OPTIONS, { max: 4.7 }, 'max')).toBe(4);
    expect(numberOption(OPTIONS, { factor: 1.5 }, 'factor')).toBe(1.5);
  });

  it('falls back to the declared default for a missing, non-numeric, infinite or out-of-bounds value', () => {
    expect(numberOption(OPTIONS, {}, 'max')).toBe(3);
    expect(numberOption(OPTIONS, { max: '5' }, 'max')).toBe(3);
    expect(numberOption(OPTIONS, { max: 0.5 }, 'max')).toBe(3);
    expect(numberOption(OPTIONS, { max: 0 }, 'max')).toBe(3);
    expect(numberOption(OPTIONS, { factor: 0 }, 'factor')).toBe(2);
    expect(numberOption(OPTIONS, { factor: -1 }, 'factor')).toBe(2);
    expect(numberOption(OPTIONS, { factor: Number.POSITIVE_INFINITY }, 'factor')).toBe(2);
    expect(numberOption(OPTIONS, { factor: Number.NaN }, 'factor')).toBe(2);
  });
});
