import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineEndOffset, lineStartOffset, positionAt, type SourceFile } from './source';
import type { TextEdit } from './types';
import { pairOf } from './yamlNodes';

/**
 * Minimal text edits at node ranges. Quick fixes never re-serialise the document
 * (`doc.toString()` would reflow comments and quoting); they splice text here.
 */

export function eolOf(source: SourceFile): string {
  const known = EOLS.get(source);
  if (known?.text === source.text) return known.eol;
  const eol = source.text.includes('\r\n') ? '\r\n' : '\n';
  EOLS.set(source, { text: source.text, eol });
  return eol;
}

/**
 * The line break of each file already asked about, with the text it was found in: a plan with
 * thousands of fixable findings asked once per fix, each a search of the whole text.
 */
const EOLS = new WeakMap<SourceFile, { text: string; eol: string }>();

/** Values as text for the edits below; pure, so new plans are written by the same code (templates/). */
export { flowMapText, scalarText } from './yamlText';

export function replaceNode(node: Node, newText: string): TextEdit {
  const [start, end] = node.range ?? [0, 0];
  return { start, end, newText };
}

/**
 * Offset where the text of a collection's last item ends, before the trailing comments and blank
 * lines that follow it, except the blank lines a keep-chomping block scalar (`|+`, `>+`) owns:
 * they are part of its value, so text inserted after it goes after them.
 */
export function contentEnd(source: SourceFile, node: YAMLMap | YAMLSeq): number {
  let end = node.range?.[1] ?? 0;
  while (end > 0 && /\s/.test(source.text[end - 1])) end--;
  const kept = keptScalarEnd(source, node);
  return kept !== undefined && kept > end ? kept : end;
}

/** Where the last keep-chomping block scalar at the end of `node` ends (its trailing blank lines included). */
function keptScalarEnd(source: SourceFile, node: Node | null | undefined): number | undefined {
  let last: unknown = node;
  while (isMap(last) || isSeq(last)) {
    const item: unknown = last.items[last.items.length - 1];
    last = isPair(item) ? item.value : item;
  }
  if (!isScalar(last) || (last.type !== 'BLOCK_LITERAL' && last.type !== 'BLOCK_FOLDED') || !last.range) return undefined;
  // The range starts at the header: `|+`, `>2+`, `|-`...
  const header = /^[|>][0-9+-]*/.exec(source.text.slice(last.range[0], last.range[0] + 4))?.[0] ?? '';
  return header.includes('+') ? last.range[1] : undefined;
}

function isFlow(node: YAMLMap | YAMLSeq): boolean {
  return node.flow === true || node.srcToken?.type === 'flow-collection';
}

/** Where an item's text ends: a pair's value (or its key when the value is empty), else the node. */
function itemEnd(item: unknown): number | undefined {
  if (isPair(item)) {
    const value = (item.value as Node | null)?.range?.[1];
    const key = (item.key as Node | null)?.range?.[1];
    return Math.max(value ?? -1, key ?? -1) >= 0 ? Math.max(value ?? -1, key ?? -1) : undefined;
  }
  return (item as Node | null)?.range?.[1];
}

/**
 * Inserts text into a flow collection right after its last item (`, item`), so a comment before
 * the closing bracket and a trailing comma (`[a, b, ]`) stay where they are; into an empty one
 * right after the opening bracket.
 */
function insertIntoFlow(node: YAMLMap | YAMLSeq, itemText: string): TextEdit {
  const start = node.range?.[0] ?? 0;
  const last = node.items.length > 0 ? itemEnd(node.items[node.items.length - 1]) : undefined;
  if (last === undefined) return { start: start + 1, end: start + 1, newText: itemText };
  return { start: last, end: last, newText: `, ${itemText}` };
}

/**
 * A multi-line block value (`\n  - a\n  - b`) rewritten in flow style (`[a, b]`), for inserting
 * into a flow collection, where block lines cannot go. Only the new value is serialised.
 */
function flowValueText(valueText: string): string {
  const doc = parseDocument(valueText);
  visit(doc, {
    Collection(_, node) {
      node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true }).trimEnd();
}

/** The columns of a block sequence item's dash and of its content (`-   task:` has them 4 apart). */
function dashColumns(source: SourceFile, item: Node): { dash: number; content: number } {
  const start = item.range?.[0] ?? 0;
  let dash = start - 1;
  while (dash >= 0 && (source.text[dash] === ' ' || source.text[dash] === '\t')) dash--;
  const content = positionAt(source, start).character;
  if (dash < 0 || source.text[dash] !== '-') return { dash: Math.max(0, content - 2), content };
  const dashColumn = positionAt(source, dash).character;
  return { dash: dashColumn, content: Math.max(content, dashColumn + 2) };
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
  if (isFlow(map)) return insertIntoFlow(map, `${key}: ${inline ? valueText : flowValueText(valueText)}`);
  if (map.items.length === 0 || !map.items[0].key || !(map.items[0].key as Node).range) {
    const start = map.range?.[0] ?? 0;
    return { start, end: start, newText: `${key}: ${valueText}${eol}` };
  }
  const indent = ' '.repeat(positionAt(source, (map.items[0].key as Node).range![0]).character);
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
  const body = inline ? `${key}: ${valueText}` : `${key}:${eol}${indent}${indentText(valueText, indent, eol)}`;
  return insertAfterContent(source, contentEnd(source, map), `${indent}${body}`);
}

/**
 * Appends an item to a sequence. Block sequences get `- item` on a new line aligned with the
 * other dashes (continuation lines indented under the item); flow sequences get `, item`.
 */
export function appendSeqItem(source: SourceFile, seq: YAMLSeq, itemText: string): TextEdit {
  if (isFlow(seq)) return insertIntoFlow(seq, itemText);
  const first = seq.items[0] as Node | undefined;
  const item = blockItemText(source, first ?? seq, itemText);
  return insertAfterContent(source, contentEnd(source, seq), item);
}

/** `- item` written like the sequence's own items: same dash column, same gap after the dash. */
function blockItemText(source: SourceFile, model: Node, itemText: string): string {
  const { dash, content } = dashColumns(source, model);
  return `${' '.repeat(dash)}-${' '.repeat(content - dash - 1)}${indentText(itemText, ' '.repeat(content), eolOf(source))}`;
}

/**
 * Inserts `lineText` (one or more whole lines, without the final line break) on its own line
 * after the content ending at `end`: at the end of that line, or, when `end` is already the start
 * of a line (after a keep-chomping block scalar's blank lines), right there.
 */
function insertAfterContent(source: SourceFile, end: number, lineText: string): TextEdit {
  const eol = eolOf(source);
  if (end > 0 && source.text[end - 1] === '\n') return { start: end, end, newText: `${lineText}${eol}` };
  const at = lineEndOffset(source, positionAt(source, end).line);
  return { start: at, end: at, newText: `${eol}${lineText}` };
}

/** Inserts an item into a sequence before the item at `index` (block: on its own line). */
export function insertSeqItemBefore(source: SourceFile, seq: YAMLSeq, index: number, itemText: string): TextEdit {
  const target = seq.items[index] as Node | undefined;
  if (!target?.range || isFlow(seq)) return appendSeqItem(source, seq, itemText);
  const lineStart = lineStartOffset(source, positionAt(source, target.range[0]).line);
  return { start: lineStart, end: lineStart, newText: `${blockItemText(source, target, itemText)}${eolOf(source)}` };
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
