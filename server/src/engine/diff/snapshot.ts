import { isScalar, type Node } from 'yaml';
import { allPeople, allTeams, type ChecklistItem, type EntityKind, type Located, type Plan } from '../model';
import { nodeOffsets } from '../source';
import type { DiffValue } from './types';
import { pushAll } from '../arrays';

/**
 * A plan reduced to what the diff compares: every entity under a stable key with its fields
 * as plain values, in file order. Entities are keyed by id (ids are unique plan-wide, so a
 * milestone or checklist item that moves to another phase is one entity whose `phase` field
 * changed). A checklist item without an id is keyed by its phase and task text, with `#2`,
 * `#3`... for repeats: rewording such an item reads as one removed and one added.
 */

export interface EntitySnapshot {
  subject: EntityKind;
  key: string;
  id: string;
  /** How messages name it: `phase "uat"`, `checklist item "Back up the CRM" in phase "data"`. */
  label: string;
  fields: Record<string, DiffValue>;
  /** Fields compared as sets (order in the file carries no meaning). */
  setFields: ReadonlySet<string>;
  /** The declaring node's span, to place findings that carry no idPath. */
  offsets?: [number, number];
  /** The model's own idPath (index-based for id-less items), to translate findings' idPaths. */
  modelIdPath: string;
}

export interface PlanSnapshot {
  entities: EntitySnapshot[];
  /** Top-level fields (`name`, `sponsor`, `organization.size`, `governance.crm_owner`...). */
  planFields: Record<string, DiffValue>;
  planSetFields: ReadonlySet<string>;
  /** Budget amount per category (lines of one category are added up). */
  budget: Map<string, number>;
  currency?: string;
}

const TASK_LABEL_LENGTH = 60;

function val<T extends DiffValue>(located: Located<T> | undefined): T | null {
  return located ? located.value : null;
}

function list(items: Located<string>[]): string[] {
  return items.map((i) => i.value);
}

/** The text as written (`4w`, not 20), for fields the model stores parsed. */
function rawText(node: Node | undefined): string | null {
  return isScalar(node) ? String(node.value) : null;
}

function quoted(text: string): string {
  const chars = [...text];
  return `"${chars.length > TASK_LABEL_LENGTH ? `${chars.slice(0, TASK_LABEL_LENGTH - 1).join('').trimEnd()}…` : text}"`;
}

const ENTITY_SETS = {
  phase: new Set(['after', 'audiences']),
  milestone: new Set(['criteria']),
  checklist: new Set(['tags', 'refs']),
  customization: new Set(['supports']),
  none: new Set<string>(),
};

function checklistSnapshots(plan: Plan): EntitySnapshot[] {
  const out: EntitySnapshot[] = [];
  const seen = new Map<string, number>();
  for (const phase of plan.phases) {
    for (const item of phase.checklist) out.push(checklistSnapshot(item, phase.id, seen));
  }
  return out;
}

function checklistSnapshot(item: ChecklistItem, phaseId: string, seen: Map<string, number>): EntitySnapshot {
  const task = item.task?.value ?? '';
  let key: string;
  let id: string;
  let label: string;
  if (item.entity) {
    key = `checklist/${item.entity.id}`;
    id = item.entity.id;
    label = `checklist item "${id}"`;
  } else {
    const base = `phases/${phaseId}/checklist/${task}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    key = n === 1 ? base : `${base} #${n}`;
    id = task;
    label = `checklist item ${quoted(task)} in phase "${phaseId}"`;
  }
  return {
    subject: 'checklist',
    key,
    id,
    label,
    fields: {
      task: val(item.task),
      phase: phaseId,
      owner: val(item.owner),
      due: val(item.due),
      done: item.done,
      tags: list(item.tags),
      refs: list(item.refs),
    },
    setFields: ENTITY_SETS.checklist,
    offsets: nodeOffsets(item.map),
    modelIdPath: item.idPath,
  };
}

function entity(subject: EntityKind, key: string, id: string, node: Node, modelIdPath: string, fields: Record<string, DiffValue>, sets = ENTITY_SETS.none): EntitySnapshot {
  const noun = subject === 'checklist' ? 'checklist item' : subject;
  return { subject, key, id, label: `${noun} "${id}"`, fields, setFields: sets, offsets: nodeOffsets(node), modelIdPath };
}

/** Keeps the first declaration of each key (a repeated id is a `unique-ids` finding already). */
function firstOfEach(entities: EntitySnapshot[]): EntitySnapshot[] {
  const seen = new Set<string>();
  return entities.filter((e) => !seen.has(e.key) && seen.add(e.key));
}

