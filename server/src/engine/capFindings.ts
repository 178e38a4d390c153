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

function kindOf(finding: FindingKind): string {
  return `${finding.ruleId}\u0000${finding.messageId}`;
}

/**
 * The findings of one file in their order, each kind cut after its first `max` findings,
 * with a `more` entry right after the last one shown. Two passes, linear in the findings.
 */
export function capFindings<F extends FindingKind>(findings: readonly F[], max: number = MAX_ALIKE): CappedEntry<F>[] {
  const total = new Map<string, number>();
  for (const finding of findings) total.set(kindOf(finding), (total.get(kindOf(finding)) ?? 0) + 1);
  const shown = new Map<string, number>();
  const entries: CappedEntry<F>[] = [];
  for (const finding of findings) {
    const kind = kindOf(finding);
    const count = (shown.get(kind) ?? 0) + 1;
    shown.set(kind, count);
    if (count > max) continue;
    entries.push({ finding });
    const all = total.get(kind) ?? 0;
    if (count === max && all > max) entries.push({ more: all - max, like: finding });
  }
  return entries;
}

/** `… and 79,900 more findings like this`: the one wording every human-readable format uses. */
export function moreFindingsText(more: number): string {
  return `… and ${more.toLocaleString('en-US')} more ${more === 1 ? 'finding' : 'findings'} like this`;
}
