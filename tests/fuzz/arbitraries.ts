import fc from 'fast-check';
import { Document, stringify, visit } from 'yaml';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';

/**
 * Generators for the fuzz suite: plans shaped by the plan schema (valid, and mutated into
 * invalid ones), arbitrary bytes, and random edits of real plans. Everything is linted with
 * every rule on (`extends: all`) and a fixed as-of date, so date rules run too.
 */

export const PLAN_PATH = '/fuzz/plan.rollout.yaml';
const fs = new MemoryFileSystem({ '/fuzz/.crm-rollout.yaml': 'extends: all\n', '/fuzz/people.yaml': 'people:\n  - { id: pat, name: Pat Lee }\n' });

export function lint(text: string): Finding[] {
  return lintText(PLAN_PATH, text, { fs, asOf: '2027-03-01' }).findings;
}

const ID_WORDS = ['dana', 'priya', 'sam', 'discovery', 'design', 'build', 'uat', 'erp', 'risk', 'kpi', 'x'];
const id = fc.tuple(fc.constantFrom(...ID_WORDS), fc.integer({ min: 0, max: 3 })).map(([w, n]) => (n === 0 ? w : `${w}-${n}`));
const date = fc.tuple(fc.integer({ min: 2026, max: 2028 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(
  ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
);
const text = fc.constantFrom('Workshops with sales, service and marketing', 'Back up the legacy database', 'Trial migration', 'UAT with champions', 'Train the trainers', 'Go/no-go', 'Reconcile record counts', 'ümlaut ✓ 🚀');
const tag = fc.constantFrom(
  'stakeholders', 'requirements', 'process-mapping', 'design', 'access-roles', 'data-audit', 'data-cleansing', 'data-mapping', 'backup', 'test-migration',
  'final-migration', 'validation', 'functional-test', 'integration-test', 'uat', 'training', 'communication', 'champions', 'feedback', 'support',
  'rollback', 'kpi-review', 'x-own', 'trainng',
);
const kind = fc.constantFrom('planning', 'design', 'configuration', 'data-migration', 'testing', 'training', 'go-live', 'support', 'optimization');
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const checklistItem = fc.record(
  { task: text, id: opt(id), owner: opt(id), due: opt(date), done: opt(fc.boolean()), tags: opt(fc.array(tag, { maxLength: 3 })), refs: opt(fc.array(id, { maxLength: 2 })) },
  { requiredKeys: ['task'] },
);
const milestone = fc.record(
  { id, name: text, date: opt(date), owner: opt(id), gate: opt(fc.boolean()), criteria: opt(fc.array(text, { maxLength: 2 })) },
  { requiredKeys: ['id', 'name'] },
);
const phase = fc.record(
  {
    id,
    name: text,
    kind,
    owner: opt(id),
    start: opt(date),
    end: opt(date),
    duration: opt(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('d', 'w')).map(([n, u]) => `${n}${u}`)),
    after: opt(fc.array(id, { maxLength: 2 })),
    wave: opt(fc.integer({ min: 1, max: 3 })),
    audiences: opt(fc.array(fc.constantFrom('sales', 'service', 'it'), { maxLength: 2 })),
    checklist: opt(fc.array(checklistItem, { maxLength: 4 })),
    milestones: opt(fc.array(milestone, { maxLength: 2 })),
  },
  { requiredKeys: ['id', 'name', 'kind'] },
);

/** A plan object as the schema describes it: every value of the right type and form. */
export const planObject = fc.record(
  {
    plan: fc.constant(1),
    name: text,
    organization: opt(fc.record({ name: text, size: fc.constantFrom('small', 'mid', 'enterprise') })),
    crm: opt(fc.record({ product: opt(text), type: fc.constantFrom('operational', 'analytical'), replaces: opt(fc.array(text, { maxLength: 2 })) }, { requiredKeys: ['type'] })),
    sponsor: opt(id),
    owner: opt(id),
    calendar: opt(fc.record({ start: opt(date), holidays: opt(fc.array(date, { maxLength: 3 })) }, { requiredKeys: [] })),
    imports: opt(fc.constantFrom(['people.yaml'], ['missing.yaml'], ['people.yaml', 'people.yaml'])),
    teams: opt(fc.array(fc.constantFrom('sales', 'service', 'it'), { maxLength: 3 })),
    people: opt(fc.array(fc.record({ id, name: text }), { maxLength: 4 })),
    objectives: opt(fc.array(fc.record({ id, statement: text, metric: opt(text), baseline: opt(fc.integer()), target: opt(fc.integer()), due: opt(date), owner: opt(id) }, { requiredKeys: ['id', 'statement'] }), { maxLength: 2 })),
    phases: opt(fc.array(phase, { maxLength: 6 })),
    integrations: opt(fc.array(fc.record({ id, system: text, owner: opt(id) }, { requiredKeys: ['id', 'system'] }), { maxLength: 2 })),
    risks: opt(fc.array(fc.record({ id, description: text, likelihood: fc.constantFrom('low', 'high'), impact: fc.constantFrom('low', 'high'), owner: opt(id) }, { requiredKeys: ['id', 'description'] }), { maxLength: 2 })),
    kpis: opt(fc.array(fc.record({ id, name: text, target: opt(text), review: opt(fc.constantFrom('weekly', 'monthly')), owner: opt(id) }, { requiredKeys: ['id', 'name'] }), { maxLength: 2 })),
    budget: opt(fc.record({ currency: fc.constant('USD'), lines: fc.array(fc.record({ category: fc.constantFrom('licenses', 'training', 'support'), amount: fc.integer({ min: 0, max: 90000 }) }), { maxLength: 3 }) })),
    governance: opt(fc.record({ crm_owner: opt(id), change_control: opt(text), data_stewards: opt(fc.array(id, { maxLength: 2 })) }, { requiredKeys: [] })),
  },
  { requiredKeys: ['plan', 'name'] },
);

/**
 * Plan text as people write it: block style, or block sections whose entries are flow
 * mappings and lists (`- { task: ..., tags: [a, b] }`), as in the samples.
 */
export const planText = fc.tuple(planObject, fc.boolean()).map(([plan, mixed]) => {
  const doc = new Document(plan);
  if (mixed) {
    visit(doc, {
      Map: (_, node, path) => void (path.length > 3 && (node.flow = true)),
      Seq: (_, node, path) => void (path.length > 3 && (node.flow = true)),
    });
  }
  return doc.toString({ lineWidth: 0 });
});

/** A whole plan in one flow mapping (`{ plan: 1, name: ... }`): legal YAML, rarely written. */
export const flowPlanText = planObject.map((plan) => stringify(plan, { collectionStyle: 'flow', lineWidth: 0 }));

type Mutation = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'replace'; at: number; length: number; text: string };

/** Snippets that break plans in the ways people do: bad indentation, stray syntax, typos, anchors. */
const SNIPPETS = ['\n', ' ', '  ', '\t', '- ', ': ', '#', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '<<: *a\n', 'mielstones:', 'kind: planing', '\u00e9', '🚀', '\r\n', 'x', '-1', 'null', '~'];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }), text: fc.constantFrom(...SNIPPETS) }),
);

export function applyMutation(source: string, m: Mutation): string {
  const at = source.length === 0 ? 0 : m.at % (source.length + 1);
  if (m.kind === 'insert') return source.slice(0, at) + m.text + source.slice(at);
  if (m.kind === 'delete') return source.slice(0, at) + source.slice(at + m.length);
  return source.slice(0, at) + m.text + source.slice(at + m.length);
}

/** A text with random edits applied in turn, as typing would leave it at any moment. */
export function editedText(base: fc.Arbitrary<string>, maxEdits = 5): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: maxEdits })).map(([text, edits]) => edits.reduce(applyMutation, text));
}

/** Mutated plans: schema-shaped plans with a few edits, mostly invalid somewhere. */
export const mutatedPlanText = editedText(planText);
