import { allChecklistItems, allMilestones, type Entity, type EntityKind, type Plan, type Ref } from './model';
import { pushAll } from './arrays';

/** Every id declaration visible to the plan, in file order, then imported ones. */
export function declaredEntities(plan: Plan): Entity[] {
  const items: Entity[] = [...plan.people, ...plan.teams, ...plan.objectives];
  for (const phase of plan.phases) {
    items.push(phase);
    for (const m of phase.milestones) items.push(m);
    for (const c of phase.checklist) if (c.entity) items.push(c.entity);
  }
  for (const list of [plan.integrations, plan.customizations, plan.risks, plan.kpis, plan.calendars, plan.importedPeople, plan.importedTeams, plan.importedCalendars]) {
    pushAll(items, list);
  }
  return items;
}

/**
 * First declaration of each id (later duplicates are `unique-ids` findings). Built once per
 * plan: fixes ask for a free id per finding, which made many findings quadratic.
 */
export function entityIndex(plan: Plan): ReadonlyMap<string, Entity> {
  let index = entityIndexes.get(plan);
  if (!index) {
    index = new Map<string, Entity>();
    for (const e of declaredEntities(plan)) if (!index.has(e.id)) index.set(e.id, e);
    entityIndexes.set(plan, index);
  }
  return index;
}

const entityIndexes = new WeakMap<Plan, Map<string, Entity>>();

export const KIND_NOUNS: Record<EntityKind, string> = {
  person: 'person',
  team: 'team',
  objective: 'objective',
  phase: 'phase',
  milestone: 'milestone',
  checklist: 'checklist item',
  integration: 'integration',
  customization: 'customization',
  risk: 'risk',
  kpi: 'kpi',
  calendar: 'calendar',
};

/** A place where an id is used, with the kinds of declaration it may name. */
interface Reference {
  ref: Ref;
  /** Kinds it may resolve to; empty means any declared id. */
  accepts: EntityKind[];
  /** How the field is called in messages: `owner`, `after`, `supports`... */
  field: string;
}

const OWNER_KINDS: EntityKind[] = ['person', 'team'];

/** Every id reference in the plan file (imported files hold declarations only). */
export function planReferences(plan: Plan): Reference[] {
  const refs: Reference[] = [];
  const add = (ref: Ref | undefined, accepts: EntityKind[], field: string) => {
    if (ref) refs.push({ ref, accepts, field });
  };
  add(plan.sponsor, ['person'], 'sponsor');
  add(plan.owner, ['person'], 'owner');
  for (const o of plan.objectives) add(o.owner, OWNER_KINDS, 'owner');
  for (const phase of plan.phases) {
    add(phase.owner, OWNER_KINDS, 'owner');
    for (const a of phase.after) add(a, ['phase', 'milestone'], 'after');
    for (const a of phase.audiences) add(a, ['team'], 'audiences');
    add(phase.calendar, ['calendar'], 'calendar');
  }
  for (const wave of plan.waves) {
    add(wave.calendar, ['calendar'], 'calendar');
    for (const t of wave.teams) add(t, ['team'], 'teams');
  }
  for (const m of allMilestones(plan)) add(m.owner, OWNER_KINDS, 'owner');
  for (const item of allChecklistItems(plan)) {
    add(item.owner, OWNER_KINDS, 'owner');
    for (const r of item.refs) add(r, [], 'refs');
  }
  for (const i of plan.integrations) add(i.owner, OWNER_KINDS, 'owner');
  for (const c of plan.customizations) {
    add(c.owner, OWNER_KINDS, 'owner');
    for (const s of c.supports) add(s, ['objective'], 'supports');
  }
  for (const r of plan.risks) add(r.owner, OWNER_KINDS, 'owner');
  for (const k of plan.kpis) add(k.owner, OWNER_KINDS, 'owner');
  if (plan.governance) {
    add(plan.governance.crmOwner, ['person'], 'crm_owner');
    for (const s of plan.governance.dataStewards) add(s, ['person'], 'data_stewards');
  }
  return refs;
}
