import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { isScalar, parseDocument, Scalar, visit, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generatePlan, randomSource } from '../../bench/generatePlan';
import { fastParseDocument } from '../../server/src/engine/fastParse';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { PARSE_OPTIONS } from '../../server/src/engine/parseOptions';
import { documentDifference, fullParse } from '../helpers/sameDocument';
import { applyMutation } from './arbitraries';

/**
 * The fast parser (server/src/engine/fastParse.ts) must give, whenever it accepts a text, the
 * Document yaml's parseDocument gives (every node, range, value, style and flag), and so the
 * same findings; it declines everything else. Texts here are real plans with random edits,
 * and generated layouts (each also with Windows line ends) that put comments, blank lines, empty values, flow collections,
 * block scalars (every chomping, blank lines and comment lines inside and after, at the end of the text with and
 * without a line break, followed by shallower keys and list items) and every kind of scalar at random places and
 * indentations.
 */

const SEED = 20271203;
const PATH = '/w/plan.rollout.yaml';
const fs = new MemoryFileSystem({ '/w/.crm-rollout.yaml': 'extends: all\n' });

const PLANS = [
  generatePlan({ lines: 400, seed: 5 }).text,
  ...['small/acme', 'mid/northwind', 'enterprise/contoso'].map((name) => readFileSync(new URL(`../../samples/${name}.rollout.yaml`, import.meta.url), 'utf8')),
];

/** Checks one text: true when the fast path accepted it (and so gave the same Document and findings). */
function agrees(text: string): boolean {
  const fast = fastParseDocument(text);
  if (!fast) return false;
  const full = parseDocument(text, PARSE_OPTIONS) as Document.Parsed;
  expect([...full.errors, ...full.warnings].map((e) => e.message)).toEqual([]);
  expect(documentDifference(fast, full)).toBeUndefined();
  const options = { fs, asOf: '2027-03-01' };
  expect(lintText(PATH, text, options).findings).toEqual(lintText(PATH, text, { ...options, parse: fullParse }).findings);
  return true;
}

/** Edits that keep a plan mostly well-formed, and some that break it. */
const SNIPPETS = [
  '\n', ' ', '  ', '\n\n', '\n# note\n', '\n  # note\n', '\n    # note\n', '\n      # note\n', ' # note', '#', '- ', ': ', '"', "'", '[', ']', '{', '}', ',', 'x',
  '~', 'null', 'true', '1', '-1', '1.50', '0x1F', '.inf', '<<', '&a ', '*a', '!t ', '|', '>', '|-', '>+', ' >-\n    folded\n\n    text\n', ' |\n      literal\n', '%', '@', '---', '...', '?', ':', '-', '\\', '\t', '\r\n', 'é', '\u2028', '\u0085',
];
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 3 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }), text: fc.constantFrom(...SNIPPETS) }),
);

const SCALARS = [
  'x', 'Discovery and planning', '2027-01-04', '3w', '1', '-2', '+3', '007', '1.50', '0x1F', '0o17', '1e3', '.inf', '-.NaN', 'null', 'Null', '~', 'true', 'False',
  "'it''s'", '"quoted"', '""', "''", '"a: b"', "'# not a comment'", 'a#b', 'x:y', 'http://e.example/a?b=c', 'ümlaut ✓ 🚀', 'a [b] {c}', '-x', '.x',
  '[]', '{}', '[a, b]', '[ a , "b" ]', "['a', 1, null]", '{ id: x, kind: y }', '{a: [1, 2], b: {c: d}}', '{ "k": v, 2: 3 }', '[[a], {b: c} ]',
];
/** Block scalar headers: every chomping, and now and then one the fast path declines. */
const BLOCK_HEADERS = ['|', '|-', '|+', '>', '>-', '>+'];
const ODD_HEADER_ENDS = ['2', '-', ' # about', '  ', '+'];
const BLOCK_LINES = ['Discovery and planning', 'x', '# not a comment', 'a: b', '- item', "it's [a] {b}, c", 'ümlaut ✓ 🚀', 'ends in spaces  ', '|', '>'];
const KEYS = ['id', 'name', 'kind', 'tags', 'a b', '"quoted key"', "'single'", '1', 'true', 'null', 'x-own', '-k', 'k.1'];

