import { parseDocument, type Document } from 'yaml';
import { lineCounterOf, type ParseResult } from '../../server/src/engine/parse';
import { PARSE_OPTIONS } from '../../server/src/engine/parseOptions';

/**
 * The fields of yaml's nodes the fast parser (server/src/engine/fastParse.ts) does not build,
 * because nothing in the product reads them; tests/engine/fastParse.test.ts checks that.
 */
export const UNREAD_NODE_FIELDS: ReadonlySet<string> = new Set(['comment', 'commentBefore', 'spaceBefore']);

/**
 * Where two parsed Documents differ, as a path and the two values; undefined when they are the
 * same. Compares every own property, enumerable or not and symbols included (a node's kind is
 * a symbol-keyed property), the prototype of every object (Scalar, YAMLMap, Pair...), and
 * functions by identity (the schema's tags), except UNREAD_NODE_FIELDS.
 */
export function documentDifference(a: Document.Parsed, b: Document.Parsed): string | undefined {
  return difference(a, b, '$', new Map());
}

function difference(a: unknown, b: unknown, path: string, seen: Map<object, object>): string | undefined {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${describe(a)} vs ${describe(b)}`;
  if (seen.get(a) === b) return undefined;
  seen.set(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: a ${a.constructor.name} vs a ${b.constructor.name}`;
  const keysOf = (o: object) => Reflect.ownKeys(o).filter((k) => typeof k !== 'string' || !UNREAD_NODE_FIELDS.has(k));
  const keysA = keysOf(a);
  const keysB = keysOf(b);
  const names = (keys: (string | symbol)[]) => keys.map(String).sort().join(', ');
  if (names(keysA) !== names(keysB)) return `${path}: properties ${names(keysA)} vs ${names(keysB)}`;
  for (const key of keysA) {
    const found = difference((a as Record<string | symbol, unknown>)[key], (b as Record<string | symbol, unknown>)[key], `${path}.${String(key)}`, seen);
    if (found) return found;
  }
  return undefined;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** What parseSource gave before the fast path, for a text yaml parses without a problem: the reference. */
export function fullParse(path: string, text: string): ParseResult {
  const doc = parseDocument(text, PARSE_OPTIONS) as Document.Parsed;
  if (doc.errors.length > 0 || doc.warnings.length > 0) throw new Error(`fullParse is for clean texts: ${doc.errors.concat(doc.warnings)[0].message}`);
  return { source: { path, text, doc, lineCounter: lineCounterOf(text) }, findings: [], fatal: false };
}
