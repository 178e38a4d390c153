import { isAlias, isMap, isPair, isScalar, isSeq, Pair, parseDocument, type Document, type Node } from 'yaml';
import { fastParseDocument } from './fastParse';
import { lineCounterOf, PARSE_OPTIONS } from './parse';
import type { SourceFile } from './source';
import { commonPrefixLength, commonSuffixLength } from './textDiff';

/**
 * Re-parsing after a small edit. An editor sends the whole text on every keystroke, and a
 * full parse is most of a lint; but a keystroke inside one list item (a phase, a checklist
 * entry) only changes that item. `reparse` parses just that item's lines and splices the new
 * nodes into a copy of the previous Document, shifting the ranges after the edit, so every
 * position stays exact and the result is what a full parse gives. The previous Document is
 * never changed: results that still hold it stay valid.
 *
 * It declines (returns undefined, and the caller parses in full) whenever the edit could
 * reach beyond the item: an edit on the item's dash line before its content, a line of the
 * edited item indented to the list's column or less, the last item of a list (its end is not
 * marked by a next item), aliases anywhere in the text, `%` directives, a previous parse with
 * errors or warnings, or an item text that does not parse cleanly on its own as exactly one
 * list item. tests/fuzz/reparse.fuzz.test.ts checks that the result equals a full parse.
 */

/** Below this size a full parse takes a few milliseconds and reuse is not worth its checks. */
export const REPARSE_MIN_LENGTH = 16 * 1024;

/** The list item whose lines hold the whole edit, in the previous text. */
interface EditSite {
  seq: Node & { items: unknown[] };
  index: number;
  /** Offset of the start of the item's dash line, and of the next item's dash line. */
  lineStart: number;
  nextLineStart: number;
  dashColumn: number;
}

/** Offset of the `-` that introduces a block-list item starting at `itemStart`, with its line start. */
function dashOf(text: string, itemStart: number): { dash: number; lineStart: number } | undefined {
  let i = itemStart - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i < 0 || text[i] !== '-') return undefined;
  const dash = i;
  i--;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i >= 0 && text[i] !== '\n') return undefined;
  return { dash, lineStart: i + 1 };
}

/** The innermost block-list item (not a list's last) whose lines contain [start, end) of the old text. */
function findSite(doc: Document.Parsed, text: string, start: number, end: number): EditSite | undefined {
  let node = doc.contents as Node | null;
  let site: EditSite | undefined;
  while (node) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const r = (p.value as Node | null)?.range;
        return r != null && r[0] <= start && end <= r[2];
      });
      node = (pair?.value ?? null) as Node | null;
    } else if (isSeq(node) && !node.flow) {
      let next: Node | null = null;
      for (let k = 0; k + 1 < node.items.length; k++) {
        const item = node.items[k] as Node | null;
        const following = node.items[k + 1] as Node | null;
        if (!item?.range || !following?.range) continue;
        const here = dashOf(text, item.range[0]);
        const there = dashOf(text, following.range[0]);
        if (!here || !there) continue;
        if (start <= here.dash || end > there.lineStart - 1) continue;
        site = { seq: node, index: k, lineStart: here.lineStart, nextLineStart: there.lineStart, dashColumn: here.dash - here.lineStart };
        next = item;
        break;
      }
      node = next;
    } else {
      node = null;
    }
  }
  return site;
}

/** Every line after the first is blank, a comment, or indented deeper than the dash (no tabs). */
function staysInsideItem(snippet: string, dashColumn: number): boolean {
  let at = snippet.indexOf('\n') + 1;
  while (at > 0 && at < snippet.length) {
    let i = at;
    while (snippet.charCodeAt(i) === 32) i++;
    const c = snippet[i];
    if (c === '\t') return false;
    if (c !== '\n' && c !== '\r' && c !== '#' && c !== undefined && i - at <= dashColumn) return false;
    at = snippet.indexOf('\n', at) + 1;
  }
  return true;
}

type Range3 = [number, number, number];

/** How `yaml` marks what a node is: a non-enumerable own property set by each constructor. */
const NODE_TYPE = Symbol.for('yaml.node.type');
const SCHEMA = 'schema';

/**
 * A shallow copy of a node or document (a collection's items are given afterwards). Cheaper
 * than `node.clone()`, which reads every property descriptor: copying is most of a re-parse.
 */
