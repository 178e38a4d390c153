import * as nodePath from 'node:path';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver';
import { isCollection, isPair, isScalar, visit, type Node } from 'yaml';
import { isoFromDay } from '../engine/calendar';
import type { Entity, EntityKind, Plan } from '../engine/model';
import { directoryOccurrences } from '../engine/occurrences';
import type { Schedule } from '../engine/schedule';
import { lineEndOffset, lineStartOffset, nodeOffsets, positionAt, rangeFromOffsets, type SourceFile } from '../engine/source';
import type { Analysis } from './project';

/**
 * The outline (phases with their milestones and checklist, then the other sections),
 * folding ranges for every multi-line mapping, list and comment block, and workspace
 * symbols: the ids declared by every plan the server knows.
 */

const SYMBOL_KINDS: Record<EntityKind, SymbolKind> = {
  person: SymbolKind.Object,
  team: SymbolKind.Namespace,
  objective: SymbolKind.Constant,
  phase: SymbolKind.Module,
  milestone: SymbolKind.Event,
  checklist: SymbolKind.Field,
  integration: SymbolKind.Interface,
  customization: SymbolKind.Class,
  risk: SymbolKind.Boolean,
  kpi: SymbolKind.Number,
  calendar: SymbolKind.Enum,
};

/** Offsets of a node without the line break and blank lines that may end a block's range. */
function trimmedOffsets(source: SourceFile, node: Node | null | undefined): [number, number] | undefined {
  const offsets = nodeOffsets(node);
  if (!offsets) return undefined;
  let end = offsets[1];
  while (end > offsets[0] && /\s/.test(source.text[end - 1])) end--;
  return [offsets[0], end];
}

function symbol(source: SourceFile, name: string, kind: SymbolKind, whole: Node | null | undefined, selection: Node | null | undefined, detail?: string, children?: DocumentSymbol[]): DocumentSymbol | undefined {
  const range = trimmedOffsets(source, whole);
  const selected = trimmedOffsets(source, selection) ?? range;
  if (!range || !selected) return undefined;
  // The selection must lie inside the range (a merged key can come from elsewhere in the file).
  const start = Math.min(range[0], selected[0]);
  const end = Math.max(range[1], selected[1]);
  return {
    name,
    kind,
    detail,
    range: rangeFromOffsets(source, start, end),
    selectionRange: rangeFromOffsets(source, selected[0], selected[1]),
    children,
  };
}

function compact<T>(items: (T | undefined)[]): T[] {
  return items.filter((i): i is T => i !== undefined);
}

/** The key scalar of a top-level section, so a section symbol can be selected by its key. */
function sectionKey(plan: Plan, key: string): { key: Node; pairStart: number; value: Node } | undefined {
  const pair = plan.root?.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key) || !pair.value) return undefined;
  return { key: pair.key, pairStart: pair.key.range?.[0] ?? 0, value: pair.value as Node };
}

function section(plan: Plan, key: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol | undefined {
  const found = sectionKey(plan, key);
  if (!found || children.length === 0) return undefined;
  const source = plan.source;
  const range = trimmedOffsets(source, found.value);
  const keyRange = nodeOffsets(found.key);
  if (!range || !keyRange) return undefined;
  return {
    name: key,
    kind,
    range: rangeFromOffsets(source, keyRange[0], Math.max(range[1], keyRange[1])),
    selectionRange: rangeFromOffsets(source, keyRange[0], keyRange[1]),
    children,
  };
}

function windowDetail(schedule: Schedule | undefined, entity: Entity): string | undefined {
  const phase = schedule?.phaseById.get(entity.id);
  const window = phase ? schedule?.windowOf(phase) : undefined;
  return window ? `${isoFromDay(window.start)} → ${isoFromDay(window.end)}` : undefined;
}

function planSymbols(plan: Plan, schedule: Schedule | undefined): DocumentSymbol[] {
  const source = plan.source;
  const own = <T extends Entity>(items: readonly T[]) => items.filter((e) => e.source === source);
  const entity = (e: Entity, detail?: string, children?: DocumentSymbol[]) => symbol(source, e.id, SYMBOL_KINDS[e.kind], e.node, e.idNode, detail, children);
  const phases = plan.phases.map((phase) => {
    const milestones = compact(phase.milestones.map((m) => entity(m, m.name?.value)));
    const items = compact(
      phase.checklist.map((c, i) => symbol(source, c.task?.value ?? c.entity?.id ?? `item ${i + 1}`, SymbolKind.Field, c.map, c.entity?.idNode ?? c.task?.node ?? c.map, c.done ? 'done' : c.tags.map((t) => t.value).join(', ') || undefined)),
    );
    const checklistKey = phase.checklistNode ? phase.map.items.find((p) => p.value === phase.checklistNode)?.key : undefined;
    const checklist = items.length > 0 ? symbol(source, 'checklist', SymbolKind.Array, phase.checklistNode, isScalar(checklistKey) ? checklistKey : phase.checklistNode, `${phase.checklist.filter((c) => c.done).length}/${phase.checklist.length} done`, items) : undefined;
    const detail = [phase.name?.value, windowDetail(schedule, phase)].filter(Boolean).join(' · ') || undefined;
    return entity(phase, detail, compact([...milestones, checklist]));
  });
  return compact([
    section(plan, 'people', SymbolKind.Namespace, compact(own(plan.people).map((p) => entity(p, p.name?.value)))),
    section(plan, 'teams', SymbolKind.Namespace, compact(own(plan.teams).map((t) => entity(t)))),
    section(plan, 'objectives', SymbolKind.Namespace, compact(plan.objectives.map((o) => entity(o, o.statement?.value)))),
    section(plan, 'phases', SymbolKind.Namespace, compact(phases)),
    section(plan, 'integrations', SymbolKind.Namespace, compact(plan.integrations.map((i) => entity(i, i.system?.value)))),
    section(plan, 'customizations', SymbolKind.Namespace, compact(plan.customizations.map((c) => entity(c, c.name?.value)))),
    section(plan, 'risks', SymbolKind.Namespace, compact(plan.risks.map((r) => entity(r, r.description?.value)))),
    section(plan, 'kpis', SymbolKind.Namespace, compact(plan.kpis.map((k) => entity(k, k.name?.value)))),
  ]);
}

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { result } = analysis;
  if (result.plan) return planSymbols(result.plan, result.schedule);
  if (result.role === 'directory' && result.source.doc.contents) {
    return compact(directoryOccurrences(result.source).map((o) => o.entity && symbol(result.source, o.id, SYMBOL_KINDS[o.entity.kind], o.entity.node, o.node)));
  }
  return [];
}

