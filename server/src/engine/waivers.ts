import { isScalar, type Node, type YAMLMap } from 'yaml';
import planSchema from '../../../schemas/plan.schema.json';
import { dayFromIso, isoFromDay } from './calendar';
import { CORE_RULES } from './coreRules';
import { formatMessage } from './messages';
import { nodeOffsets, rangeFromOffsets, type SourceFile } from './source';
import { closest } from './suggest';
import type { Finding, Fix } from './types';
import { asMap, asSeq, deref, keysOf, valueOf } from './yamlNodes';

/**
 * `x-waivers:` in a plan: findings a team accepts on purpose, each with an audit trail.
 *
 * ```yaml
 * x-waivers:
 *   - { rule: owner-overload, target: priya, reason: Priya leads two small phases, owner: dana, until: 2027-06-30 }
 * ```
 *
 * Decisions (the plan schema leaves `x-` keys free, so the format is defined here):
 * - `rule` (a rule id), `target`, `reason` and `owner` are required; `until` (YYYY-MM-DD) is
 *   optional, and a waiver without it never expires.
 * - `target` names what the waiver covers: an id (`uat`) or an idPath (`phases/uat/checklist/2`,
 *   `governance/crm_owner`). It covers findings of its rule whose idPath is the target, lies
 *   under it (`phases/uat` covers `phases/uat/checklist/2`), or, for a bare id, names that id
 *   as one of its entity segments. Findings without an idPath (syntax, schema) cannot be
 *   waived; a `# crm-rollout-disable-next-line` comment silences those.
 * - A waiver expires when its `until` is before the as-of date; it holds through that day. An
 *   expired waiver silences nothing: its findings come back and the waiver itself is a
 *   `waiver-expired` finding at its `until`. The caller picks the as-of date (lintText: the
 *   `asOf` option, else today).
 * - A malformed waiver (missing or empty field, unknown field, unknown rule, an owner that is
 *   not a declared person or team, a target that names nothing in the plan, a bad date)
 *   silences nothing and is a `waiver-invalid` finding at the offending node.
 * - A waiver covers every matching finding, however many.
 */

const WAIVERS_KEY = 'x-waivers';
const FIELDS = ['rule', 'target', 'reason', 'owner', 'until'] as const;
const REQUIRED = ['rule', 'target', 'reason', 'owner'] as const;
type Field = (typeof FIELDS)[number];

const MISSING_HINTS: Record<(typeof REQUIRED)[number], string> = {
  rule: 'name the rule id it silences',
  target: 'name the id or idPath of what it silences, for example "phases/uat"',
  reason: 'say why the finding is accepted, for the audit trail',
  owner: 'name the person accountable for it',
};

/** Top-level plan keys: what an idPath target starts with. */
const PLAN_KEYS: readonly string[] = Object.keys(planSchema.properties);
/** Top-level lists whose idPaths continue with a declared id (`phases/<id>/...`). */
const ID_COLLECTIONS = new Set(['people', 'teams', 'objectives', 'phases', 'integrations', 'customizations', 'risks', 'kpis']);

interface Waiver {
  rule: string;
  target: string;
  reason: string;
  owner: string;
  until?: string;
  /** The waiver's mapping in the plan. */
  node: YAMLMap;
  /** Position in the `x-waivers` list. */
  index: number;
}

export interface WaivedFinding {
  finding: Finding;
  waiver: Waiver;
}

interface WaiverContext {
  /** Every rule id a waiver may name. */
  ruleIds: ReadonlySet<string>;
  /** Ids declared in the plan and its imports. */
  declaredIds: ReadonlySet<string>;
  /** Ids of declared people and teams: who may own a waiver. */
  owners: ReadonlySet<string>;
  /** Day number waivers expire against. */
  asOfDay: number;
}

interface WaiverResult {
  /** Findings no valid, current waiver covers. */
  kept: Finding[];
  waived: WaivedFinding[];
  /** `waiver-invalid` and `waiver-expired` findings about the waivers themselves. */
  findings: Finding[];
}

/** Does a waiver target cover a finding's idPath? */
export function targetCovers(target: string, idPath: string): boolean {
  if (idPath === target || idPath.startsWith(`${target}/`)) return true;
  if (target.includes('/')) return false;
  // `phases/uat/checklist/backup` has entity ids at odd positions: `uat`, `backup`.
  return idPath.split('/').some((segment, i) => i % 2 === 1 && segment === target);
}

const TEMPLATES = new Map(CORE_RULES.filter((m) => m.id.startsWith('waiver-')).map((m) => [m.id, m.messages]));

function waiverFinding(
  source: SourceFile,
  ruleId: 'waiver-invalid' | 'waiver-expired',
  messageId: string,
  data: Record<string, string>,
  node: Node | undefined,
  fixes?: Fix[],
): Finding {
  const offsets = nodeOffsets(node) ?? [0, 0];
  return {
    ruleId,
    messageId,
    severity: 'warning',
    message: formatMessage(TEMPLATES.get(ruleId)?.[messageId] ?? messageId, data),
    file: source.path,
    range: rangeFromOffsets(source, offsets[0], offsets[1]),
    offsets,
    fixes,
    data,
  };
}

function suggestion(word: string, candidates: Iterable<string>): { text: string; value?: string } {
  const value = closest(word, candidates);
  return { text: value ? `; did you mean "${value}"?` : '', value };
}

