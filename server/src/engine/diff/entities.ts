import { RISK_LEVELS } from '../vocabulary';
import type { EntitySnapshot, PlanSnapshot } from './snapshot';
import type { ChangeReason, ChangeSeverity, ChangeSubject, DiffValue, PlanChange } from './types';
import { listDelta, present, sameValue, show } from './values';
import { pushAll } from '../arrays';

/** Added, removed and changed entities, plan fields and budget lines, with their severities. */

const OWNER_FIELDS = new Set(['owner', 'governance.crm_owner']);
const PLAN_LABEL = 'the plan';

function change(
  severity: ChangeSeverity,
  subject: ChangeSubject,
  action: PlanChange['action'],
  key: string,
  message: string,
  extra: Partial<PlanChange> = {},
): PlanChange {
  return { severity, subject, action, key, ...extra, message };
}

function riskRank(value: DiffValue | undefined): number {
  return typeof value === 'string' ? (RISK_LEVELS as readonly string[]).indexOf(value) : -1;
}

function hasUatTag(fields: Record<string, DiffValue>): boolean {
  return Array.isArray(fields.tags) && fields.tags.includes('uat');
}

/** Severity and reason of one field change that is not `info` by default. */
function fieldSeverity(subject: ChangeSubject, field: string, before: DiffValue | undefined, after: DiffValue | undefined): [ChangeSeverity, ChangeReason?] {
  if (field === 'sponsor' && subject === 'plan') return present(before) && !present(after) ? ['breaking', 'sponsor-removed'] : present(before) && present(after) ? ['info', 'owner-moved'] : ['info'];
  if (OWNER_FIELDS.has(field)) {
    if (present(before) && !present(after)) return ['warning', 'owner-removed'];
    return present(before) && present(after) ? ['info', 'owner-moved'] : ['info'];
  }
  if (subject === 'milestone' && field === 'gate' && before === true && after !== true) return ['breaking', 'gate-removed'];
  if (subject === 'checklist' && field === 'tags' && listDelta(before, after).removed.includes('uat')) return ['breaking', 'uat-removed'];
  if (subject === 'phase' && field === 'kind' && before === 'testing' && after !== 'testing') return ['breaking', 'testing-phase-removed'];
  if (subject === 'risk' && (field === 'likelihood' || field === 'impact') && riskRank(after) > riskRank(before) && riskRank(before) >= 0) return ['warning', 'risk-raised'];
  return ['info'];
}

const OWNER_NOUNS: Record<string, string> = { owner: 'owner', sponsor: 'sponsor', 'governance.crm_owner': 'crm owner' };

function ownerMessage(label: string, field: string, before: DiffValue | undefined, after: DiffValue | undefined): string {
  const noun = OWNER_NOUNS[field] ?? field;
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  if (!present(before)) return `${label} now has ${article} ${noun}, ${show(after)}`;
  if (!present(after)) return `${label} no longer has ${article} ${noun} (was ${show(before)})`;
  return `${noun} of ${label} moved from ${show(before)} to ${show(after)}`;
}

/** `label` is how the entity is named; plan-level fields are named by their path alone. */
function fieldMessage(label: string, field: string, before: DiffValue | undefined, after: DiffValue | undefined, asSet: boolean): string {
  if (OWNER_FIELDS.has(field) || field === 'sponsor') return ownerMessage(label, field, before, after);
  if (field === 'done') return `${label} marked ${after ? 'done' : 'not done'}`;
  if (field === 'gate') return after ? `${label} is now a gate` : `${label} is no longer a gate`;
  const prefix = label === PLAN_LABEL ? '' : `${label}: `;
  if (asSet && Array.isArray(before ?? []) && Array.isArray(after ?? [])) {
    const { added, removed } = listDelta(before, after);
    const parts: string[] = [];
    if (added.length) parts.push(`${show(added)} added to ${field}`);
    if (removed.length) parts.push(`${show(removed)} removed from ${field}`);
    if (parts.length) return `${prefix}${parts.join('; ')}`;
  }
  if (!present(before)) return `${prefix}${field} set to ${show(after)}`;
  if (!present(after)) return `${prefix}${field} ${show(before)} removed`;
  return `${prefix}${field} changed from ${show(before)} to ${show(after)}`;
}

