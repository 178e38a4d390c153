import type { YAMLMap, YAMLSeq } from 'yaml';
import { addToListKey, appendSeqItem, eolOf, insertTopLevelKey, scalarText } from '../edits';
import { declaredEntities } from '../entities';
import type { PhaseKind, Plan } from '../model';
import { lineStartOffset, type SourceFile } from '../source';
import type { TextEdit } from '../types';
import { pairOf } from '../yamlNodes';

/**
 * Edits shared by the lifecycle rules' quick fixes: a new phase placed in the `phases` list in
 * the style of its neighbours, and a new entry in a phase's own list (checklist, milestones,
 * audiences). Generic splicing lives in edits.ts; this adds what only phases need.
 */

/**
 * A scalar that stays one value inside `{ … }` or `[ … ]`. `scalarText` leaves text such as
 * `Sales, service setup` plain, which a flow collection would split at the comma.
 */
export function flowScalar(value: string | number | boolean): string {
  const plain = scalarText(value);
  return typeof value === 'string' && /[,[\]{}]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(value) : plain;
}

/** `{ a: 1, b: [x, y] }` on one line, every scalar flow-safe. */
export function flowMap(entries: Record<string, string | number | boolean | string[]>): string {
  const parts = Object.entries(entries).map(([key, value]) =>
    Array.isArray(value) ? `${key}: [${value.map(flowScalar).join(', ')}]` : `${key}: ${flowScalar(value)}`,
  );
  return `{ ${parts.join(', ')} }`;
}

/** An id no declaration in the plan (imports included) uses yet: `base`, else `base-2`, `base-3`... */
export function unusedId(plan: Plan, base: string): string {
  const taken = new Set(declaredEntities(plan).map((e) => e.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * Adds `itemText` to the list under `key` in `map`, creating `key: [itemText]` when the key is
 * absent. Undefined when the key holds something other than a list: inserting would duplicate
 * the key, and the schema already reports the wrong value.
 */
export function addToPhaseList(plan: Plan, map: YAMLMap, key: string, list: YAMLSeq | undefined, itemText: string): TextEdit | undefined {
  if (!list && pairOf(plan.source.doc, map, key)) return undefined;
  return addToListKey(plan.source, map, key, list, itemText);
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
    Array.isArray(value) ? `${key}: [${value.map(flowScalar).join(', ')}]` : `${key}: ${scalarText(value)}`,
  );
}

function columnOf(source: SourceFile, offset: number): number {
  return source.lineCounter.linePos(offset).col - 1;
}

function lineOf(source: SourceFile, offset: number): number {
  return source.lineCounter.linePos(offset).line - 1;
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
  if (!seq) {
    if (!plan.root || pairOf(source.doc, plan.root, 'phases')) return undefined;
    // edits.ts re-indents and converts line breaks itself, so this text uses plain `\n`.
    return insertTopLevelKey(source, 'phases', `  - ${blockMapLines(skeleton).join('\n    ')}`);
  }
  const flowItem = flowMap(skeletonEntries(skeleton));
  const target = beforeIndex === undefined ? undefined : (seq.items[beforeIndex] as { range?: [number, number, number] } | undefined);
  if (seq.flow) {
    if (!target?.range) return appendSeqItem(source, seq, flowItem);
    return { start: target.range[0], end: target.range[0], newText: `${flowItem}, ` };
  }
  const neighbourIndex = beforeIndex === undefined ? seq.items.length - 1 : Math.max(0, beforeIndex - 1);
  const neighbour = seq.items[neighbourIndex] as { flow?: boolean } | undefined;
  const dashColumn = columnOf(source, seq.range?.[0] ?? 0);
  const dashIndent = ' '.repeat(dashColumn);
  const body = neighbour?.flow ? flowItem : blockMapLines(skeleton).join(`${eol}${dashIndent}  `);
  const itemText = `${dashIndent}- ${body}`;
  if (target?.range) {
    const at = lineStartOffset(source, insertionLine(source, lineOf(source, target.range[0]), dashColumn));
    return { start: at, end: at, newText: `${itemText}${eol}` };
  }
  // Append on the line after the last item's content, before any trailing blank lines.
  let end = seq.range?.[1] ?? source.text.length;
  while (end > 0 && /\s/.test(source.text[end - 1])) end--;
  const at = lineStartOffset(source, lineOf(source, end) + 1);
  const unterminated = at === source.text.length && !source.text.endsWith('\n');
  return { start: at, end: at, newText: unterminated ? `${eol}${itemText}` : `${itemText}${eol}` };
}
