import { CORE_RULES } from './core';
import { dateOrder } from './date-order';
import { knownReferences } from './known-references';
import { knownTags } from './known-tags';
import { noDependencyCycles } from './no-dependency-cycles';
import type { Rule, RuleMeta } from './types';
import { uniqueIds } from './unique-ids';
import { workingDays } from './working-days';

/** Every rule with a check, in the order rules.md lists them. Explicit: no directory scanning. */
export const RULES: readonly Rule[] = [uniqueIds, knownReferences, noDependencyCycles, dateOrder, workingDays, knownTags];

/** Metadata of every rule id, the pipeline's own (core) ids first. */
export const RULE_METAS: readonly RuleMeta[] = [...CORE_RULES, ...RULES.map((r) => r.meta)];

export const RULE_IDS: ReadonlySet<string> = new Set(RULE_METAS.map((m) => m.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULE_METAS.find((m) => m.id === id);
}
