import { isScalar, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { dayFromIso, parseDuration, WEEKDAYS, type Weekday } from './calendar';
import { pushAll } from './arrays';
import type { SourceFile } from './source';
import { asMap, asSeq, deref, pairOf, scalarValue, valueOf } from './yamlNodes';
import { CUSTOMIZATION_PRIORITIES, ORG_SIZES, PHASE_KINDS, type CustomizationPriority, type OrgSize, type PhaseKind } from './vocabulary';

/**
 * The typed plan model. It is built from the YAML Document tolerantly: a value of the wrong
 * type is left out (the schema reports it), so rules only ever see well-typed values, and
 * every value keeps the node it came from for exact ranges and edits.
 */

/** A scalar value with the node and file it came from. */
export interface Located<T> {
  value: T;
  node: Node;
  source: SourceFile;
}

/** An id used as a reference (owner, after, supports, refs...). */
export type Ref = Located<string>;

export type DependencyType = 'fs' | 'ss';

/**
 * One `after` entry: a phase or milestone id, written alone (finish-to-start, no lag) or as
 * `{ id, type, lag }`. `value` and `node` are the id, so an entry is a reference like any other.
 */
export interface Dependency extends Ref {
  type: DependencyType;
  /** Working days, parsed from `lag` (`0d` when absent). */
  lag: number;
  /** The whole entry: the id scalar, or the `{ id, type, lag }` mapping. */
  entry: Node;
  typeNode?: Node;
  lagNode?: Node;
}

export interface DateValue extends Located<string> {
  day: number;
}

/** Anything declared with an `id`. */
export interface Entity {
  kind: EntityKind;
  id: string;
  idNode: Node;
  /** The map (or, for teams, the scalar) that declares it. */
  node: Node;
  source: SourceFile;
  /** Stable location made of ids, for baselines: `phases/uat/checklist/backup-db`. */
  idPath: string;
}

export type EntityKind =
  | 'person'
  | 'team'
  | 'objective'
  | 'phase'
  | 'milestone'
  | 'checklist'
  | 'integration'
  | 'customization'
  | 'risk'
  | 'kpi'
  | 'calendar';

export interface Person extends Entity {
  kind: 'person';
  name?: Located<string>;
  role?: Located<string>;
  team?: Located<string>;
  email?: Located<string>;
  imported: boolean;
}

export interface Team extends Entity {
  kind: 'team';
  imported: boolean;
}

export interface Objective extends Entity {
  kind: 'objective';
  map: YAMLMap;
  statement?: Located<string>;
  metric?: Located<string>;
  baseline?: Located<string | number>;
  target?: Located<string | number>;
  due?: DateValue;
  owner?: Ref;
}

export interface ChecklistItem {
  /** The item's own id, when it declares one. */
  entity?: Entity;
  map: YAMLMap;
  source: SourceFile;
  phase: Phase;
  index: number;
  idPath: string;
  task?: Located<string>;
  owner?: Ref;
  due?: DateValue;
  /** `done: true` or `done: <date>`. */
  done: boolean;
  /** The date it was done, when `done` is a date. */
  doneDate?: DateValue;
  doneNode?: Node;
  tags: Located<string>[];
  refs: Ref[];
}

export interface Milestone extends Entity {
  kind: 'milestone';
  map: YAMLMap;
  phase: Phase;
  index: number;
  name?: Located<string>;
  date?: DateValue;
  owner?: Ref;
  gate: boolean;
  criteria: Located<string>[];
  criteriaNode?: Node;
  /** When the milestone was really reached. */
  achieved?: DateValue;
}

export interface Phase extends Entity {
  kind: 'phase';
  map: YAMLMap;
  /** Position in the plan's `phases` list: ties between dates are broken by it. */
  index: number;
  name?: Located<string>;
  phaseKind?: Located<PhaseKind>;
  owner?: Ref;
  start?: DateValue;
  end?: DateValue;
  /** Working days, parsed from `10d` / `4w`. */
  duration?: Located<number>;
  after: Dependency[];
  audiences: Ref[];
  wave?: Located<number>;
  /** The id of the named calendar this phase is counted on. */
  calendar?: Ref;
  /** When the phase really started and finished. */
  actual?: { map: YAMLMap; start?: DateValue; end?: DateValue };
  checklist: ChecklistItem[];
  checklistNode?: YAMLSeq;
  milestones: Milestone[];
  milestonesNode?: YAMLSeq;
}

export interface Integration extends Entity {
  kind: 'integration';
  map: YAMLMap;
  system?: Located<string>;
  direction?: Located<string>;
  owner?: Ref;
}

export interface Customization extends Entity {
  kind: 'customization';
  map: YAMLMap;
  name?: Located<string>;
  supports: Ref[];
  priority?: Located<CustomizationPriority>;
  owner?: Ref;
}

export interface Risk extends Entity {
  kind: 'risk';
  map: YAMLMap;
  description?: Located<string>;
  likelihood?: Located<string>;
  impact?: Located<string>;
  mitigation?: Located<string>;
  owner?: Ref;
}

export interface Kpi extends Entity {
  kind: 'kpi';
  map: YAMLMap;
  name?: Located<string>;
  target?: Located<string | number>;
  review?: Located<string>;
  measures?: Located<string>;
  owner?: Ref;
}

export interface BudgetLine {
  map: YAMLMap;
  index: number;
  category?: Located<string>;
  amount?: Located<number>;
}

/**
 * A named calendar (`calendars[]`): it starts from the plan's calendar; its holidays and extra
 * working days add to the plan's, its workdays (when given) replace them.
 */
export interface NamedCalendar extends Entity {
  kind: 'calendar';
  map: YAMLMap;
  name?: Located<string>;
  /** Undefined when the calendar keeps the plan's workdays. */
  workdays?: Weekday[];
  holidays: DateValue[];
  extraWorkingDays: DateValue[];
  imported: boolean;
}

/** A declared wave (`waves[]`): its number, the name of its lane, its calendar and its teams. */
export interface Wave {
  map: YAMLMap;
  wave: Located<number>;
  name?: Located<string>;
  calendar?: Ref;
  teams: Ref[];
}

export interface ImportEntry extends Located<string> {
  index: number;
}

export interface Plan {
  source: SourceFile;
  /** The root mapping; undefined when the document is empty or not a mapping. */
  root?: YAMLMap;
  name?: Located<string>;
  organization?: { map: YAMLMap; name?: Located<string>; size?: Located<OrgSize> };
  crm?: { map: YAMLMap; product?: Located<string>; type?: Located<string>; replaces: Located<string>[] };
  sponsor?: Ref;
  owner?: Ref;
  calendar: {
    map?: YAMLMap;
    start?: DateValue;
    workdays: Weekday[];
    workdaysNode?: Node;
    holidays: DateValue[];
    extraWorkingDays: DateValue[];
  };
  /** Named calendars declared in the plan (imported ones are in `importedCalendars`). */
  calendars: NamedCalendar[];
  calendarsNode?: YAMLSeq;
  waves: Wave[];
  wavesNode?: YAMLSeq;
  imports: ImportEntry[];
  importsNode?: Node;
  /** Teams the plan file itself lists (imported teams are in `importedTeams`). */
  teams: Team[];
  teamsNode?: Node;
  people: Person[];
  peopleNode?: YAMLSeq;
  objectives: Objective[];
  objectivesNode?: YAMLSeq;
  phases: Phase[];
  phasesNode?: YAMLSeq;
  integrations: Integration[];
  customizations: Customization[];
  risks: Risk[];
  kpis: Kpi[];
  kpisNode?: YAMLSeq;
  budget?: { map: YAMLMap; currency?: Located<string>; lines: BudgetLine[]; linesNode?: YAMLSeq };
  governance?: {
    map: YAMLMap;
    crmOwner?: Ref;
    changeControl?: Located<string>;
    dataStewards: Ref[];
    dataStewardsNode?: Node;
    retention?: Located<string>;
  };
  /** Filled by import resolution: people, teams, holidays and calendars from imported files. */
  importedPeople: Person[];
  importedTeams: Team[];
  importedHolidays: DateValue[];
  importedCalendars: NamedCalendar[];
}

// Value tests for `located`, made once rather than per call: a large plan reads many values.
const isString = (v: unknown): v is string => typeof v === 'string';
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStringOrNumber = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads the typed values of one YAML file; `source` names the file for every located value. */
class ModelReader {
  constructor(private readonly source: SourceFile) {}

  private get doc() {
    return this.source.doc;
  }

  map(node: unknown): YAMLMap | undefined {
    return asMap(this.doc, node);
  }

  seq(node: unknown): YAMLSeq | undefined {
    return asSeq(this.doc, node);
  }

  value(map: YAMLMap | undefined, key: string): Node | undefined {
    return valueOf(this.doc, map, key);
  }

  located<T>(node: Node | undefined, accept: (v: unknown) => v is T): Located<T> | undefined {
    if (!isScalar(node)) return undefined;
    return accept(node.value) ? { value: node.value, node, source: this.source } : undefined;
  }

  string(map: YAMLMap | undefined, key: string): Located<string> | undefined {
    return this.located(this.value(map, key), isNonEmptyString);
  }

  stringOrNumber(map: YAMLMap | undefined, key: string): Located<string | number> | undefined {
    return this.located(this.value(map, key), isStringOrNumber);
  }

  number(map: YAMLMap | undefined, key: string): Located<number> | undefined {
    return this.located(this.value(map, key), isFiniteNumber);
  }

  oneOf<T extends string>(map: YAMLMap | undefined, key: string, allowed: readonly T[]): Located<T> | undefined {
    return this.located(this.value(map, key), (v): v is T => typeof v === 'string' && (allowed as readonly string[]).includes(v));
  }

  bool(map: YAMLMap | undefined, key: string): boolean {
    return scalarValue(this.doc, this.value(map, key)) === true;
  }

  date(map: YAMLMap | undefined, key: string): DateValue | undefined {
    return this.dateOf(this.value(map, key));
  }

  dateOf(node: Node | undefined): DateValue | undefined {
    const s = this.located(node, isString);
    if (!s) return undefined;
    const day = dayFromIso(s.value);
    return day === undefined ? undefined : { value: s.value, node: s.node, source: s.source, day };
  }

  /** The valid dates of a list of dates. */
  dates(map: YAMLMap | undefined, key: string): DateValue[] {
    const out: DateValue[] = [];
    for (const item of this.seq(this.value(map, key))?.items ?? []) {
      const d = this.dateOf(deref(this.doc, item));
      if (d) out.push(d);
    }
    return out;
  }

  /** The weekdays of a `workdays` list in week order, or undefined when there is no list. */
  workdays(map: YAMLMap | undefined): Weekday[] | undefined {
    if (!this.seq(this.value(map, 'workdays'))) return undefined;
    const listed = this.strings(map, 'workdays').map((w) => w.value);
    return WEEKDAYS.filter((w) => listed.includes(w));
  }

  /** A duration (`10d`, `4w`; `0d` when `zero` is allowed) in working days. */
  duration(node: Node | undefined, zero: boolean): Located<number> | undefined {
    const text = this.located(node, isNonEmptyString);
    if (!text) return undefined;
    const days = zero && /^0[dw]$/.test(text.value) ? 0 : parseDuration(text.value);
    return days === undefined ? undefined : { value: days, node: text.node, source: text.source };
  }

  /** `after` entries: ids, or `{ id, type, lag }` mappings; anything else is left to the schema. */
  dependencies(map: YAMLMap): Dependency[] {
    const node = this.value(map, 'after');
    if (!node) return [];
    const seq = this.seq(node);
    const items = seq ? seq.items.map((item) => deref(this.doc, item)) : [node];
    const out: Dependency[] = [];
    for (const item of items) {
      const id = this.located(item, isNonEmptyString);
      if (id && item) {
        out.push({ value: id.value, node: id.node, source: id.source, type: 'fs', lag: 0, entry: item });
        continue;
      }
      const entry = this.map(item);
      const target = entry && this.string(entry, 'id');
      if (!entry || !target) continue;
      const type = this.oneOf(entry, 'type', ['fs', 'ss'] as const);
      const lagNode = this.value(entry, 'lag');
      out.push({
        ...target,
        type: type?.value ?? 'fs',
        lag: this.duration(lagNode, true)?.value ?? 0,
        entry,
        typeNode: this.value(entry, 'type'),
        lagNode,
      });
    }
    return out;
  }

  /** A list of strings; a single string where a list is expected is read as a one-item list. */
  strings(map: YAMLMap | undefined, key: string): Located<string>[] {
    const node = this.value(map, key);
    const out: Located<string>[] = [];
    if (!node) return out;
    const seq = this.seq(node);
    const items = seq ? seq.items.map((item) => deref(this.doc, item)) : [node];
    for (const item of items) {
      const s = this.located(item, isNonEmptyString);
      if (s) out.push(s);
    }
    return out;
  }

  mapsOf(map: YAMLMap | undefined, key: string): { seq?: YAMLSeq; maps: { map: YAMLMap; index: number }[] } {
    const seq = this.seq(this.value(map, key));
    if (!seq) return { maps: [] };
    const maps: { map: YAMLMap; index: number }[] = [];
    seq.items.forEach((item, index) => {
      const m = this.map(item);
      if (m) maps.push({ map: m, index });
    });
    return { seq, maps };
  }

  /** The `id` scalar of a declaration, when it is a non-empty string. */
  id(map: YAMLMap): Located<string> | undefined {
    return this.string(map, 'id');
  }
}

function entity<K extends EntityKind>(kind: K, id: Located<string>, node: Node, idPath: string) {
  return { kind, id: id.value, idNode: id.node, node, source: id.source, idPath };
}

/** Reads people and teams; shared by plans and imported directory files. */
export function readDirectory(source: SourceFile, root: YAMLMap | undefined, imported: boolean) {
  const r = new ModelReader(source);
  const people: Person[] = [];
  const { seq: peopleNode, maps } = r.mapsOf(root, 'people');
  for (const { map } of maps) {
    const id = r.id(map);
    if (!id) continue;
    // Entity fields written out, as in readPhase: a spread is the slow way to build thousands.
    people.push({
      kind: 'person',
      id: id.value,
      idNode: id.node,
      node: map,
      source: id.source,
      idPath: `people/${id.value}`,
      name: r.string(map, 'name'),
      role: r.string(map, 'role'),
      team: r.string(map, 'team'),
      email: r.string(map, 'email'),
      imported,
    });
  }
  const teamsNode = r.value(root, 'teams');
  const teams: Team[] = r
    .strings(root, 'teams')
    .map((t) => ({ ...entity('team', t, t.node, `teams/${t.value}`), imported }));
  const calendar = r.map(r.value(root, 'calendar'));
  const holidays = r.dates(calendar, 'holidays');
  const calendarsSeq = r.mapsOf(root, 'calendars');
  const calendars: NamedCalendar[] = [];
  for (const { map } of calendarsSeq.maps) {
    const id = r.id(map);
    if (!id) continue;
    calendars.push({
      ...entity('calendar', id, map, `calendars/${id.value}`),
      map,
      name: r.string(map, 'name'),
      workdays: r.workdays(map),
      holidays: r.dates(map, 'holidays'),
      extraWorkingDays: r.dates(map, 'extra_working_days'),
      imported,
    });
  }
  return { people, peopleNode, teams, teamsNode, holidays, calendar, calendars, calendarsNode: calendarsSeq.seq };
}

function readPhase(r: ModelReader, map: YAMLMap, index: number, id: Located<string>): Phase {
  const wave = r.number(map, 'wave');
  const actual = r.map(r.value(map, 'actual'));
  const checklist = r.mapsOf(map, 'checklist');
  const milestones = r.mapsOf(map, 'milestones');
  // One literal with every field, entity fields written out: a spread followed by fields
  // added later made V8 build each of a large plan's phases, milestones and people the slow
  // way (two thirds of buildPlan on a 20,000-line plan).
  const phase: Phase = {
    kind: 'phase',
    id: id.value,
    idNode: id.node,
    node: map,
    source: id.source,
    idPath: `phases/${id.value}`,
    map,
    index,
    name: r.string(map, 'name'),
    phaseKind: r.oneOf(map, 'kind', PHASE_KINDS),
    owner: r.string(map, 'owner'),
    start: r.date(map, 'start'),
    end: r.date(map, 'end'),
    duration: r.duration(r.value(map, 'duration'), false),
    after: r.dependencies(map),
    audiences: r.strings(map, 'audiences'),
    wave: wave && Number.isInteger(wave.value) ? wave : undefined,
    calendar: r.string(map, 'calendar'),
    actual: actual ? { map: actual, start: r.date(actual, 'start'), end: r.date(actual, 'end') } : undefined,
    checklist: [],
    checklistNode: checklist.seq,
    milestones: [],
    milestonesNode: milestones.seq,
  };
  for (const { map: item, index: i } of checklist.maps) {
    const itemId = r.id(item);
    const idPath = `${phase.idPath}/checklist/${itemId ? itemId.value : i}`;
    const doneNode = r.value(item, 'done');
    phase.checklist.push({
      entity: itemId ? entity('checklist', itemId, item, idPath) : undefined,
      map: item,
      source: id.source,
      phase,
      index: i,
      idPath,
      task: r.string(item, 'task'),
      owner: r.string(item, 'owner'),
      due: r.date(item, 'due'),
      done: r.bool(item, 'done') || r.dateOf(doneNode) !== undefined,
      doneDate: r.dateOf(doneNode),
      doneNode,
      tags: r.strings(item, 'tags'),
      refs: r.strings(item, 'refs'),
    });
  }
  for (const { map: m, index: i } of milestones.maps) {
    const mid = r.id(m);
    if (!mid) continue;
    phase.milestones.push({
      kind: 'milestone',
      id: mid.value,
      idNode: mid.node,
      node: m,
      source: mid.source,
      idPath: `${phase.idPath}/milestones/${mid.value}`,
      map: m,
      phase,
      index: i,
      name: r.string(m, 'name'),
      date: r.date(m, 'date'),
      owner: r.string(m, 'owner'),
      gate: r.bool(m, 'gate'),
      criteria: r.strings(m, 'criteria'),
      criteriaNode: r.value(m, 'criteria'),
      achieved: r.date(m, 'achieved'),
    });
  }
  return phase;
}

/** Builds the plan model of one plan file. Imported people are added by import resolution. */
export function buildPlan(source: SourceFile): Plan {
  const r = new ModelReader(source);
  const root = r.map(source.doc.contents);
  const dir = readDirectory(source, root, false);
  const plan: Plan = {
    source,
    root,
    name: r.string(root, 'name'),
    sponsor: r.string(root, 'sponsor'),
    owner: r.string(root, 'owner'),
    calendar: { workdays: [...WEEKDAYS.slice(0, 5)], holidays: dir.holidays, extraWorkingDays: [] },
    calendars: dir.calendars,
    calendarsNode: dir.calendarsNode,
    waves: [],
    imports: [],
    teams: dir.teams,
    teamsNode: dir.teamsNode,
    people: dir.people,
    peopleNode: dir.peopleNode,
    objectives: [],
    phases: [],
    integrations: [],
    customizations: [],
    risks: [],
    kpis: [],
    importedPeople: [],
    importedTeams: [],
    importedHolidays: [],
    importedCalendars: [],
  };

  const org = r.map(r.value(root, 'organization'));
  if (org) plan.organization = { map: org, name: r.string(org, 'name'), size: r.oneOf(org, 'size', ORG_SIZES) };
  const crm = r.map(r.value(root, 'crm'));
  if (crm) plan.crm = { map: crm, product: r.string(crm, 'product'), type: r.string(crm, 'type'), replaces: r.strings(crm, 'replaces') };

  if (dir.calendar) {
    plan.calendar.map = dir.calendar;
    plan.calendar.start = r.date(dir.calendar, 'start');
    plan.calendar.extraWorkingDays = r.dates(dir.calendar, 'extra_working_days');
    const workdays = r.workdays(dir.calendar);
    if (workdays) {
      plan.calendar.workdaysNode = r.value(dir.calendar, 'workdays');
      plan.calendar.workdays = workdays;
    }
  }

  const waves = r.mapsOf(root, 'waves');
  plan.wavesNode = waves.seq;
  for (const { map } of waves.maps) {
    const wave = r.number(map, 'wave');
    if (!wave || !Number.isInteger(wave.value)) continue;
    plan.waves.push({ map, wave, name: r.string(map, 'name'), calendar: r.string(map, 'calendar'), teams: r.strings(map, 'teams') });
  }

  plan.importsNode = r.value(root, 'imports');
  const importsSeq = r.seq(plan.importsNode);
  importsSeq?.items.forEach((item, index) => {
    const s = r.located(deref(source.doc, item), (v): v is string => typeof v === 'string' && v.length > 0);
    if (s) plan.imports.push({ ...s, index });
  });

  const objectives = r.mapsOf(root, 'objectives');
  plan.objectivesNode = objectives.seq;
  for (const { map } of objectives.maps) {
    const id = r.id(map);
    if (!id) continue;
    plan.objectives.push({
      ...entity('objective', id, map, `objectives/${id.value}`),
      map,
      statement: r.string(map, 'statement'),
      metric: r.string(map, 'metric'),
      baseline: r.stringOrNumber(map, 'baseline'),
      target: r.stringOrNumber(map, 'target'),
      due: r.date(map, 'due'),
      owner: r.string(map, 'owner'),
    });
  }

  const phases = r.mapsOf(root, 'phases');
  plan.phasesNode = phases.seq;
  for (const { map, index } of phases.maps) {
    const id = r.id(map);
    if (id) plan.phases.push(readPhase(r, map, index, id));
  }

  for (const { map } of r.mapsOf(root, 'integrations').maps) {
    const id = r.id(map);
    if (!id) continue;
    plan.integrations.push({
      ...entity('integration', id, map, `integrations/${id.value}`),
      map,
      system: r.string(map, 'system'),
      direction: r.string(map, 'direction'),
      owner: r.string(map, 'owner'),
    });
  }
  for (const { map } of r.mapsOf(root, 'customizations').maps) {
    const id = r.id(map);
    if (!id) continue;
    plan.customizations.push({
      ...entity('customization', id, map, `customizations/${id.value}`),
      map,
      name: r.string(map, 'name'),
      supports: r.strings(map, 'supports'),
      priority: r.oneOf(map, 'priority', CUSTOMIZATION_PRIORITIES),
      owner: r.string(map, 'owner'),
    });
  }
  for (const { map } of r.mapsOf(root, 'risks').maps) {
    const id = r.id(map);
    if (!id) continue;
    plan.risks.push({
      ...entity('risk', id, map, `risks/${id.value}`),
      map,
      description: r.string(map, 'description'),
      likelihood: r.string(map, 'likelihood'),
      impact: r.string(map, 'impact'),
      mitigation: r.string(map, 'mitigation'),
      owner: r.string(map, 'owner'),
    });
  }
  const kpis = r.mapsOf(root, 'kpis');
  plan.kpisNode = kpis.seq;
  for (const { map } of kpis.maps) {
    const id = r.id(map);
    if (!id) continue;
    plan.kpis.push({
      ...entity('kpi', id, map, `kpis/${id.value}`),
      map,
      name: r.string(map, 'name'),
      target: r.stringOrNumber(map, 'target'),
      review: r.string(map, 'review'),
      measures: r.string(map, 'measures'),
      owner: r.string(map, 'owner'),
    });
  }

  const budget = r.map(r.value(root, 'budget'));
  if (budget) {
    const lines = r.mapsOf(budget, 'lines');
    plan.budget = {
      map: budget,
      currency: r.string(budget, 'currency'),
      linesNode: lines.seq,
      lines: lines.maps.map(({ map, index }) => ({ map, index, category: r.string(map, 'category'), amount: r.number(map, 'amount') })),
    };
  }

  const gov = r.map(r.value(root, 'governance'));
  if (gov) {
    plan.governance = {
      map: gov,
      crmOwner: r.string(gov, 'crm_owner'),
      changeControl: r.string(gov, 'change_control'),
      dataStewards: r.strings(gov, 'data_stewards'),
      dataStewardsNode: r.value(gov, 'data_stewards'),
      retention: r.string(gov, 'retention'),
    };
  }
  return plan;
}

/** Every checklist item of the plan, in file order. */
export function allChecklistItems(plan: Plan): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const phase of plan.phases) pushAll(items, phase.checklist);
  return items;
}

/** Every milestone of the plan, in file order. */
export function allMilestones(plan: Plan): Milestone[] {
  const milestones: Milestone[] = [];
  for (const phase of plan.phases) pushAll(milestones, phase.milestones);
  return milestones;
}

/** All people visible to the plan: its own, then imported ones. */
export function allPeople(plan: Plan): Person[] {
  return [...plan.people, ...plan.importedPeople];
}

export function allTeams(plan: Plan): Team[] {
  return [...plan.teams, ...plan.importedTeams];
}

/** The key scalar of `key` in a map, for findings about a key rather than its value. */
export function keyNodeOf(source: SourceFile, map: YAMLMap, key: string): Scalar | undefined {
  const pair = pairOf(source.doc, map, key);
  return isScalar(pair?.key) ? pair.key : undefined;
}
