import type { Finding } from './types';

/**
 * A capped report: a huge plan can have tens of thousands of findings of one kind (80,000
 * checklist items with the same unknown key), which no one reads one by one and which make a
 * CI log, an annotation list or a pull-request comment unusable. Human-readable outputs show
 * the first MAX_ALIKE findings of each kind (rule and message id) in a file, then one line
 * that counts the rest: "… and 79,900 more findings like this".
 */

/** Findings of one kind (rule and message id) in one file that are shown one by one. */
export const MAX_ALIKE = 100;

/** A line of a capped report: a finding, or the count of the findings like it left out. */
export type CappedEntry<F extends FindingKind = Finding> = { finding: F } | { more: number; like: F };

/** What a capped list needs of a finding: its kind (rule and message id), and what the count line shows. */
type FindingKind = Pick<Finding, 'ruleId' | 'messageId' | 'severity' | 'message'>;

/** How many findings of each kind (rule, then message id) there are, and how many were met so far. */
type KindCounts = Map<string, Map<string, { total: number; met: number }>>;

function countsOf(counts: KindCounts, finding: FindingKind): { total: number; met: number } {
  let byMessage = counts.get(finding.ruleId);
  if (!byMessage) {
    byMessage = new Map();
    counts.set(finding.ruleId, byMessage);
  }
  let count = byMessage.get(finding.messageId);
  if (!count) {
    count = { total: 0, met: 0 };
    byMessage.set(finding.messageId, count);
  }
  return count;
}

/**
 * The findings of one file in their order, each kind cut after its first `max` findings,
 * with a `more` entry right after the last one shown. Two passes, linear in the findings, and
 * no string built per finding (a file can have a million).
 */
export function capFindings<F extends FindingKind>(findings: readonly F[], max: number = MAX_ALIKE): CappedEntry<F>[] {
  const counts: KindCounts = new Map();
  for (const finding of findings) countsOf(counts, finding).total++;
  const entries: CappedEntry<F>[] = [];
  for (const finding of findings) {
    const count = countsOf(counts, finding);
    count.met++;
    if (count.met > max) continue;
    entries.push({ finding });
    if (count.met === max && count.total > max) entries.push({ more: count.total - max, like: finding });
  }
  return entries;
}

/** `… and 79,900 more findings like this`: the one wording every human-readable format uses. */
export function moreFindingsText(more: number): string {
  return `… and ${more.toLocaleString('en-US')} more ${more === 1 ? 'finding' : 'findings'} like this`;
}
