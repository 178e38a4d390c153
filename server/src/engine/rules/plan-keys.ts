import type { Node } from 'yaml';
import { insertMapEntry, insertTopLevelKey } from '../edits';
import { keyNodeOf, type Plan } from '../model';
import type { TextEdit } from '../types';
import { keysOf, pairOf } from '../yamlNodes';

/**
 * Where plan-level keys are and where new ones go. Rules that ask for a key check that the key
 * is present; a present key with a value of the wrong type is the schema's to report, and a fix
 * never inserts a second copy of it.
 */

/** Top-level keys in the order plan-format.md writes them; inserted keys keep this order. */
export const TOP_LEVEL_ORDER = [
  'plan',
  'name',
  'organization',
  'crm',
  'sponsor',
  'owner',
  'calendar',
  'imports',
  'teams',
  'people',
  'objectives',
  'phases',
  'integrations',
  'customizations',
  'risks',
  'kpis',
  'budget',
  'governance',
] as const;

export type TopLevelKey = (typeof TOP_LEVEL_ORDER)[number];

export function hasTopLevelKey(plan: Plan, key: string): boolean {
  return plan.root !== undefined && pairOf(plan.source.doc, plan.root, key) !== undefined;
}

/**
 * Inserts `key: valueText` into the root mapping right after the key that precedes it in
 * TOP_LEVEL_ORDER and comes last in the file, so a new `sponsor` lands after `crm` and a new
 * `objectives` before `phases`; at the end when none of those keys is present.
 */
export function insertTopLevel(plan: Plan, key: TopLevelKey, valueText: string): TextEdit | undefined {
  if (!plan.root || hasTopLevelKey(plan, key)) return undefined;
  const earlier = new Set<string>(TOP_LEVEL_ORDER.slice(0, TOP_LEVEL_ORDER.indexOf(key)));
  const anchor = keysOf(plan.root)
    .map((k) => k.name)
    .filter((name) => earlier.has(name))
    .pop();
  return insertTopLevelKey(plan.source, key, valueText, anchor);
}

/**
 * Adds `key: valueText` to `governance`, creating `governance: { key: value }` (flow style, one
 * line) when the plan has none. Undefined when `governance` exists but is not a mapping.
 */
export function insertGovernanceEntry(plan: Plan, key: string, valueText: string): TextEdit | undefined {
  if (plan.governance) return insertMapEntry(plan.source, plan.governance.map, key, valueText);
  return insertTopLevel(plan, 'governance', `{ ${key}: ${valueText} }`);
}

/** The `governance` key of the plan, else its `name` value, else its root: where a missing governance entry is reported. */
export function governanceLocation(plan: Plan): Node | undefined {
  const key = plan.root ? keyNodeOf(plan.source, plan.root, 'governance') : undefined;
  return key ?? plan.name?.node ?? plan.root;
}

/** Where a missing top-level key is reported: the plan's `name` value, else its root mapping. */
export function planLocation(plan: Plan): Node | undefined {
  return plan.name?.node ?? plan.root;
}