/** Folds every mapping or list spanning lines (from its key's line) and every run of two or more comment lines. */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const source = analysis.result.source;
  const ranges: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    const id = `${startLine}:${endLine}`;
    if (endLine > startLine && !seen.has(id)) {
      seen.add(id);
      ranges.push({ startLine, endLine, kind });
    }
  };
  if (source.doc.contents) {
    visit(source.doc, (_, node, path) => {
      // The whole document is not a useful fold.
      if (!isCollection(node) || node === source.doc.contents) return;
      const offsets = trimmedOffsets(source, node);
      if (!offsets) return;
      const parent = path[path.length - 1];
      const startOffset = isPair(parent) && parent.value === node ? ((parent.key as Node | null)?.range?.[0] ?? offsets[0]) : offsets[0];
      add(positionAt(source, startOffset).line, positionAt(source, offsets[1]).line);
    });
  }
  const lineCount = source.lineCounter.lineStarts.length;
  let commentStart: number | undefined;
  for (let line = 0; line <= lineCount; line++) {
    const isComment = line < lineCount && source.text.slice(lineStartOffset(source, line), lineEndOffset(source, line)).trimStart().startsWith('#');
    if (isComment && commentStart === undefined) commentStart = line;
    if (!isComment && commentStart !== undefined) {
      add(commentStart, line - 1, FoldingRangeKind.Comment);
      commentStart = undefined;
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}

/** The human name of an entity, whichever field holds it for its kind. */
function nameOf(e: Entity): string | undefined {
  // Entities of different kinds name themselves in different optional fields; read whichever exists.
  const named = e as Partial<Record<'name' | 'statement' | 'system' | 'description', { value: string }>>;
  return named.name?.value ?? named.statement?.value ?? named.system?.value ?? named.description?.value;
}

/** Whether every character of the query appears in the name in order, ignoring case (what editors call fuzzy). */
function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) if (i < q.length && ch === q[i]) i++;
  return i === q.length;
}

export function workspaceSymbols(plans: readonly Analysis[], query: string, uriOf: (path: string) => string, limit = 500): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const seen = new Set<string>();
  for (const analysis of plans) {
    const plan = analysis.result.plan;
    if (!plan) continue;
    const container = plan.name?.value ?? nodePath.basename(analysis.path);
    const entities: Entity[] = [...plan.people, ...plan.teams, ...plan.objectives, ...plan.phases, ...plan.phases.flatMap((p) => p.milestones), ...plan.integrations, ...plan.customizations, ...plan.risks, ...plan.kpis, ...plan.importedPeople, ...plan.importedTeams];
    for (const e of entities) {
      const name = nameOf(e);
      if (query && !fuzzyMatch(query, name ? `${e.id} ${name}` : e.id)) continue;
      const offsets = nodeOffsets(e.idNode);
      if (!offsets) continue;
      const id = `${e.source.path}:${offsets[0]}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        name: e.id,
        kind: SYMBOL_KINDS[e.kind],
        containerName: e.source === plan.source ? container : nodePath.basename(e.source.path),
        location: { uri: uriOf(e.source.path), range: rangeFromOffsets(e.source, offsets[0], offsets[1]) },
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
