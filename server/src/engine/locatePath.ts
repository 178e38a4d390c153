import { isAlias, isCollection, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { nodeOffsets } from './source';
import { asMap, asSeq, pairOf } from './yamlNodes';

/**
 * Finding the YAML node a JSON path names (ajv's `instancePath`), through aliases and `<<`
 * merges, and the narrowest range to report a problem with its value on.
 */

/** One key or list index of an instancePath (`/phases/0/kind`), unescaped (`~1` is `/`, `~0` is `~`). */
export function unescapeSegment(part: string): string {
  return part.includes('~') ? part.replace(/~1/g, '/').replace(/~0/g, '~') : part;
}

export interface Location {
  /** The node at the path as written (an alias stays an alias), when the path exists. */
  node?: Node;
  /** The pair whose value it is, when the last step was a mapping key. */
  pair?: Pair;
  /** The narrowest node on the way, for paths the YAML does not have (never expected). */
  nearest?: Node;
}

/** Walks the Document along the path, through aliases and `<<` merges. */
export function locate(doc: Document, segments: readonly string[]): Location {
  let location = rootLocation(doc);
  for (const segment of segments) location = stepLocation(doc, location, segment);
  return location;
}

/** The location of the empty path: the document's root node. */
export function rootLocation(doc: Document): Location {
  const node = (doc.contents ?? undefined) as Node | undefined;
  return { node, nearest: node };
}

/**
 * One step of `locate`: the key or list index `segment` under `from`. A path that leaves the
 * YAML stays at the nearest node met; `findPair` is how a mapping's key is looked up (a
 * caller that locates many paths passes an indexed lookup, see schemaPaths.ts).
 */
export function stepLocation(doc: Document, from: Location, segment: string, findPair: (map: YAMLMap, key: string) => Pair | undefined = (map, key) => pairOf(doc, map, key)): Location {
  const { node, nearest } = from;
  const map = asMap(doc, node);
  if (map) {
    const pair = findPair(map, segment);
    if (!pair) return { nearest };
    const value = (pair.value ?? undefined) as Node | undefined;
    return { node: value, pair, nearest: value ?? (pair.key as Node | null) ?? nearest };
  }
  const seq = asSeq(doc, node);
  if (!seq || !/^\d+$/.test(segment)) return { nearest };
  const item = (seq.items[Number(segment)] ?? undefined) as Node | undefined;
  return item ? { node: item, nearest: item } : { nearest };
}

export function nonEmptyOffsets(node: unknown): [number, number] | undefined {
  const offsets = nodeOffsets(node as Node | undefined);
  return offsets && offsets[1] > offsets[0] ? offsets : undefined;
}

/** The `-` of an empty list item, whose own range is empty. */
function dashBefore(text: string, offset: number): [number, number] | undefined {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? [i, i + 1] : undefined;
}

/**
 * A value's range: the scalar, alias or one-line flow collection itself; the key for empty
 * values and block collections (a block is many lines, its key is where to look).
 */
export function valueOffsets(text: string, location: Location): [number, number] {
  const { node, pair } = location;
  if (isScalar(node) || isAlias(node) || (isCollection(node) && node.flow)) {
    const own = nonEmptyOffsets(node);
    if (own) return own;
  }
  const keyOffsets = nonEmptyOffsets(pair?.key);
  if (keyOffsets) return keyOffsets;
  const start = node?.range?.[0];
  if (!pair && start !== undefined) {
    const dash = nonEmptyOffsets(node) ? undefined : dashBefore(text, start);
    if (dash) return dash;
  }
  return nonEmptyOffsets(node) ?? nonEmptyOffsets(location.nearest) ?? [0, 0];
}

/** Whether a path segment is a list index. */
export function isIndex(segment: string | undefined): boolean {
  return segment !== undefined && /^\d+$/.test(segment);
}
