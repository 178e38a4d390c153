import { isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineEndOffset, lineStartOffset, positionAt, type SourceFile } from './source';
import type { TextEdit } from './types';
import { pairOf } from './yamlNodes';

/**
 * Minimal text edits at node ranges. Quick fixes never re-serialise the document
 * (`doc.toString()` would reflow comments and quoting); they splice text here.
 */

export function eolOf(source: SourceFile): string {
  return source.text.includes('\r\n') ? '\r\n' : '\n';
}

/** Values as text for the edits below; pure, so new plans are written by the same code (templates/). */
export { flowMapText, scalarText } from './yamlText';

export function replaceNode(node: Node, newText: string): TextEdit {
  const [start, end] = node.range ?? [0, 0];
  return { start, end, newText };
}

/** Offset where the text of a block collection's last item ends (before trailing comments/blank lines). */
function lastContentEnd(source: SourceFile, node: YAMLMap | YAMLSeq): number {
  const valueEnd = node.range?.[1] ?? 0;
  let end = valueEnd;
  while (end > 0 && /\s/.test(source.text[end - 1])) end--;
  return end;
}

function isFlow(node: YAMLMap | YAMLSeq): boolean {
  return node.flow === true || node.srcToken?.type === 'flow-collection';
}

/** Inserts text before the closing bracket of a flow collection, with a comma when needed. */
function insertIntoFlow(source: SourceFile, node: YAMLMap | YAMLSeq, itemText: string): TextEdit {
  const [start, end] = node.range ?? [0, 0];
  let close = end - 1;
  while (close > start && source.text[close] !== '}' && source.text[close] !== ']') close--;
  let before = close;
  while (before > start && /\s/.test(source.text[before - 1])) before--;
  const empty = node.items.length === 0;
  return { start: before, end: before, newText: `${empty ? '' : ', '}${itemText}` };
}

function indentText(text: string, indent: string, eol: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join(eol);
}

/**
 * Adds `key: value` to a mapping. Block maps get a new line indented like their keys,
 * after the last entry (or after `afterKey` when given); flow maps get `, key: value`.
 * `valueText` may span several lines (block YAML), written relative to the key's indent; a
 * one-line `valueText` is always written after the key, so a nested mapping with a single entry
 * is passed in flow style (`{ child: value }`), which fits block and flow parents alike.
 */
export function insertMapEntry(source: SourceFile, map: YAMLMap, key: string, valueText: string, afterKey?: string): TextEdit {
  const eol = eolOf(source);
  const inline = !valueText.includes('\n');
  if (isFlow(map)) return insertIntoFlow(source, map, `${key}: ${valueText}`);
  if (map.items.length === 0 || !map.items[0].key || !(map.items[0].key as Node).range) {
    const start = map.range?.[0] ?? 0;
    return { start, end: start, newText: `${key}: ${valueText}${eol}` };
  }
  const indent = ' '.repeat(positionAt(source, (map.items[0].key as Node).range![0]).character);
  let anchorEnd = lastContentEnd(source, map);
  if (afterKey) {
    const idx = map.items.findIndex((p) => (p.key as { value?: unknown })?.value === afterKey);
    const next = map.items[idx + 1];
    if (idx >= 0 && next?.key && (next.key as Node).range) {
      // Insert on the line before the next key, so the new entry lands right after `afterKey`.
      const nextLineStart = lineStartOffset(source, positionAt(source, (next.key as Node).range![0]).line);
      const body = inline ? `${key}: ${valueText}` : `${key}:${eol}${indentText(valueText, indent, eol)}`;
      return { start: nextLineStart, end: nextLineStart, newText: `${indent}${body}${eol}` };
    }
  }
  anchorEnd = lineEndOffset(source, positionAt(source, anchorEnd).line);
  const body = inline ? `${key}: ${valueText}` : `${key}:${eol}${indent}${indentText(valueText, indent, eol)}`;
  return { start: anchorEnd, end: anchorEnd, newText: `${eol}${indent}${body}` };
}

/**
 * Appends an item to a sequence. Block sequences get `- item` on a new line aligned with the
 * other dashes (continuation lines indented under the item); flow sequences get `, item`.
 */
export function appendSeqItem(source: SourceFile, seq: YAMLSeq, itemText: string): TextEdit {
  if (isFlow(seq)) return insertIntoFlow(source, seq, itemText);
  const eol = eolOf(source);
  const first = seq.items[0] as Node | undefined;
  const firstStart = first?.range?.[0] ?? seq.range?.[0] ?? 0;
  // The dash sits two columns before the item's content in `- item`.
  const dashColumn = Math.max(0, positionAt(source, firstStart).character - 2);
  const dashIndent = ' '.repeat(dashColumn);
  const end = lineEndOffset(source, positionAt(source, lastContentEnd(source, seq)).line);
  return { start: end, end, newText: `${eol}${dashIndent}- ${indentText(itemText, `${dashIndent}  `, eol)}` };
}

/** Inserts an item into a sequence before the item at `index` (block: on its own line). */
export function insertSeqItemBefore(source: SourceFile, seq: YAMLSeq, index: number, itemText: string): TextEdit {
  const target = seq.items[index] as Node | undefined;
  if (!target?.range || isFlow(seq)) return appendSeqItem(source, seq, itemText);
  const eol = eolOf(source);
  const column = positionAt(source, target.range[0]).character;
  const dashIndent = ' '.repeat(Math.max(0, column - 2));
  const lineStart = lineStartOffset(source, positionAt(source, target.range[0]).line);
  return { start: lineStart, end: lineStart, newText: `${dashIndent}- ${indentText(itemText, `${dashIndent}  `, eol)}${eol}` };
}

/**
 * Adds a top-level `key: value` to the root map, at its end or after `afterKey`. Undefined when
 * the root is not a mapping or already has `key` (with any value): a second copy would be a
 * duplicate key, and a wrong value is the schema's to report.
 */
export function insertTopLevelKey(source: SourceFile, key: string, valueText: string, afterKey?: string): TextEdit | undefined {
  const root = source.doc.contents;
  if (!isMap(root) || pairOf(source.doc, root, key)) return undefined;
  return insertMapEntry(source, root, key, valueText, afterKey);
}

/**
 * Adds an item to `list`, the list under `key` in `map`, creating `key: [item]` (after
 * `afterKey` when given) when the key is absent. Undefined when the key holds something other
 * than a list (`key:` with no value included): inserting would duplicate the key, and the schema
 * reports the value.
 */
export function addToListKey(
  source: SourceFile,
  map: YAMLMap,
  key: string,
  list: Node | undefined,
  itemText: string,
  afterKey?: string,
): TextEdit | undefined {
  if (isSeq(list)) return appendSeqItem(source, list, itemText);
  if (pairOf(source.doc, map, key)) return undefined;
  return insertMapEntry(source, map, key, `[${itemText}]`, afterKey);
}

/** Applies non-overlapping edits back to front. Overlapping edits after the first are dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) continue;
    kept.push(e);
    lastEnd = e.end;
  }
  let out = text;
  for (let i = kept.length - 1; i >= 0; i--) out = out.slice(0, kept[i].start) + kept[i].newText + out.slice(kept[i].end);
  return out;
}