/** A target that can name nothing in this plan, with the closest id or key. */
function unknownTarget(target: string, context: WaiverContext): { text: string } | undefined {
  const [head, id] = target.split('/');
  if (id === undefined) {
    if (context.declaredIds.has(head) || PLAN_KEYS.includes(head)) return undefined;
    return suggestion(head, context.declaredIds);
  }
  if (!PLAN_KEYS.includes(head)) return suggestion(head, PLAN_KEYS);
  if (ID_COLLECTIONS.has(head) && !context.declaredIds.has(id)) return suggestion(id, context.declaredIds);
  return undefined;
}

function scalarText(node: Node | undefined): string | undefined {
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) return undefined;
  const text = String(node.value).trim();
  return text === '' ? undefined : text;
}

/** Checks one `x-waivers` entry; returns the waiver when it is valid, else reports why not. */
function readWaiver(source: SourceFile, item: unknown, index: number, context: WaiverContext, problems: Finding[]): Waiver | undefined {
  const doc = source.doc;
  const map = asMap(doc, item);
  const invalid = (messageId: string, data: Record<string, string>, node: Node | undefined, fixes?: Fix[]) =>
    problems.push(waiverFinding(source, 'waiver-invalid', messageId, data, node, fixes));
  if (!map) {
    invalid('notAMapping', {}, deref(doc, item));
    return undefined;
  }
  const before = problems.length;
  for (const { name, node } of keysOf(map)) {
    if (!(FIELDS as readonly string[]).includes(name)) invalid('unknownField', { field: name, suggestion: suggestion(name, FIELDS).text }, node);
  }
  const nodes = Object.fromEntries(FIELDS.map((f) => [f, valueOf(doc, map, f)])) as Record<Field, Node | undefined>;
  const values = Object.fromEntries(FIELDS.map((f) => [f, scalarText(nodes[f])])) as Record<Field, string | undefined>;
  // A missing field is reported at the waiver's rule, else its target, else the whole entry.
  const anchor = nodes.rule ?? nodes.target ?? map;
  for (const field of REQUIRED) {
    if (values[field] === undefined) invalid('missingField', { field, hint: MISSING_HINTS[field] }, nodes[field] ?? anchor);
  }
  const { rule, target, reason, owner, until } = values;
  if (rule !== undefined && !context.ruleIds.has(rule)) {
    const hint = suggestion(rule, context.ruleIds);
    const offsets = nodeOffsets(nodes.rule);
    // A suggestion, not a fix: the replacement changes which findings the waiver silences.
    const fixes: Fix[] | undefined = hint.value && offsets ? [{ title: `replace with "${hint.value}"`, edits: [{ start: offsets[0], end: offsets[1], newText: hint.value }], kind: 'suggestion' }] : undefined;
    invalid('unknownRule', { rule, suggestion: hint.text || '; use a rule id listed in docs/rules' }, nodes.rule, fixes);
  }
  const targetHint = target === undefined ? undefined : unknownTarget(target, context);
  if (target !== undefined && targetHint) invalid('unknownTarget', { target, suggestion: targetHint.text }, nodes.target);
  if (owner !== undefined && !context.owners.has(owner)) invalid('unknownOwner', { owner, suggestion: suggestion(owner, context.owners).text }, nodes.owner);
  if (until !== undefined && dayFromIso(until) === undefined) invalid('badDate', { until }, nodes.until);
  if (problems.length > before || rule === undefined || target === undefined || reason === undefined || owner === undefined) return undefined;
  return { rule, target, reason, owner, until, node: map, index };
}

/** Reads `x-waivers` from the plan and splits the findings into kept and waived. */
export function applyWaivers(source: SourceFile, findings: readonly Finding[], context: WaiverContext): WaiverResult {
  const root = asMap(source.doc, source.doc.contents);
  const listNode = valueOf(source.doc, root, WAIVERS_KEY);
  if (listNode === undefined || (isScalar(listNode) && listNode.value === null)) return { kept: [...findings], waived: [], findings: [] };
  const problems: Finding[] = [];
  const list = asSeq(source.doc, listNode);
  if (!list) {
    problems.push(waiverFinding(source, 'waiver-invalid', 'notAList', {}, listNode));
    return { kept: [...findings], waived: [], findings: problems };
  }
  const active: Waiver[] = [];
  list.items.forEach((item, index) => {
    const waiver = readWaiver(source, item, index, context, problems);
    if (!waiver) return;
    const { until } = waiver;
    const untilDay = until === undefined ? undefined : dayFromIso(until);
    if (until !== undefined && untilDay !== undefined && untilDay < context.asOfDay) {
      const data = { rule: waiver.rule, target: waiver.target, until, asOf: isoFromDay(context.asOfDay), owner: waiver.owner };
      problems.push(waiverFinding(source, 'waiver-expired', 'expired', data, valueOf(source.doc, waiver.node, 'until')));
      return;
    }
    active.push(waiver);
  });
  const kept: Finding[] = [];
  const waived: WaivedFinding[] = [];
  for (const f of findings) {
    const idPath = f.idPath;
    const waiver = idPath === undefined ? undefined : active.find((w) => w.rule === f.ruleId && targetCovers(w.target, idPath));
    if (waiver) waived.push({ finding: f, waiver });
    else kept.push(f);
  }
  return { kept, waived, findings: problems };
}
