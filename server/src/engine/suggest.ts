/**
 * "Did you mean" suggestions: the closest of a set of known words to a word someone typed.
 * Shared by the schema messages (field names, enum values) and the rules (ids, tags).
 */

/**
 * Optimal string alignment distance: Levenshtein distance where swapping two adjacent
 * characters also counts as one edit, because transposed letters (`mielstones`) are the most
 * common typo. Stops early and returns `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rolling rows: the transposition step looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/**
 * How many edits still read as a typo of a word: one per three characters of the longer
 * word, at least one. Short words get one edit so that `wave` does not suggest `name`.
 */
function typoBudget(a: string, b: string): number {
  return Math.max(1, Math.floor(Math.max(a.length, b.length) / 3));
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a likely
 * typo. Comparison ignores case. A candidate that starts with the word (`warn` for
 * `warning`) counts as close when the word has at least three characters, since people
 * abbreviate. Ties go to the earlier candidate, so callers can order candidates by preference.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const known = candidate.toLowerCase();
    const budget = maxDistance ?? typoBudget(typed, known);
    const distance = editDistance(typed, known, Math.min(budget, bestDistance));
    const abbreviation = typed.length >= 3 && known.startsWith(typed);
    if ((distance <= budget || abbreviation) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
