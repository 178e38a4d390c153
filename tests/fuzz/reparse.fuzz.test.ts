import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { isAlias, isCollection, isPair, isScalar, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generatePlan';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { parseSource } from '../../server/src/engine/parse';
import { reparse, REPARSE_MIN_LENGTH } from '../../server/src/engine/reparse';
import type { SourceFile } from '../../server/src/engine/source';
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
    fc.assert(
      fc.property(keystrokes, (edits) => {
        const typing = { fs, asOf: '2027-03-01', parse: new RecentParses().parse };
        let text = original;
        lintText(path, text, typing);
        for (const edit of edits) {
          text = applyMutation(text, edit);
          const typed = lintText(path, text, typing).findings;
          const scratch = lintText(path, text, { fs, asOf: '2027-03-01' }).findings;
          expect(typed).toEqual(scratch);
        }
      }),
      { seed: SEED, numRuns: 10 },
    );
  });
});
