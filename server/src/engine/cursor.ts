import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { PathSegment } from './schemaPath';
import type { SourceFile } from './source';

/**
 * What lies at an offset of a parsed YAML file: the path of keys and list indices that leads
 * there, and whether the offset is on a mapping key or on a value. Used by hover and
 * navigation, which work on a document that parses; completion, which must also work on the
 * half-written line being typed, reads the text instead (completionContext.ts).
 *
 * Offsets at either end of a node count as inside it, so a cursor just after `owner` is on
 * `owner`. Aliases are not followed: the alias node itself is what lies there.
 */

interface NodeAt {
  /** Keys and list indices from the document root to the node. */
  path: PathSegment[];
  /** `key` when the offset is on a mapping key (the path's last segment is that key). */
  on: 'key' | 'value';
  /** The key scalar, the scalar or alias value, or the innermost collection holding the offset. */
  node: Node;
  /** The pair the key or value belongs to, when the last step was a mapping key. */
  pair?: Pair;
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return !!range && range[0] <= offset && offset <= range[1];
}

function keySegment(key: unknown): PathSegment | undefined {
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

export function nodeAt(source: SourceFile, offset: number): NodeAt | undefined {
  let node = source.doc.contents as Node | null;
  if (!node || !contains(node, offset)) return undefined;
  const path: PathSegment[] = [];
  let pair: Pair | undefined;
  // Bounded by the document's depth; each step moves strictly inside the previous node.
  for (;;) {
    if (isMap(node)) {
      const hit = node.items.find((p) => contains(p.key, offset) || contains(p.value, offset));
      if (!hit) return { path, on: 'value', node, pair };
      const segment = keySegment(hit.key);
      if (segment === undefined) return { path, on: 'value', node, pair };
      path.push(segment);
      pair = hit;
      if (contains(hit.key, offset) && !(isScalar(hit.value) && hit.value.range?.[0] === offset)) {
        return { path, on: 'key', node: hit.key as Node, pair: hit };
      }
      node = hit.value as Node;
      continue;
    }
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) return { path, on: 'value', node, pair };
      path.push(index);
      pair = undefined;
      node = node.items[index] as Node;
      continue;
    }
    // A scalar, an alias, or a collection the offset is inside of but on no item.
    return { path, on: 'value', node, pair };
  }
}
