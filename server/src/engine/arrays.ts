/**
 * Array helpers that work on any size. `target.push(...items)` and `Math.max(...values)` pass
 * every element as an argument, and an argument list of a hundred thousand elements (people
 * imported from a huge directory, findings of a huge plan, days of a long timeline) overflows
 * the call stack; these loop instead.
 */

/** Appends every item of `items` to `target` and returns `target`. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value; `-Infinity` for none, as `Math.max()`. */
export function maxOf(values: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The smallest value; `Infinity` for none, as `Math.min()`. */
export function minOf(values: readonly number[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < min) min = value;
  return min;
}