/** Block YAML laid out at random from a seed: nesting, indentation steps, comments, blank lines. */
function layout(seed: number): string {
  const random = randomSource(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const lines: string[] = [];
  const noise = (deepest: number) => {
    while (random() < 0.3) lines.push(random() < 0.4 ? ' '.repeat(Math.floor(random() * 3)) : `${' '.repeat(Math.floor(random() * (deepest + 1)))}# note`);
  };
  const trailing = () => (random() < 0.15 ? ' # why' : random() < 0.1 ? '  ' : '');
  const spaces = (most: number) => ' '.repeat(Math.floor(random() * (most + 1)));
  /** A block scalar after `lead`: lines of text, deeper ones, blank lines (some with spaces) inside and after, comment lines after. */
  const blockScalar = (lead: string, indent: number) => {
    lines.push(`${lead} ${pick(BLOCK_HEADERS)}${random() < 0.05 ? pick(ODD_HEADER_ENDS) : ''}`);
    const textIndent = indent + pick([1, 2, 2, 4, random() < 0.1 ? 0 : 2]);
    const count = 1 + Math.floor(random() * 4);
    for (let l = 0; l < count; l++) {
      if (l > 0 || random() < 0.05) while (random() < 0.3) lines.push(spaces(random() < 0.9 ? textIndent : textIndent + 2));
      lines.push(`${' '.repeat(textIndent + (random() < 0.1 ? pick([1, 2]) : 0))}${pick(BLOCK_LINES)}`);
    }
    while (random() < 0.4) lines.push(random() < 0.6 ? spaces(textIndent) : `${spaces(textIndent + 1)}# after`);
  };
  const value = (lead: string, indent: number, depth: number, ofKey: boolean) => {
    const r = random();
    if (random() < 0.15) blockScalar(lead, indent);
    else if (depth > 3 || r < 0.5) lines.push(`${lead} ${pick(SCALARS)}${trailing()}`);
    else if (r < 0.56) lines.push(`${lead}${random() < 0.5 ? '' : ' '}`);
    else {
      lines.push(`${lead}${random() < 0.1 ? ' # about' : ''}`);
      noise(indent + 6);
      const step = pick([1, 2, 2, 4]);
      if (random() < 0.5) block(indent + step, depth + 1, 'map');
      else block(ofKey && random() < 0.3 ? indent : indent + step, depth + 1, 'seq');
    }
  };
  const block = (indent: number, depth: number, kind: 'map' | 'seq', firstLead?: string) => {
    const count = 1 + Math.floor(random() * 4);
    const keys = [...KEYS].sort(() => random() - 0.5);
    for (let k = 0; k < count; k++) {
      const lead = k === 0 && firstLead !== undefined ? firstLead : ' '.repeat(indent);
      if (kind === 'map') value(`${lead}${keys[k]}:`, indent, depth, true);
      else if (random() < 0.3 && depth < 4) {
        const gap = pick([' ', ' ', '   ']);
        block(indent + 1 + gap.length, depth + 1, 'map', `${lead}-${gap}`);
      } else value(`${lead}-`, indent, depth, false);
      noise(indent + 6);
    }
  };
  noise(2);
  block(random() < 0.9 ? 0 : 2, 0, random() < 0.8 ? 'map' : 'seq');
  return lines.join('\n') + (random() < 0.8 ? '\n' : '');
}

function hasBlockScalar(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) found = true;
    },
  });
  return found;
}

describe('the fast YAML parser', () => {
  it('gives the Document and findings of the full parser on edited plans, or declines', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...PLANS), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), (plan, edits, windows) => {
        runs++;
        if (agrees(edits.reduce(applyMutation, windows ? plan.replace(/\n/g, '\r\n') : plan))) accepted++;
      }),
      { seed: SEED, numRuns: 150 },
    );
    // The property means little if every edited plan is declined.
    expect(accepted / runs).toBeGreaterThan(0.1);
  }, 180_000);

  it('gives the Document of the full parser on generated layouts with comments anywhere, or declines', () => {
    let accepted = 0;
    let withBlockScalars = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, windows) => {
        runs++;
        const text = windows ? layout(seed).replace(/\n/g, '\r\n') : layout(seed);
        const fast = fastParseDocument(text);
        if (!fast) return;
        accepted++;
        if (hasBlockScalar(fast)) withBlockScalars++;
        const full = parseDocument(text, PARSE_OPTIONS) as Document.Parsed;
        expect([...full.errors, ...full.warnings].map((e) => e.message)).toEqual([]);
        expect(documentDifference(fast, full)).toBeUndefined();
      }),
      { seed: SEED, numRuns: 3000 },
    );
    expect(accepted / runs).toBeGreaterThan(0.3);
    // Block scalars are read, not only declined.
    expect(withBlockScalars / runs).toBeGreaterThan(0.1);
  }, 180_000);

  it('gives the findings of the full parser on generated layouts it accepts', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => void agrees(layout(seed))),
      { seed: SEED, numRuns: 150 },
    );
  }, 180_000);

  it('gives the Document of the full parser on random characters, or declines', () => {
    const alphabet = fc.constantFrom('a', 'b', '1', ' ', ' ', '\n', '\n', '-', ':', '#', '"', "'", '[', ']', '{', '}', ',', '.', '~', '\t', '\r', '&', '*', '!', '|', '>', '?', '%', '@', '\\', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        const fast = fastParseDocument(text);
        if (!fast) return;
        const full = parseDocument(text, PARSE_OPTIONS) as Document.Parsed;
        expect([...full.errors, ...full.warnings].map((e) => e.message)).toEqual([]);
        expect(documentDifference(fast, full)).toBeUndefined();
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});
