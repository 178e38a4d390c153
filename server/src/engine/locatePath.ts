import { isAlias, isCollection, isScalar, type Document, type Node, type Pair } from 'yaml';
import { nodeOffsets } from './source';
import { asMap, asSeq, pairOf } from './yamlNodes';

/**
 * Finding the YAML node a JSON path names (ajv's `instancePath`), through aliases and `<<`
 * merges, and the narrowest range to report a problem with its value on.
 */

/** The keys and list indexes of an instancePath (`/phases/0/kind`), unescaped. */
export function pathSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
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
  let node = (doc.contents ?? undefined) as Node | undefined;
  let pair: Pair | undefined;
  let nearest = node;
  for (const segment of segments) {
    const map = asMap(doc, node);
    const seq = map ? undefined : asSeq(doc, node);
    if (map) {
      pair = pairOf(doc, map, segment);
      node = (pair?.value ?? undefined) as Node | undefined;
      if (!pair) return { nearest };
      nearest = (pair.key as Node | null) ?? nearest;
    } else if (seq && /^\d+$/.test(segment)) {
      pair = undefined;
      node = (seq.items[Number(segment)] ?? undefined) as Node | undefined;
      if (!node) return { nearest };
    } else {
      return { nearest };
    }
    if (node) nearest = node;
  }
  return { node, pair, nearest };
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