export function snapshotPlan(plan: Plan): PlanSnapshot {
  const entities: EntitySnapshot[] = [];
  for (const p of allPeople(plan)) {
    entities.push(entity('person', `people/${p.id}`, p.id, p.node, p.idPath, { name: val(p.name), role: val(p.role), team: val(p.team), email: val(p.email) }));
  }
  for (const t of allTeams(plan)) entities.push(entity('team', `teams/${t.id}`, t.id, t.node, t.idPath, {}));
  for (const o of plan.objectives) {
    entities.push(
      entity('objective', `objectives/${o.id}`, o.id, o.node, o.idPath, {
        statement: val(o.statement),
        metric: val(o.metric),
        baseline: val(o.baseline),
        target: val(o.target),
        due: val(o.due),
        owner: val(o.owner),
      }),
    );
  }
  for (const p of plan.phases) {
    entities.push(
      entity(
        'phase',
        `phases/${p.id}`,
        p.id,
        p.node,
        p.idPath,
        {
          name: val(p.name),
          kind: val(p.phaseKind),
          owner: val(p.owner),
          start: val(p.start),
          end: val(p.end),
          duration: rawText(p.duration?.node),
          after: list(p.after),
          audiences: list(p.audiences),
          wave: val(p.wave),
        },
        ENTITY_SETS.phase,
      ),
    );
  }
  for (const p of plan.phases) {
    for (const m of p.milestones) {
      const fields = { name: val(m.name), phase: p.id, date: val(m.date), owner: val(m.owner), gate: m.gate, criteria: list(m.criteria) };
      entities.push(entity('milestone', `milestones/${m.id}`, m.id, m.node, m.idPath, fields, ENTITY_SETS.milestone));
    }
  }
  pushAll(entities, checklistSnapshots(plan));
  for (const i of plan.integrations) {
    entities.push(entity('integration', `integrations/${i.id}`, i.id, i.node, i.idPath, { system: val(i.system), direction: val(i.direction), owner: val(i.owner) }));
  }
  for (const c of plan.customizations) {
    entities.push(
      entity('customization', `customizations/${c.id}`, c.id, c.node, c.idPath, { name: val(c.name), supports: list(c.supports), priority: val(c.priority), owner: val(c.owner) }, ENTITY_SETS.customization),
    );
  }
  for (const r of plan.risks) {
    entities.push(
      entity('risk', `risks/${r.id}`, r.id, r.node, r.idPath, {
        description: val(r.description),
        likelihood: val(r.likelihood),
        impact: val(r.impact),
        mitigation: val(r.mitigation),
        owner: val(r.owner),
      }),
    );
  }
  for (const k of plan.kpis) {
    entities.push(entity('kpi', `kpis/${k.id}`, k.id, k.node, k.idPath, { name: val(k.name), target: val(k.target), review: val(k.review), measures: val(k.measures), owner: val(k.owner) }));
  }

  const budget = new Map<string, number>();
  for (const line of plan.budget?.lines ?? []) {
    const category = line.category?.value ?? 'uncategorised';
    budget.set(category, (budget.get(category) ?? 0) + (line.amount?.value ?? 0));
  }
  return {
    entities: firstOfEach(entities),
    planFields: {
      name: val(plan.name),
      sponsor: val(plan.sponsor),
      owner: val(plan.owner),
      'organization.name': val(plan.organization?.name),
      'organization.size': val(plan.organization?.size),
      'crm.product': val(plan.crm?.product),
      'crm.type': val(plan.crm?.type),
      'crm.replaces': plan.crm ? list(plan.crm.replaces) : [],
      'calendar.start': val(plan.calendar.start),
      'calendar.workdays': [...plan.calendar.workdays],
      'calendar.holidays': [...plan.calendar.holidays, ...plan.importedHolidays].map((h) => h.value),
      imports: list(plan.imports),
      'governance.crm_owner': val(plan.governance?.crmOwner),
      'governance.change_control': val(plan.governance?.changeControl),
      'governance.data_stewards': plan.governance ? list(plan.governance.dataStewards) : [],
      'governance.retention': val(plan.governance?.retention),
      'budget.currency': val(plan.budget?.currency),
    },
    planSetFields: new Set(['crm.replaces', 'calendar.workdays', 'calendar.holidays', 'imports', 'governance.data_stewards']),
    budget,
    currency: plan.budget?.currency?.value,
  };
}
