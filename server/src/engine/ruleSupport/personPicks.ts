import { allPeople, type Plan } from '../model';
import type { Fix, TextEdit } from '../types';

/**
 * Quick fixes that fill a person id in (`sponsor`, `owner`, `crm_owner`...). Picking a person
 * is a choice, so each declared person gets a fix of its own and none is safe; with exactly one
 * person declared there is nothing to choose and the fix is safe.
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
    fixes.push({ title: title(id), edits: [edit], safe: candidates.length === 1 });
  }
  return fixes;
}