function copyOf<T extends object>(node: T): T {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(node) as object), node) as T;
  const own = node as Record<string | symbol, unknown>;
  Object.defineProperty(copy, NODE_TYPE, { value: own[NODE_TYPE] });
  // Collections keep their schema in a non-enumerable property too.
  if (SCHEMA in own && !Object.prototype.propertyIsEnumerable.call(own, SCHEMA)) {
    Object.defineProperty(copy, SCHEMA, { value: own[SCHEMA], writable: true });
  }
  return copy;
}

class Splicer {
  constructor(
    /** Offsets at or past this (the next item's line start, old text) move by `delta`. */
    private readonly oldNext: number,
    private readonly delta: number,
    private readonly oldStart: number,
    private readonly site: EditSite,
    private readonly replacement: Node,
  ) {}

  shift(range: Range3 | undefined): Range3 | undefined {
    if (!range) return range;
    const d = this.delta;
    const n = this.oldNext;
    return [range[0] >= n ? range[0] + d : range[0], range[1] >= n ? range[1] + d : range[1], range[2] >= n ? range[2] + d : range[2]];
  }

  /** The node as the new document holds it: shared when before the edit, copied when after it. */
  node(node: unknown): unknown {
    if (!node || typeof node !== 'object') return node;
    if (isPair(node)) return new Pair(this.node(node.key), this.node(node.value));
    const n = node as Node;
    const range = n.range as Range3 | undefined;
    if (range && range[2] <= this.oldStart) return node;
    if (this.delta === 0 && range && range[0] >= this.oldNext) return node;
    const copy = copyOf(n);
    copy.range = this.shift(range);
    if (isScalar(n) || isAlias(n)) return copy;
    const items = (n as unknown as { items: unknown[] }).items;
    (copy as unknown as { items: unknown[] }).items =
      n === this.site.seq ? items.map((item, k) => (k === this.site.index ? this.replacement : this.node(item))) : items.map((item) => this.node(item));
    return copy;
  }
}

/** Moves every range of a freshly parsed snippet node by `base`, in place (the node is new). */
function moveBy(node: unknown, base: number): void {
  if (!node || typeof node !== 'object') return;
  if (isPair(node)) {
    moveBy(node.key, base);
    moveBy(node.value, base);
    return;
  }
  const n = node as Node;
  if (n.range) n.range = [n.range[0] + base, n.range[1] + base, n.range[2] + base];
  const items = (n as unknown as { items?: unknown[] }).items;
  if (Array.isArray(items)) for (const item of items) moveBy(item, base);
}

/**
 * The parse of `text`, built from `previous` (the parse of an earlier text of the same file)
 * when the change between them lies inside one list item; undefined when a full parse is
 * needed. Never returns a parse with problems: the caller's full parse reports them.
 */
export function reparse(previous: SourceFile, text: string): SourceFile | undefined {
  const old = previous.text;
  const doc = previous.doc;
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  if (text.includes('*') || old.startsWith('%') || old.includes('\n%')) return undefined;
  const start = commonPrefixLength(old, text);
  const same = commonSuffixLength(old, text, Math.min(old.length, text.length) - start);
  const oldEnd = old.length - same;
  const delta = text.length - old.length;
  if (start === old.length && delta === 0) return previous;

  const site = findSite(doc, old, start, oldEnd);
  if (!site) return undefined;
  const snippet = text.slice(site.lineStart, site.nextLineStart + delta);
  if (!staysInsideItem(snippet, site.dashColumn)) return undefined;
  const part = fastParseDocument(snippet) ?? parseDocument(snippet, PARSE_OPTIONS);
  if (part.errors.length > 0 || part.warnings.length > 0 || !isSeq(part.contents) || part.contents.flow || part.contents.items.length !== 1) return undefined;
  const replacement = part.contents.items[0] as Node | null;
  if (!replacement || !replacement.range) return undefined;
  moveBy(replacement, site.lineStart);

  const splicer = new Splicer(site.nextLineStart, delta, site.lineStart, site, replacement);
  const next = copyOf(doc);
  next.contents = splicer.node(doc.contents) as typeof doc.contents;
  next.range = splicer.shift(doc.range as Range3) ?? doc.range;
  next.errors = [];
  next.warnings = [];
  return { path: previous.path, text, doc: next, lineCounter: lineCounterOf(text) };
}
