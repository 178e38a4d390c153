import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify, type ToStringOptions } from 'yaml';
import { blockScalarText, flowListText, flowMapText, scalarText } from '../../server/src/engine/yamlText';

/**
 * yamlText.ts writes scalars without the yaml library (so new plans can be written by code that
 * does not bundle it). Two properties keep it honest: whatever the string, the real yaml parser
 * reads the text back as that string, in block and in flow context; and for one-line text the
 * choice of plain, single or double quotes is exactly the yaml library's, so fixes and `init`
 * write what they wrote before.
 */

/** The yaml library's text for a value, without the line break it ends a document with. */
function library(value: string | number | boolean, options: ToStringOptions): string {
  return stringify(value, options).replace(/\n$/, '');
}

/** What the edits wrote with the yaml library: its scalar, double-quoted when plain text holds a flow indicator. */
function libraryScalar(value: string | number | boolean): string {
  const text = library(value, { lineWidth: 0, blockQuote: false });
  const plainWithFlowIndicator = typeof value === 'string' && /[,[\]{}]/.test(text) && !/^["']/.test(text);
  return plainWithFlowIndicator ? library(value, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE' }) : text;
}

/** What `init` wrote with the yaml library after `name: ` and the like. */
function libraryBlockScalar(value: string): string {
  return library(value, { lineWidth: 0 });
}

const RUNS = { numRuns: 2000 };
/** Characters that make YAML choose a style: indicators, quotes, spaces, digits, letters and some non-ASCII. */
const STYLE_CHARS = [...'ab z09.-+_:#,[]{}&*!|>\'"%@`?~/\\eE \t', 'é', 'ß', '中', '😀', '\u00a0'];
/** One-line text without control characters: what the yaml library also writes on one line. */
const oneLine = fc.string({ unit: fc.constantFrom(...STYLE_CHARS), maxLength: 12 }).filter((s) => !/^(---|\.\.\.)/.test(s));
/** Any UTF-16 text, lone surrogates, line breaks and control characters included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 });

describe('yamlText', () => {
  it('chooses the yaml library\'s style for one-line text, in flow and in block context', () => {
    fc.assert(
      fc.property(oneLine, (s) => {
        expect(scalarText(s)).toBe(libraryScalar(s));
        expect(blockScalarText(s)).toBe(libraryBlockScalar(s));
      }),
      RUNS,
    );
  });

  it('writes numbers and booleans as the yaml library does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.boolean()), (v) => {
        expect(scalarText(v)).toBe(libraryScalar(v));
      }),
      RUNS,
    );
  });

  it('writes any text so that YAML reads back the same string, after a key and inside flow collections', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(parse(`key: ${blockScalarText(s)}\n`)).toEqual({ key: s });
        expect(parse(`{ key: ${scalarText(s)}, next: 1 }`)).toEqual({ key: s, next: 1 });
        expect(parse(`list: ${flowListText([s, 'x'])}\n`)).toEqual({ list: [s, 'x'] });
      }),
      RUNS,
    );
  });

  it('keeps every value on one line', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(scalarText(s)).not.toMatch(/[\n\r]/);
        expect(blockScalarText(s)).not.toMatch(/[\n\r]/);
      }),
      RUNS,
    );
  });

  it.each([
    ['go-live', 'go-live', 'go-live'],
    ['2027-03-01', '2027-03-01', '2027-03-01'],
    ['Acme, Inc. rollout', '"Acme, Inc. rollout"', 'Acme, Inc. rollout'],
    ['TODO: what must be true', '"TODO: what must be true"', '"TODO: what must be true"'],
    ['"go" now', '\'"go" now\'', '\'"go" now\''],
    ['say "go"', 'say "go"', 'say "go"'],
    ['true', '"true"', '"true"'],
    ['0x1F', '"0x1F"', '"0x1F"'],
    ['', '""', '""'],
    ['--- start', '"--- start"', '"--- start"'],
    ['first line\nsecond line', '"first line\\nsecond line"', '"first line\\nsecond line"'],
    ['bell\x07 and nul\0', '"bell\\a and nul\\0"', '"bell\\a and nul\\0"'],
  ])('writes %j as %s in flow and %s after a key', (value, flow, block) => {
    expect(scalarText(value)).toBe(flow);
    expect(blockScalarText(value)).toBe(block);
  });

  it('writes a flow map of the set fields, lists in brackets', () => {
    expect(flowMapText({ task: 'Back up the data', tags: ['backup', 'a, b'], done: false, hours: 1.5 })).toBe('{ task: Back up the data, tags: [backup, "a, b"], done: false, hours: 1.5 }');
  });
});
