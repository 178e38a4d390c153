import { isNode, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { addToListKey, appendSeqItem, contentEnd, eolOf, flowMapText, insertMapEntry, insertSeqItemBefore, insertTopLevelKey, replaceNode, scalarText } from './edits';
import { entityIndex } from './entities';
import type { Phase, Plan } from './model';
import type { PhaseKind } from './vocabulary';
import { lineStartOffset, positionAt, type SourceFile } from './source';
import type { TextEdit } from './types';
import { keysOf, pairOf } from './yamlNodes';

/**
 * Plan-aware insertions for quick fixes: top-level keys in plan-format order, governance
 * entries, checklist items and phase skeletons. Generic splicing lives in edits.ts; this knows
 * where things go in a plan. No edit here ever writes a second copy of a key: a present key with
 * a value of the wrong type is the schema's to report, so the edit is undefined instead.
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
  if (!plan.root) return undefined;
  const earlier = new Set<string>(TOP_LEVEL_ORDER.slice(0, TOP_LEVEL_ORDER.indexOf(key)));
  const anchor = keysOf(plan.root)
    .map((k) => k.name)
    .filter((name) => earlier.has(name))
    .pop();
  return insertTopLevelKey(plan.source, key, valueText, anchor);
}

export function hasGovernanceEntry(plan: Plan, key: string): boolean {
  return plan.governance !== undefined && pairOf(plan.source.doc, plan.governance.map, key) !== undefined;
}

/**
 * Sets `governance.<key>` to `valueText`, which must stay one value in flow context too (see
 * `scalarText`). An empty value (`key:`, `key: ""` or `key: []`) is filled in place; a missing
 * key is added to `governance`, and a missing `governance` is created after the keys that precede
 * it as `governance: { key: value }`: one line that is valid YAML whether the root mapping is
 * written in block or flow style. Undefined when `governance` or the key holds something that
 * cannot safely take the value (the schema reports that).
 */
export function setGovernanceEntry(plan: Plan, key: string, valueText: string): TextEdit | undefined {
  const source = plan.source;
  if (!plan.governance) return insertTopLevel(plan, 'governance', `{ ${key}: ${valueText} }`);
  const pair = pairOf(source.doc, plan.governance.map, key);
  if (!pair) return insertMapEntry(source, plan.governance.map, key, valueText);
  const value = pair.value;
  const empty = (isSeq(value) && value.items.length === 0) || (isScalar(value) && (value.value === null || value.value === ''));
  if (!empty || !value?.range) return undefined;
  const edit = replaceNode(value, valueText);
  // A null value has no text of its own: `key:` needs a space before what is written after it.
  return edit.start === edit.end && source.text[edit.start - 1] === ':' ? { ...edit, newText: ` ${valueText}` } : edit;
}

/**
 * Inserts `itemText` into `phase`'s checklist before the item at `beforeIndex` (appends when it
 * is undefined or past the end, and always in a flow list), creating `checklist: [item]` when
 * the phase has none. Undefined when `checklist` holds something other than a list.
 */
export function insertChecklistItem(phase: Phase, itemText: string, beforeIndex?: number): TextEdit | undefined {
  const seq = phase.checklistNode;
  if (seq && beforeIndex !== undefined && beforeIndex < seq.items.length) return insertSeqItemBefore(phase.source, seq, beforeIndex, itemText);
  return addToListKey(phase.source, phase.map, 'checklist', seq, itemText);
}

/** An id no declaration in the plan (imports included) uses yet: `base`, else `base-2`, `base-3`... */
export function unusedId(plan: Plan, base: string): string {
  const taken = entityIndex(plan);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export interface PhaseSkeleton {
  id: string;
  name: string;
  kind: PhaseKind;
  after?: string;
  duration: string;
}

function skeletonEntries(s: PhaseSkeleton): Record<string, string | string[]> {
  return { id: s.id, name: s.name, kind: s.kind, ...(s.after ? { after: [s.after] } : {}), duration: s.duration };
}

/** The skeleton as block-map lines: `id: x`, `name: X`... */
function blockMapLines(s: PhaseSkeleton): string[] {
  return Object.entries(skeletonEntries(s)).map(([key, value]) =>
    Array.isArray(value) ? `${key}: [${value.map(scalarText).join(', ')}]` : `${key}: ${scalarText(value)}`,
  );
}

function lineText(source: SourceFile, line: number): string {
  return source.text.slice(lineStartOffset(source, line), lineStartOffset(source, line + 1));
}

/**
 * Where a new block item goes so that it lands before the item starting on `line`: right after
 * the previous item, above the blank lines and comments (at most as indented as the dashes)
 * that introduce the next one, so a heading comment such as `# ---- wave 2` stays with the
 * items it heads and the new phase joins the group it follows in the lifecycle.
 */
function insertionLine(source: SourceFile, line: number, dashColumn: number): number {
  let at = line;
  while (at > 0) {
    const text = lineText(source, at - 1);
    const trimmed = text.trim();
    const indent = text.length - text.trimStart().length;
    if (trimmed === '' || (trimmed.startsWith('#') && indent <= dashColumn)) at--;
    else break;
  }
  return at;
}

/**
 * Inserts a phase into `plan.phases` before the item at `beforeIndex` (or at the end when
 * undefined), written like its neighbours: a flow map `{ id: ..., ... }` when the neighbour is
 * one or the list is a flow list, else a block map. Creates a block `phases:` list when the plan
 * has none. Undefined when `phases` holds something other than a list.
 */
export function insertPhase(plan: Plan, skeleton: PhaseSkeleton, beforeIndex?: number): TextEdit | undefined {
  const source = plan.source;
  const eol = eolOf(source);
  const seq = plan.phasesNode;
  // edits.ts re-indents and converts line breaks itself, so this text uses plain `\n`.
  if (!seq) return insertTopLevelKey(source, 'phases', `  - ${blockMapLines(skeleton).join('\n    ')}`);
  const flowItem = flowMapText(skeletonEntries(skeleton));
  const target = beforeIndex === undefined ? undefined : (seq.items[beforeIndex] as { range?: [number, number, number] } | undefined);
  if (seq.flow) {
    if (!target?.range) return appendSeqItem(source, seq, flowItem);
    return { start: target.range[0], end: target.range[0], newText: `${flowItem}, ` };
  }
  const neighbourIndex = beforeIndex === undefined ? seq.items.length - 1 : Math.max(0, beforeIndex - 1);
  const neighbour = seq.items[neighbourIndex] as { flow?: boolean } | undefined;
  const dashColumn = positionAt(source, seq.range?.[0] ?? 0).character;
  const dashIndent = ' '.repeat(dashColumn);
  const body = neighbour?.flow ? flowItem : blockMapLines(skeleton).join(`${eol}${dashIndent}  `);
  const itemText = `${dashIndent}- ${body}`;
  if (target?.range) {
    const at = lineStartOffset(source, insertionLine(source, positionAt(source, target.range[0]).line, dashColumn));
    return { start: at, end: at, newText: `${itemText}${eol}` };
  }
  // Append on the line after the last item's content, before any trailing blank lines (a
  // keep-chomping block scalar's own blank lines excepted: they are its value).
  const end = contentEnd(source, seq);
  const at = source.text[end - 1] === '\n' ? end : lineStartOffset(source, positionAt(source, end).line + 1);
  const unterminated = at === source.text.length && !source.text.endsWith('\n');
  return { start: at, end: at, newText: unterminated ? `${eol}${itemText}` : `${itemText}${eol}` };
}

/**
 * Sets `key` to `valueText` in `map`: replaces its own value, else inserts the key. A value that
 * only comes through a `<<` merge is overridden by a new key rather than edited in the anchor,
 * which other entries share.
 */
export function setMapEntry(source: SourceFile, map: YAMLMap, key: string, valueText: string): TextEdit {
  const own = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  const value = own?.value;
  if (!own) return insertMapEntry(source, map, key, valueText);
  // A bare key without any value node (`{ task: T, done }`) gets its value written after it.
  if (!isNode(value) || !value.range) return replaceNode(own.key as Scalar, `${key}: ${valueText}`);
  const edit = replaceNode(value, valueText);
  // An empty `done:` has a zero-width value, right after the colon or at a trailing comment:
  // keep `done: true` a key and value, and `# ...` a comment.
  if (edit.start === edit.end) {
    const text = source.text;
    if (!/\s/.test(text[edit.start - 1] ?? ' ')) edit.newText = ` ${edit.newText}`;
    if (text[edit.start] === '#') edit.newText += ' ';
  }
  return edit;
}
