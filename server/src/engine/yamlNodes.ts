import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/** Follows an alias one step (never expands nested aliases, so alias bombs cost nothing). */
export function deref(doc: Document, node: unknown): Node | undefined {
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return (target ?? undefined) as Node | undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

export function asMap(doc: Document, node: unknown): YAMLMap | undefined {
  const n = deref(doc, node);
  return isMap(n) ? n : undefined;
}

export function asSeq(doc: Document, node: unknown): YAMLSeq | undefined {
  const n = deref(doc, node);
  return isSeq(n) ? n : undefined;
}

/** A `<<` key, whose value's pairs a mapping takes in when it has none of its own by that name. */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.source === '<<' || typeof key.value === 'symbol');
}

/** A key as a name: a string or number scalar's text. */
export function keyName(key: unknown): string | undefined {
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

/** The pair for `key` in a map, looking through `<<` merge keys after the map's own pairs. */
export function pairOf(doc: Document, map: YAMLMap, key: string): Pair | undefined {
  for (const pair of map.items) if (keyName(pair.key) === key) return pair;
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) continue;
    const sources = isSeq(deref(doc, pair.value)) ? (deref(doc, pair.value) as YAMLSeq).items : [pair.value];
    for (const src of sources) {
      const merged = asMap(doc, src);
      if (!merged) continue;
      for (const inner of merged.items) if (keyName(inner.key) === key) return inner;
    }
  }
  return undefined;
}

/** The value node under `key`, dereferenced. */
export function valueOf(doc: Document, map: YAMLMap | undefined, key: string): Node | undefined {
  if (!map) return undefined;
  const pair = pairOf(doc, map, key);
  return pair ? deref(doc, pair.value) : undefined;
}

/** Keys as they appear in the map (merge keys excluded), for iteration and did-you-mean. */
export function keysOf(map: YAMLMap): { name: string; node: Scalar }[] {
  const out: { name: string; node: Scalar }[] = [];
  for (const pair of map.items) {
    const name = keyName(pair.key);
    if (name !== undefined) out.push({ name, node: pair.key as Scalar });
  }
  return out;
}

export function scalarValue(doc: Document, node: unknown): unknown {
  const n = deref(doc, node);
  return isScalar(n) ? n.value : undefined;
}