function fieldChanges(
  subject: ChangeSubject,
  key: string,
  id: string | undefined,
  label: string,
  before: Record<string, DiffValue>,
  after: Record<string, DiffValue>,
  setFields: ReadonlySet<string>,
): PlanChange[] {
  const out: PlanChange[] = [];
  for (const field of Object.keys(after)) {
    const asSet = setFields.has(field);
    if (sameValue(before[field], after[field], asSet)) continue;
    const [severity, reason] = fieldSeverity(subject, field, before[field], after[field]);
    out.push(
      change(severity, subject, 'changed', key, fieldMessage(label, field, before[field], after[field], asSet), {
        id,
        field,
        before: before[field] ?? null,
        after: after[field] ?? null,
        reason,
      }),
    );
  }
  return out;
}

function removedSeverity(e: EntitySnapshot): [ChangeSeverity, ChangeReason?] {
  if (e.subject === 'milestone' && e.fields.gate === true) return ['breaking', 'gate-removed'];
  if (e.subject === 'checklist' && hasUatTag(e.fields)) return ['breaking', 'uat-removed'];
  if (e.subject === 'phase' && e.fields.kind === 'testing') return ['breaking', 'testing-phase-removed'];
  return ['info'];
}

/** How an added or removed entity is named: a gate is called a gate, and items say their phase. */
function addedOrRemovedLabel(e: EntitySnapshot): string {
  if (e.subject === 'milestone') return `${e.fields.gate === true ? 'gate' : 'milestone'} "${e.id}" of phase "${e.fields.phase}"`;
  if (e.subject === 'checklist' && e.key.startsWith('checklist/')) return `${e.label} in phase "${e.fields.phase}"`;
  return e.label;
}

export function diffEntities(base: PlanSnapshot, head: PlanSnapshot): PlanChange[] {
  const changed: PlanChange[] = [];
  const removed: PlanChange[] = [];
  const baseByKey = new Map(base.entities.map((e) => [e.key, e]));
  const headKeys = new Set(head.entities.map((e) => e.key));
  for (const e of head.entities) {
    const before = baseByKey.get(e.key);
    if (before) pushAll(changed, fieldChanges(e.subject, e.key, e.id, e.label, before.fields, e.fields, e.setFields));
    else changed.push(change('info', e.subject, 'added', e.key, `${addedOrRemovedLabel(e)} added`, { id: e.id }));
  }
  for (const e of base.entities) {
    if (headKeys.has(e.key)) continue;
    const [severity, reason] = removedSeverity(e);
    removed.push(change(severity, e.subject, 'removed', e.key, `${addedOrRemovedLabel(e)} removed`, { id: e.id, reason }));
  }
  // Entities in the order of their kind (people, teams, objectives, phases...), then by file.
  const order = [...new Set([...head.entities, ...base.entities].map((e) => e.subject))];
  const rank = (c: PlanChange) => order.indexOf(c.subject as EntitySnapshot['subject']);
  return [...changed, ...removed].map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

export function diffPlanFields(base: PlanSnapshot, head: PlanSnapshot): PlanChange[] {
  const out: PlanChange[] = [];
  for (const field of Object.keys(head.planFields)) {
    const before = base.planFields[field];
    const after = head.planFields[field];
    const asSet = head.planSetFields.has(field);
    if (sameValue(before, after, asSet)) continue;
    const [severity, reason] = fieldSeverity('plan', field, before, after);
    out.push(change(severity, 'plan', 'changed', `plan/${field}`, fieldMessage(PLAN_LABEL, field, before, after, asSet), { field, before: before ?? null, after: after ?? null, reason }));
  }
  return out;
}

function amount(value: number, currency: string | undefined): string {
  return currency ? `${value} ${currency}` : String(value);
}

export function diffBudget(base: PlanSnapshot, head: PlanSnapshot): PlanChange[] {
  const out: PlanChange[] = [];
  const currency = head.currency ?? base.currency;
  const categories = [...new Set([...head.budget.keys(), ...base.budget.keys()])];
  for (const category of categories) {
    const before = base.budget.get(category);
    const after = head.budget.get(category);
    if (before === after) continue;
    const key = `budget/${category}`;
    const extra = { id: category, field: 'amount', before: before ?? null, after: after ?? null };
    if (before === undefined) out.push(change('info', 'budget', 'added', key, `budget line "${category}" added (${amount(after ?? 0, currency)})`, extra));
    else if (after === undefined) out.push(change('warning', 'budget', 'removed', key, `budget line "${category}" removed (was ${amount(before, currency)})`, { ...extra, reason: 'budget-reduced' }));
    else if (after < before) out.push(change('warning', 'budget', 'changed', key, `budget for "${category}" reduced from ${amount(before, currency)} to ${amount(after, currency)}`, { ...extra, reason: 'budget-reduced' }));
    else out.push(change('info', 'budget', 'changed', key, `budget for "${category}" raised from ${amount(before, currency)} to ${amount(after, currency)}`, extra));
  }
  return out;
}
