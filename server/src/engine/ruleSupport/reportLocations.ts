import type { Node } from 'yaml';
import { keyNodeOf, type Plan } from '../model';

/**
 * Where a finding about something missing from the plan as a whole is reported, so that every
 * rule points at the same place: the plan's `name` value, else its root mapping.
 */
export function planLocation(plan: Plan): Node | undefined {
  return plan.name?.node ?? plan.root;
}

/** The top-level `key` when the plan has it (a missing or empty section is reported there), else `planLocation`. */
export function topLevelKeyLocation(plan: Plan, key: string): Node | undefined {
  return (plan.root && keyNodeOf(plan.source, plan.root, key)) ?? planLocation(plan);
}
