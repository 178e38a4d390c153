import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { isAlias, isCollection, isPair, isScalar, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generatePlan';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { documentValue, parseSource } from '../../server/src/engine/parse';
import { reparse, reparseEdit, REPARSE_MIN_LENGTH } from '../../server/src/engine/reparse';
import type { SourceFile } from '../../server/src/engine/source';
import { reusedDocumentValue } from '../../server/src/engine/valueReuse';
import { RecentParses } from '../../server/src/lsp/recentParses';
import { applyMutation } from './arbitraries';

/**
 * Re-parsing after an edit (server/src/engine/reparse.ts) must give exactly what a full parse
 * gives: the same nodes with the same ranges, values and styles, and so the same findings.
 * Edits here are typed one after another, each parsed from the previous clean parse, as an
 * editor's keystrokes are.
 */

const SEED = 20270302;
const PLANS = [
  generatePlan({ lines: 700, seed: 3 }).text,
  ...['mid/northwind', 'enterprise/contoso'].map((name) => readFileSync(new URL(`../../samples/${name}.rollout.yaml`, import.meta.url), 'utf8')),
];

/** Everything a parse means to the engine, in document order: node kinds, ranges, values, styles. */
function dump(source: SourceFile): string {
  const out: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (isPair(node)) {
      walk(node.key, depth + 1);
      walk(node.value, depth + 1);
      return;
    }
    if (!node || typeof node !== 'object') {
      out.push(`${depth} ${String(node)}`);
      return;
    }
    const n = node as Node;
    const base = `${depth} ${n.constructor.name} ${JSON.stringify(n.range)} ${n.anchor ?? ''} ${n.tag ?? ''}`;
    if (isScalar(n)) out.push(`${base} ${n.type} ${JSON.stringify(n.value)} ${n.source ?? ''}`);
    else if (isAlias(n)) out.push(`${base} *${n.source}`);
    else if (isCollection(n)) {
      out.push(`${base} flow=${Boolean(n.flow)} ${n.items.length}`);
      for (const item of n.items) walk(item, depth + 1);
    }
  };
  walk(source.doc.contents, 0);
  return `${JSON.stringify(source.doc.range)} ${source.lineCounter.lineStarts.join(',')}\n${out.join('\n')}`;
}

/** Small edits at random places, the kind a keystroke or a paste makes. */
const keystrokes = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('x', ' ', '\n', '- ', ': ', '#', '"', '[', ']', ',', '  - { task: more }\n', 'é', '\r\n', '\t') }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 2 }), text: fc.constantFrom('y', ' ', '-', ':') }),
  ),
  { minLength: 1, maxLength: 12 },
);

/**
 * Keystrokes where they change what other parts of the plan depend on: ids that are
 * referenced elsewhere, dependencies, dates, waves, owners, tags, done flags.
 */
const MEANINGFUL_KEYS = ['id: ', 'after: ', 'start: ', 'end: ', 'due: ', 'date: ', 'wave: ', 'owner: ', 'tags: ', 'done: ', 'duration: '];
function meaningfulKeystrokes(text: string) {
  const offsets = MEANINGFUL_KEYS.flatMap((key) => {
    const found: number[] = [];
    for (let at = text.indexOf(key); at >= 0 && found.length < 40; at = text.indexOf(key, at + 1)) found.push(at + key.length);
    return found;
  });
  return fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.constantFrom(...offsets), text: fc.constantFrom('x', '1', '-', '0', ' ', '[', 'y') }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.constantFrom(...offsets), length: fc.integer({ min: 1, max: 2 }) }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.constantFrom(...offsets), length: fc.constant(1), text: fc.constantFrom('z', '9', '2') }),
    ),
    { minLength: 1, maxLength: 10 },
  );
}

