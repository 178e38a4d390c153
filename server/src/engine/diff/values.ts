import type { DiffValue } from './types';

/** Comparing and quoting field values, shared by every part of the diff. */

function isEmpty(value: DiffValue | undefined): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

export function sameValue(a: DiffValue | undefined, b: DiffValue | undefined, asSet: boolean): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    const [x, y] = asSet ? [[...a].sort(), [...b].sort()] : [a, b];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

/** A value as messages show it: strings quoted, lists as `"a", "b"`, nothing as `none`. */
export function show(value: DiffValue | undefined): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => `"${v}"`).join(', ');
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Elements of `after` not in `before`, and the reverse, for list fields. */
export function listDelta(before: DiffValue | undefined, after: DiffValue | undefined): { added: string[]; removed: string[] } {
  const b = Array.isArray(before) ? before : [];
  const a = Array.isArray(after) ? after : [];
  return { added: a.filter((v) => !b.includes(v)), removed: b.filter((v) => !a.includes(v)) };
}

export function present(value: DiffValue | undefined): boolean {
  return !isEmpty(value);
}
