import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { collectionKeyFindings, MAX_ALIAS_COUNT, type DocumentValue } from './parse';
import type { SourceFile } from './source';

/**
 * The plain JS value of a re-parsed document (reparse.ts), built from the previous text's
 * value: only the one changed list item is converted anew, and the objects and arrays on its
 * path are shallow copies; everything else is the previous value's own (values are never
 * changed once built). Gives exactly `documentValue(source)` or undefined (the caller then
 * converts the whole document): it declines whenever the full conversion could differ beyond
 * that item or report a finding, i.e. with aliases or merge keys in the text, a key that is a
 * list or mapping, or a key on the path that is not a plain string.
 * tests/fuzz/reparse.fuzz.test.ts checks it against `documentValue` on random keystrokes.
 */
export function reusedDocumentValue(source: SourceFile, previous: DocumentValue, changedItem: readonly number[] | undefined): DocumentValue | undefined {
  if (previous.findings.length > 0 || previous.value === undefined) return undefined;
  if (changedItem === undefined) return previous;
  if (source.text.includes('*') || source.text.includes('<<')) return undefined;
  if (collectionKeyFindings(source).length > 0) return undefined;
  const value = shallowCopy(previous.value);
  let node = source.doc.contents as unknown;
  let copy = value;
  for (let depth = 0; depth < changedItem.length; depth++) {
    const at = changedItem[depth];
    const last = depth === changedItem.length - 1;
    if (isSeq(node) && Array.isArray(copy) && copy.length === node.items.length) {
      const item = node.items[at] as Node | null;
      if (last) {
        if (!item) return undefined;
        copy[at] = item.toJS(source.doc, { maxAliasCount: MAX_ALIAS_COUNT });
        return { value, findings: [] };
      }
      copy = copy[at] = shallowCopy(copy[at]);
      node = item;
    } else if (isMap(node) && isPlainObject(copy) && !last) {
      // Only string keys, which yaml keeps unique: no other key can name the same property.
      if (!node.items.every((p) => isScalar(p.key) && typeof p.key.value === 'string')) return undefined;
      const pair = node.items[at];
      const key = pair?.key;
      if (!isScalar(key) || typeof key.value !== 'string' || key.value === '__proto__' || !Object.hasOwn(copy, key.value)) return undefined;
      copy = copy[key.value] = shallowCopy(copy[key.value]);
      node = pair.value;
    } else {
      return undefined;
    }
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** A copy of an array or plain object one level deep; anything else as it is. */
function shallowCopy(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (isPlainObject(value)) return { ...value };
  return value;
}
