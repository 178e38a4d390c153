import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { PARSE_OPTIONS } from './parse';
import type { TextEdit } from './types';

/**
 * The check every fix passes before it is offered or written: the edited text is parsed again
 * and compared with the original, node by node. A fix is refused when it
 * - leaves a YAML error the original did not have (`syntax`);
 * - changes no value at all, e.g. text that landed inside a comment (`noEffect`);
 * - changes a value it did not edit (`sideEffect`): an anchored value whose aliases elsewhere
 *   would change with it, a block scalar losing its kept trailing lines, an item moved into
 *   the wrong collection.
 * Added keys and items are what fixes do, so they are allowed anywhere; existing ones must keep
 * their values unless an edit touched their text.
 */

export type FixVerdict = 'ok' | 'syntax' | 'noEffect' | 'sideEffect';

/** Nodes visited per comparison at most; aliases can repeat a subtree, so this bounds the walk. */
const MAX_VISITS = 200_000;

export function parsedForCheck(text: string): Document.Parsed {
  return parseDocument(text, PARSE_OPTIONS) as Document.Parsed;
}

interface Walk {
  before: Document.Parsed;
  after: Document.Parsed;
  edits: readonly TextEdit[];
  visits: number;
}

/**
 * Whether an edit rewrote `node`'s text: a replacement covering it (or, for a leaf, overlapping
 * it), or an insertion at an empty value (`key:`). An insertion elsewhere inside a leaf's range
 * changes its value by accident (a key written between a `|+` scalar and its kept blank lines).
 */
function touched(node: Node, edits: readonly TextEdit[], leaf: boolean): boolean {
  const range = node.range;
  if (!range) return false;
  const [start, end] = range;
  return edits.some((e) => {
    if (e.start === e.end) return start === end && start === e.start;
    return (e.start <= start && end <= e.end) || (leaf && e.start < end && start < e.end);
  });
}

function keyOf(key: unknown): string {
  if (isScalar(key)) return `${typeof key.value}:${String(key.value)}`;
  return JSON.stringify((key as Node | null)?.toJSON?.() ?? key);
}

/** Whether `after` keeps `before`'s value, ignoring what the edits touched and allowing additions. */
function keeps(walk: Walk, before: unknown, after: unknown, masked: boolean): boolean {
  if (++walk.visits > MAX_VISITS) return false;
  if (before === null || before === undefined) return true;
  const leaf = isScalar(before) || isAlias(before);
  if (masked && touched(before as Node, walk.edits, leaf)) return true;
  // An alias stands for its anchor's value: compare what it resolves to, edits included.
  if (isAlias(before)) return keeps(walk, before.resolve(walk.before), isAlias(after) ? after.resolve(walk.after) : after, false);
  if (isAlias(after)) return keeps(walk, before, after.resolve(walk.after), masked);
  if (isScalar(before)) return isScalar(after) && Object.is(before.value, after.value);
  if (isMap(before)) {
    if (!isMap(after)) return false;
    const pairs = new Map<string, unknown>();
    for (const pair of after.items) pairs.set(keyOf(pair.key), pair.value);
    return before.items.every((pair) => {
      if (masked && isPair(pair) && isScalar(pair.key) && touched(pair.key, walk.edits, true)) return true;
      const key = keyOf(pair.key);
      if (!pairs.has(key)) return false;
      // `key:` with no value at all may be filled in by a fix.
      return pair.value === null || keeps(walk, pair.value, pairs.get(key), masked);
    });
  }
  if (isSeq(before)) {
    if (!isSeq(after)) return false;
    // Old items must appear in order among the new ones: a fix may insert items, not drop or change them.
    let j = 0;
    for (const item of before.items) {
      while (j < after.items.length && !keeps(walk, item, after.items[j], masked)) j++;
      if (j === after.items.length) return false;
      j++;
    }
    return true;
  }
  return before === after;
}

/** Checks `edits`, already applied to `beforeText`'s document to give `afterText`. */
export function checkFix(before: Document.Parsed, afterText: string, edits: readonly TextEdit[]): FixVerdict {
  const after = parsedForCheck(afterText);
  if (after.errors.length > before.errors.length) return 'syntax';
  const unchanged: Walk = { before, after, edits: [], visits: 0 };
  if (keeps(unchanged, before.contents, after.contents, false) && keeps({ ...unchanged, before: after, after: before, visits: 0 }, after.contents, before.contents, false)) {
    return 'noEffect';
  }
  return keeps({ before, after, edits, visits: 0 }, before.contents, after.contents, true) ? 'ok' : 'sideEffect';
}
