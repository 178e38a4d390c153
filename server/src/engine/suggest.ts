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

/** Sets this large are indexed once (and the index kept with the set) instead of scanned. */
const INDEX_THRESHOLD = 64;
/**
 * Edit-distance cells one index may spend on words without a candidate one edit away, over
 * all its queries: thousands of unknown ids against tens of thousands of people stay a
 * fraction of a second. Past it, only suggestions one edit away (found through the index,
 * at no such cost) and abbreviations are made.
 */
const SEARCH_CELLS = 4_000_000;

interface Entry {
  candidate: string;
  lower: string;
  mask: number;
}

/**
 * Words looked up one edit away by a scan before the deletion map is built: building it costs
 * about as much as scanning a few times (a map entry per letter of every candidate), so a plan
 * with a handful of unknown ids among 130,000 imported people never pays for it, and one with
 * thousands pays once.
 */
const SCANS_BEFORE_INDEX = 8;

/**
 * The candidates of one set, indexed for "did you mean": an exact map, a map from every
 * one-letter deletion (a word one edit away shares a key with it, so those are found without
 * comparing against every candidate; built once a few words needed it), and letter masks that
 * rule out most candidates of a scan in one instruction. Answers are remembered per word.
 */
export class Suggester {
  private readonly entries: Entry[];
  private readonly exact = new Map<string, number>();
  private deletions: Map<string, number[]> | undefined;
  private scansLeft = SCANS_BEFORE_INDEX;
  private readonly answers = new Map<string, string | undefined>();
  private cellsLeft = SEARCH_CELLS;

  constructor(
    candidates: Iterable<string>,
    private readonly maxDistance?: number,
  ) {
    this.entries = [...candidates].map((candidate) => {
      const lower = candidate.toLowerCase();
      return { candidate, lower, mask: letterMask(lower) };
    });
    this.entries.forEach((entry, index) => {
      if (!this.exact.has(entry.lower)) this.exact.set(entry.lower, index);
    });
  }

  get size(): number {
    return this.entries.length;
  }

  closest(word: string): string | undefined {
    const typed = word.toLowerCase();
    if (this.answers.has(typed)) return this.answers.get(typed);
    const answer = this.search(typed);
    this.answers.set(typed, answer);
    return answer;
  }

  private budget(typed: string, known: string): number {
    return this.maxDistance ?? typoBudget(typed, known);
  }

  private search(typed: string): string | undefined {
    const exact = this.exact.get(typed);
    if (exact !== undefined) return this.entries[exact].candidate;
    const oneEdit = this.scansLeft > 0 ? this.oneEditAwayByScan(typed) : this.oneEditAway(typed);
    if (oneEdit !== undefined) return this.entries[oneEdit].candidate;
    return this.wider(typed);
  }

  /** Whether a candidate one edit away from the typed word may be suggested (the budget, or an abbreviation). */
  private allowsOneEdit(typed: string, known: string): boolean {
    return this.budget(typed, known) >= 1 || (typed.length >= 3 && known.startsWith(typed));
  }

  /** The earliest candidate exactly one edit away (that the budget allows), through the deletion map. */
  private oneEditAway(typed: string): number | undefined {
    const deletions = this.deletionMap();
    let best: number | undefined;
    const consider = (index: number | undefined) => {
      if (index === undefined || (best !== undefined && index >= best)) return;
      const known = this.entries[index].lower;
      if (this.allowsOneEdit(typed, known) && editDistance(typed, known, 1) === 1) best = index;
    };
    for (const index of deletions.get(typed) ?? []) consider(index);
    for (let i = 0; i < typed.length; i++) {
      const key = typed.slice(0, i) + typed.slice(i + 1);
      consider(this.exact.get(key));
      for (const index of deletions.get(key) ?? []) consider(index);
    }
    return best;
  }

  /**
   * The same candidate as oneEditAway, by scanning in order: a candidate one edit away differs
   * in length by at most one and in at most two letter bits, so few are compared at all.
   */
  private oneEditAwayByScan(typed: string): number | undefined {
    this.scansLeft--;
    const mask = letterMask(typed);
    for (let index = 0; index < this.entries.length; index++) {
      const { lower: known, mask: knownMask } = this.entries[index];
      if (Math.abs(known.length - typed.length) > 1 || popCount(mask ^ knownMask) > 2) continue;
      if (this.allowsOneEdit(typed, known) && editDistance(typed, known, 1) === 1) return index;
    }
    return undefined;
  }

  /** The map from every one-letter deletion of a candidate to the candidates, built on first use. */
  private deletionMap(): Map<string, number[]> {
    if (this.deletions) return this.deletions;
    const deletions = new Map<string, number[]>();
    this.entries.forEach((entry, index) => {
      for (let i = 0; i < entry.lower.length; i++) {
        const key = entry.lower.slice(0, i) + entry.lower.slice(i + 1);
        const list = deletions.get(key);
        if (!list) deletions.set(key, [index]);
        else if (list[list.length - 1] !== index) list.push(index);
      }
    });
    this.deletions = deletions;
    return deletions;
  }

  /** Two or more edits away: a scan that skips by length and letters, within the cell budget. */
  private wider(typed: string): string | undefined {
    const mask = letterMask(typed);
    let best: Entry | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const entry of this.entries) {
      const known = entry.lower;
      const lengthGap = Math.abs(known.length - typed.length);
      if (typed.length >= 3 && known.length > typed.length && known.startsWith(typed)) {
        // An abbreviation: its distance is the letters left out.
        if (lengthGap < bestDistance) [best, bestDistance] = [entry, lengthGap];
        continue;
      }
      const limit = Math.min(this.budget(typed, known), bestDistance - 1);
      if (limit < 2 || lengthGap > limit || popCount(mask ^ entry.mask) > 2 * limit) continue;
      const cells = (typed.length + 1) * (known.length + 1);
      if (cells > this.cellsLeft) continue;
      this.cellsLeft -= cells;
      const distance = editDistance(typed, known, limit);
      if (distance <= limit) [best, bestDistance] = [entry, distance];
    }
    return best?.candidate;
  }
}

/**
 * One bit per letter (digits and other characters share a few bits): an edit changes at most
 * two bits, so words whose masks differ in more than 2k bits are more than k edits apart.
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const bit = code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? 26 + (code % 5) : 31;
    mask |= 1 << bit;
  }
  return mask;
}

function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Indexes of large candidate sets, kept with the set (an array or a Set that is not changed afterwards). */
const indexes = new WeakMap<object, Map<number | undefined, Suggester>>();

function suggesterFor(candidates: Iterable<string>, maxDistance: number | undefined): Suggester | undefined {
  const size = Array.isArray(candidates) ? candidates.length : candidates instanceof Set ? candidates.size : undefined;
  if (size === undefined || size < INDEX_THRESHOLD) return undefined;
  let byDistance = indexes.get(candidates);
  if (!byDistance) {
    byDistance = new Map();
    indexes.set(candidates, byDistance);
  }
  let suggester = byDistance.get(maxDistance);
  if (!suggester || suggester.size !== size) {
    suggester = new Suggester(candidates, maxDistance);
    byDistance.set(maxDistance, suggester);
  }
  return suggester;
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a likely
 * typo. Comparison ignores case. A candidate that starts with the word (`warn` for
 * `warning`) counts as close when the word has at least three characters, since people
 * abbreviate. Ties go to the earlier candidate, so callers can order candidates by preference.
 * A large array or Set is indexed once (Suggester) and the index reused on later calls with it.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const indexed = suggesterFor(candidates, maxDistance);
  if (indexed) return indexed.closest(word);
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
