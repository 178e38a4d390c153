import { allPeople, type Plan } from '../model';
import type { Fix, TextEdit } from '../types';

/**
 * Suggestions that fill a person id in (`sponsor`, `owner`, `crm_owner`...). Choosing a person
 * is never a fix (rules.md, "Fixes and suggestions"), even when only one person is declared:
 * each declared person gets a suggestion of its own.
 */

/** Ids of every person visible to the plan (its own, then imported), `preferred` ids first. */
export function personCandidates(plan: Plan, preferred: readonly (string | undefined)[] = []): string[] {
  const declared = [...new Set(allPeople(plan).map((p) => p.id))];
  const first = preferred.filter((id): id is string => id !== undefined && declared.includes(id));
  return [...new Set([...first, ...declared])];
}

/**
 * One fix per candidate; `editFor` returns undefined when the edit cannot be made (for example a
 * key whose value is not a mapping), and then no fixes are offered at all.
 */
export function personPickFixes(candidates: readonly string[], title: (id: string) => string, editFor: (id: string) => TextEdit | undefined): Fix[] {
  const fixes: Fix[] = [];
  for (const id of candidates) {
    const edit = editFor(id);
    if (!edit) return [];
    fixes.push({ title: title(id), edits: [edit], kind: 'suggestion' });
  }
  return fixes;
}