describe('re-parsing after an edit', () => {
  it('gives the same nodes, ranges and values as a full parse, or declines', () => {
    let reused = 0;
    let steps = 0;
    fc.assert(
      fc.property(fc.constantFrom(...PLANS), keystrokes, (original, edits) => {
        let previous = parseSource('/p.rollout.yaml', original).source;
        let text = original;
        for (const edit of edits) {
          text = applyMutation(text, edit);
          const full = parseSource('/p.rollout.yaml', text);
          const again = reparse(previous, text);
          steps++;
          if (again) {
            reused++;
            expect(full.findings.map((f) => f.message)).toEqual([]);
            expect(dump(again)).toBe(dump(full.source));
          }
          if (!full.fatal && full.findings.length === 0) previous = again ?? full.source;
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
    // The property means little if re-use never happens: most keystrokes land inside an item.
    expect(reused / steps).toBeGreaterThan(0.15);
    // 60 fixed-seed runs of full and partial parses: seconds alone, far more on a loaded CI machine.
    // The limit only catches a hang; it is not a speed check.
  }, 180_000);

  it("builds the document value from the previous one exactly as converting the whole document does, or declines", () => {
    let reusedValues = 0;
    let steps = 0;
    fc.assert(
      fc.property(fc.constantFrom(...PLANS).chain((plan) => fc.tuple(fc.constant(plan), fc.oneof(keystrokes, meaningfulKeystrokes(plan)))), ([original, edits]) => {
        let previous = parseSource('/p.rollout.yaml', original).source;
        let previousValue = documentValue(previous);
        let text = original;
        for (const edit of edits) {
          text = applyMutation(text, edit);
          const full = parseSource('/p.rollout.yaml', text);
          const expected = full.fatal ? undefined : documentValue(full.source);
          const again = reparseEdit(previous, text);
          steps++;
          const value = again && reusedDocumentValue(again.source, previousValue, again.changedItem);
          if (value) {
            reusedValues++;
            expect(value).toEqual(expected);
            // The previous value is never changed: results that hold it stay valid.
            expect(previousValue).toEqual(documentValue(previous));
          }
          if (!full.fatal && full.findings.length === 0) {
            previous = again?.source ?? full.source;
            previousValue = value ?? documentValue(previous);
          }
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
    expect(reusedValues / steps).toBeGreaterThan(0.15);
  }, 180_000);

  it('re-parses from the editor text after other texts of the same file were linted', () => {
    const fs = new MemoryFileSystem({ '/w/.crm-rollout.yaml': 'extends: all\n' });
    const path = '/w/previewed.rollout.yaml';
    const original = PLANS[0];
    const options = { fs, parse: new RecentParses().parse };
    lintText(path, original, options);
    // What a fix-all preview does: lint other versions of the same file in between.
    lintText(path, original.replace('plan: 1\n', 'plan: 1\nx-preview: 1\n'), options);
    const edited = applyMutation(original, { kind: 'insert', at: original.indexOf('task: ') + 8, text: 'x' });
    const result = lintText(path, edited, options);
    expect(result.source.lineCounter.lineStarts).toEqual(parseSource(path, edited).source.lineCounter.lineStarts);
    expect(dump(result.source)).toBe(dump(parseSource(path, edited).source));
    // Re-used, not parsed anew: nodes before the edited item are the previous parse's own.
    const first = (result.source.doc.contents as { items: { key: unknown }[] }).items[0].key;
    const before = lintText(path, original, options);
    expect((before.source.doc.contents as { items: { key: unknown }[] }).items[0].key).toBe(first);
  });

  it('gives the same findings through lintText as a lint from scratch', () => {
    const fs = new MemoryFileSystem({ '/w/.crm-rollout.yaml': 'extends: all\n' });
    const original = PLANS[0];
    expect(original.length).toBeGreaterThanOrEqual(REPARSE_MIN_LENGTH);
    const path = '/w/typed.rollout.yaml';
    // Between keystrokes the configuration may change too: the re-used parse and value do not depend on it.
    const configs = ['extends: all\n', 'extends: recommended\n', 'extends: all\nrules:\n  known-references: off\n  date-order: warning\n'];
    fc.assert(
      fc.property(fc.oneof(keystrokes, meaningfulKeystrokes(original)), fc.array(fc.nat(configs.length - 1), { minLength: 12, maxLength: 12 }), (edits, configChoices) => {
        const typing = { fs, asOf: '2027-03-01', parse: new RecentParses().parse };
        let text = original;
        fs.set('/w/.crm-rollout.yaml', configs[0]);
        lintText(path, text, typing);
        edits.forEach((edit, k) => {
          text = applyMutation(text, edit);
          fs.set('/w/.crm-rollout.yaml', configs[configChoices[k]]);
          const typed = lintText(path, text, typing).findings;
          const scratch = lintText(path, text, { fs, asOf: '2027-03-01' }).findings;
          expect(typed).toEqual(scratch);
        });
      }),
      { seed: SEED, numRuns: 12 },
    );
  });
});
