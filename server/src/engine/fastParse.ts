import { isScalar, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document, type Node, type ScalarTag, type Schema } from 'yaml';
import { PARSE_OPTIONS } from './parseOptions';

/**
 * A fast path for parsing the YAML plans are written in. `yaml`'s parseDocument lexes the
 * text into tokens, builds a concrete syntax tree of them through a chain of generators and
 * composes the Document from that tree; the tree is most of the time (docs/performance.md).
 * This module reads the text once, line by line, and builds the same Document directly: the
 * same Scalar, YAMLMap, YAMLSeq and Pair classes from `yaml`, the same `range` triples, values,
 * `source`s, scalar `type`s, `format`s and `minFractionDigits` (scalars are resolved by the
 * schema's own tags), `flow` flags, and a Document made by parseDocument itself (options,
 * directives, schema) with empty `errors` and `warnings`.
 *
 * It covers the common subset: block mappings and lists (with `- key: value` items), plain and
 * quoted scalars on one line, flow collections on one line (`[a, b]`, `{ id: x, kind: y }`),
 * block scalars as a mapping's or a list item's value (literal `|` and folded `>`, each with
 * `-`, `+` or no chomping indicator; the descriptions plans write), comments and blank lines.
 * For anything else it DECLINES (returns undefined) as soon as it meets it, and parseSource
 * runs the full parser: anchors, aliases, tags, `<<` merge keys, block scalars with an
 * indentation indicator, a comment after the header, no text, blank lines before the text or
 * with more spaces than it, or (folded) a more-indented line, scalars or flow collections over
 * several lines, `\` escapes, directives and `---` / `...`, `?` keys, tabs, byte order marks
 * or carriage returns not before a line feed anywhere, duplicate keys, empty documents, a top
 * level that is not a block collection, a comment where an empty value would carry it, and
 * every indentation or character that would be a syntax error or warning. Declining is always safe; accepting promises the Document parseDocument
 * would give, which tests/fuzz/fastParse.fuzz.test.ts checks on random plan-like texts.
 *
 * Not built, because nothing reads them: comments (`comment`, `commentBefore` on nodes and on
 * the Document) and `spaceBefore`. The engine, the language server and the CLI never read
 * them (they edit text at node ranges, never `doc.toString()`), which
 * tests/engine/fastParse.test.ts keeps true by searching the sources. `srcToken` is not set by
 * parseDocument either (no `keepSourceTokens`), so edits.ts's `isFlow` gives the same answer.
 * Comments still decide ranges, and those are exact: a comment line indented deeper than the
 * collection that holds the value before it belongs to that value's range, and comment lines
 * after a collection's last item belong to its range unless they are all indented less than it
 * (the rules of `yaml`'s Parser for its comment tokens).
 */

type Range3 = [number, number, number];

/**
 * Collections nested deeper than this are declined. Plans nest a handful of levels; yaml's
 * parser runs out of stack far sooner than this reader would, and a text it cannot parse
 * must get its error from it, not a Document from here.
 */
const MAX_DEPTH = 100;

/** Thrown inside this module to abandon the fast path; parseSource then parses in full. */
class Declined {}
const DECLINED = new Declined();

function decline(): never {
  throw DECLINED;
}

const NEWLINE = 10;
/** A carriage return, always followed by a line feed here (a lone one is declined): `\r\n` ends a line. */
const CR = 13;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA = 44;
const PLUS = 43;
const PIPE = 124;
const GREATER = 62;

/** `,[]{}`: the characters that end a plain scalar inside a flow collection. */
function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_BRACKET || c === CLOSE_BRACKET || c === OPEN_BRACE || c === CLOSE_BRACE;
}

/** A space, a line break or the end of the text (NaN): what ends a `:` or `-` indicator. */
function isBlank(c: number): boolean {
  return c === SPACE || c === NEWLINE || c === CR || Number.isNaN(c);
}

/**
 * First characters of a plain scalar that a tag other than a string's could match in the 1.2
 * core schema with merge keys: null (`~`, `null`), booleans, numbers (`+`, `-`, `.`, digits)
 * and `<<`. A plain scalar starting with anything else is a string without testing each tag;
 * tests/engine/fastParse.test.ts checks that no tag of the schema matches such a string.
 */
export const TYPED_FIRST_CHARACTERS = '~nNtTfF+-.0123456789<';
const MAY_BE_TYPED = new Set(TYPED_FIRST_CHARACTERS.split('').map((c) => c.charCodeAt(0)));

/** A plain scalar may not start with an indicator, or with `-` before a space (a list item). */
function badPlainStart(c: number, next: number, inFlow: boolean): boolean {
  switch (c) {
    case DASH:
      return isBlank(next) || (inFlow && isFlowIndicator(next));
    case HASH:
    case COLON:
    case 63: // ?
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 37: // %
    case 64: // @
    case 96: // `
    case SINGLE_QUOTE:
    case DOUBLE_QUOTE:
    case COMMA:
    case OPEN_BRACKET:
    case CLOSE_BRACKET:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case NEWLINE:
    case CR:
      return true;
    default:
      return Number.isNaN(c);
  }
}

const LONE_CR = /\r(?!\n)/;

class FastParser {
  private readonly length: number;
  private readonly schema: Schema;
  private readonly tags: ScalarTag[];
  private readonly options: Document.Parsed['options'];

  /** Start of the line after the one being read. */
  private pos = 0;
  /** The next content line (not blank, not a comment): its start and indentation; -1 at the end. */
  private lineStart = 0;
  private lineIndent = -1;
  /** Column of the deepest comment waiting after a collection's last item (-1 for none): see popEnd. */
  private pendingComment = -1;
  /** Whether the lines skipped by the last `gap` held a comment. */
  private gapComment = false;
  /** Whether the last value read was empty: the text after it then belongs to it, not to the document's end. */
  private endedEmpty = false;
  /** Collections open around the one being read. */
  private depth = 0;

  /** The scalar `scanScalar` last read: its value, style, end of its text, first offset after it and its spaces. */
  private scalarValue = '';
  private scalarType: Scalar.Type = Scalar.PLAIN;
  private scalarEnd = 0;
  private scalarNext = 0;

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
  ) {
    this.length = text.length;
    this.schema = doc.schema;
    this.tags = doc.schema.tags.filter((tag): tag is ScalarTag => !tag.collection && Boolean(tag.default));
    this.options = doc.options;
  }

  private code(at: number): number {
    return this.text.charCodeAt(at);
  }

  private skipSpaces(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  document(): Document.Parsed {
    this.gap(-1);
    if (this.lineIndent < 0) decline();
    const start = this.lineStart;
    const contents = this.isListItemLine() ? this.blockSeq(this.lineIndent, false) : this.blockMap(this.lineIndent, false);
    if (this.lineIndent >= 0) decline();
    this.doc.contents = contents as unknown as Document.Parsed['contents'];
    const end = contents.range![2];
    this.doc.range = [start, end, this.endedEmpty ? end : this.length];
    return this.doc;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) decline();
  }

  /** Where the next content line's text starts (its indentation skipped), or the end of the text. */
  private contentStart(): number {
    return this.lineIndent < 0 ? this.length : this.lineStart + this.lineIndent;
  }

  private isListItemLine(): boolean {
    const at = this.contentStart();
    return this.code(at) === DASH && isBlank(this.code(at + 1));
  }

  /**
   * Skips the blank and comment lines from `pos` to the next content line and returns where the
   * range of the value that ended the line before them ends, when comment lines indented deeper
   * than `valueIndent` (the indentation of the collection holding that value; -1 when there is
   * no such value) follow it before any other comment: `yaml` counts those into the value.
   * Any later comment line waits for the collection to end (pendingComment). -1 when none.
   * Without `absorb` (after a block scalar, whose range ends with its last line) every comment
   * line waits.
   */
  private gap(valueIndent: number, absorb = true): number {
    const text = this.text;
    const length = this.length;
    let at = this.pos;
    let absorbing = absorb && valueIndent >= 0;
    let absorbedEnd = -1;
    let pending = -1;
    let comment = false;
    for (;;) {
      if (at >= length) {
        this.lineStart = length;
        this.lineIndent = -1;
        break;
      }
      let i = at;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c === NEWLINE || c === CR) {
        at = c === CR ? i + 2 : i + 1;
      } else if (Number.isNaN(c)) {
        at = length;
      } else if (c === HASH) {
        comment = true;
        const newline = text.indexOf('\n', i);
        const next = newline < 0 ? length : newline + 1;
        if (absorbing && i - at > valueIndent) absorbedEnd = next;
        else {
          absorbing = false;
          if (i - at > pending) pending = i - at;
        }
        at = next;
      } else {
        // A document marker or a directive at the start of a line ends the document.
        if (i === at && (c === DASH || c === 46) && (text.startsWith('---', i) || text.startsWith('...', i)) && isBlank(text.charCodeAt(i + 3))) decline();
        this.lineStart = at;
        this.lineIndent = i - at;
        break;
      }
    }
    // Comments before a document's or a nested collection's first line are its props, not waiting after an item.
    this.pendingComment = valueIndent >= 0 ? pending : -1;
    this.gapComment = comment;
    return absorbedEnd;
  }

  /**
   * The end of a collection's range as it ends at the next content line: the comment lines
   * waiting after its last item belong to it, up to that line's text, unless it sits at
   * column 0 or they are all indented less than it (then they move on to its parent).
   */
  private popEnd(indent: number, end: number): number {
    if (this.pendingComment < 0 || indent === 0 || this.pendingComment < indent) return end;
    this.pendingComment = -1;
    return this.contentStart();
  }

  /** The rest of a line after a value: spaces and a comment. Returns the start of the next line. */
  private finishLine(at: number): number {
    const text = this.text;
    let i = at;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === NEWLINE) return i + 1;
    if (c === CR) return i + 2;
    if (Number.isNaN(c)) return this.length;
    if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
      const newline = text.indexOf('\n', i);
      return newline < 0 ? this.length : newline + 1;
    }
    return decline();
  }

  private blockMap(indent: number, firstKeyRead: boolean): YAMLMap {
    this.enter();
    const map = new YAMLMap(this.schema);
    const start = this.contentStart();
    let keyRead = firstKeyRead;
    let keys: Set<unknown> | undefined;
    let end: number;
    for (;;) {
      const pair = this.mapEntry(indent, keyRead);
      keyRead = false;
      const key = (pair.key as Scalar).value;
      keys = this.checkUnique(map, key, keys);
      map.items.push(pair);
      end = (pair.value as Node).range![2];
      if (this.lineIndent > indent) decline();
      if (this.lineIndent < indent) break;
      if (this.isListItemLine()) decline();
    }
    map.range = [start, end, this.popEnd(indent, end)];
    this.depth--;
    return map;
  }

  /** Declines when `key` is already a key of `map` (yaml reports a duplicate key there). */
  private checkUnique(map: YAMLMap, key: unknown, keys: Set<unknown> | undefined): Set<unknown> | undefined {
    const items = map.items;
    if (!keys && items.length < 16) {
      for (let i = 0; i < items.length; i++) if ((items[i].key as Scalar).value === key) decline();
      return undefined;
    }
    // Past a few keys a set keeps the check linear; it also takes NaN for a duplicate of NaN,
    // which yaml does not, and so only declines more.
    const set = keys ?? new Set(items.map((pair) => (pair.key as Scalar).value));
    if (set.has(key)) decline();
    set.add(key);
    return set;
  }

  /** One `key: value` entry of a block mapping, the key at the current line's content (or already read). */
  private mapEntry(indent: number, keyRead: boolean): Pair {
    const keyStart = this.contentStart();
    if (!keyRead && !this.scanScalar(keyStart, false)) decline();
    const colon = this.scalarNext;
    // The `:` of an implicit key must be within 1024 characters of its start.
    if (colon - keyStart > 1000) decline();
    const key = this.scalar(true, [keyStart, this.scalarEnd, this.scalarEnd]);
    const valueStart = this.skipSpaces(colon + 1);
    const c = this.code(valueStart);
    if (c === NEWLINE || c === CR || c === HASH || Number.isNaN(c)) return new Pair(key, this.blockValue(indent, valueStart, c === HASH, true));
    return new Pair(key, this.inlineValue(indent, valueStart));
  }

  /**
   * The value after a key or a dash with nothing else on its line: a block collection on the
   * lines below, a list at the key's own indentation, or an empty (null) value at `at`.
   */
  private blockValue(indent: number, at: number, commented: boolean, ofKey: boolean): Node {
    this.pos = this.finishLine(at);
    this.gap(-1);
    if (this.lineIndent > indent) return this.isListItemLine() ? this.blockSeq(this.lineIndent, false) : this.blockMap(this.lineIndent, false);
    if (ofKey && this.lineIndent === indent && this.isListItemLine()) return this.blockSeq(indent, true);
    // yaml gives an empty value the comments after it, and counts them into its range.
    if (commented || this.gapComment) decline();
    this.endedEmpty = true;
    return this.plainScalar('', false, [at, at, at]);
  }

  /** A scalar or flow collection after a key or a dash, ending its line. */
  private inlineValue(indent: number, at: number): Node {
    const c = this.code(at);
    if (c === PIPE || c === GREATER) return this.blockScalar(indent, at);
    let node: Node;
    let after: number;
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      node = this.flow(at);
      after = this.skipSpaces(node.range![1]);
      if (this.code(after) === COLON) decline();
    } else {
      if (c === DASH && isBlank(this.code(at + 1))) decline();
      // A `:` after the value would make it a key: a mapping cannot start on a key's line.
      if (this.scanScalar(at, false)) decline();
      node = this.scalar(false, [at, this.scalarEnd, 0]);
      after = this.scalarNext;
    }
    this.pos = this.finishLine(after);
    this.endedEmpty = false;
    const absorbed = this.gap(indent);
    node.range![2] = absorbed >= 0 ? absorbed : this.pos;
    return node;
  }

  private blockSeq(indent: number, inMapAtSameIndent: boolean): YAMLSeq {
    this.enter();
    const seq = new YAMLSeq(this.schema);
    const start = this.contentStart();
    let end: number;
    for (;;) {
      const item = this.seqItem(indent);
      seq.items.push(item);
      end = item.range![2];
      if (this.lineIndent > indent) decline();
      if (this.lineIndent < indent) break;
      if (!this.isListItemLine()) {
        if (inMapAtSameIndent) break;
        decline();
      }
    }
    seq.range = [start, end, this.popEnd(indent, end)];
    this.depth--;
    return seq;
  }

  /** One `- item` of a block list at the current line. */
  private seqItem(indent: number): Node {
    const dash = this.contentStart();
    const at = this.skipSpaces(dash + 1);
    const c = this.code(at);
    // Comment lines waiting before the dash belong to the item, and an empty one counts them into its range.
    if (c === NEWLINE || c === CR || c === HASH || Number.isNaN(c)) return this.blockValue(indent, at, c === HASH || this.pendingComment >= 0, false);
    if (c === DASH && isBlank(this.code(at + 1))) decline();
    if (c !== OPEN_BRACKET && c !== OPEN_BRACE && c !== PIPE && c !== GREATER && this.scanScalar(at, false)) {
      // `- key: value`: a mapping whose indentation is its first key's column.
      this.lineIndent = at - this.lineStart;
      return this.blockMap(this.lineIndent, true);
    }
    return this.inlineValue(indent, at);
  }

  /**
   * A block scalar whose header (`|` or `>`, then `-`, `+` or nothing, then spaces at most) is
   * at `at`, the value of a collection indented `indent`. Read as yaml's lexer and composer
   * read it: its lines are those indented at least as deep as its first, and the blank lines
   * among them; it ends before the first line indented less. Its range ends after its last
   * line with text, or for `+` (keep) after the blank lines that follow it inside, where
   * yaml's lexer ends it; the comment lines after it are left to its collection (gap).
   * Declined: an indentation indicator, a comment after the header, an empty scalar (the first
   * line below blank or not indented deeper than the collection), a blank line with more spaces
   * than the text's indentation (yaml keeps them as content), a more-indented line in a folded
   * scalar (folding keeps its line breaks) and a line of spaces alone ending the text.
   */
  private blockScalar(indent: number, at: number): Scalar {
    const text = this.text;
    const length = this.length;
    const folded = this.code(at) === GREATER;
    let i = at + 1;
    const chomp = this.code(i);
    if (chomp === DASH || chomp === PLUS) i++;
    i = this.skipSpaces(i);
    if (this.code(i) === CR) i++;
    if (this.code(i) !== NEWLINE) decline();
    let lineStart = i + 1;
    const textStart = this.skipSpaces(lineStart);
    const textIndent = textStart - lineStart;
    const first = this.code(textStart);
    if (textIndent <= indent || first === NEWLINE || first === CR || Number.isNaN(first)) decline();
    let value = '';
    /** What joins the next line of text to the value: nothing before the first, then per folding. */
    let separator = '';
    /** Blank lines since the last line of text. */
    let blanks = 0;
    /** After the last line of text (and its line break). */
    let textEnd = lineStart;
    for (;;) {
      if (lineStart >= length) break;
      const start = this.skipSpaces(lineStart);
      const spaces = start - lineStart;
      const c = text.charCodeAt(start);
      if (c === NEWLINE || c === CR) {
        if (spaces > textIndent) decline();
        blanks++;
        lineStart = c === CR ? start + 2 : start + 1;
        continue;
      }
      if (spaces < textIndent) break;
      if (Number.isNaN(c) || (folded && spaces > textIndent)) decline();
      const newline = text.indexOf('\n', start);
      const lineEnd = newline < 0 ? length : text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
      const line = text.slice(lineStart + textIndent, lineEnd);
      if (!folded) value += separator + '\n'.repeat(blanks) + line;
      else if (blanks > 0) value += '\n'.repeat(blanks) + line;
      else value += separator + line;
      separator = folded ? ' ' : '\n';
      blanks = 0;
      textEnd = newline < 0 ? length : newline + 1;
      lineStart = textEnd;
      if (newline < 0) break;
    }
    let end = textEnd;
    if (chomp === PLUS) {
      value += '\n'.repeat(blanks + 1);
      end = lineStart;
    } else if (chomp !== DASH) value += '\n';
    const node = new Scalar(value);
    node.range = [at, end, end];
    node.source = value;
    node.type = folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
    this.pos = end;
    this.endedEmpty = false;
    this.gap(indent, false);
    return node;
  }

  /**
   * Reads the scalar at `at` (plain, or quoted on one line) into scalarValue, scalarType,
   * scalarEnd and scalarNext; true when a mapping `:` follows it, scalarNext then at the `:`.
   */
  private scanScalar(at: number, inFlow: boolean): boolean {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const quote = c === SINGLE_QUOTE ? "'" : '"';
      let close = text.indexOf(quote, at + 1);
      if (c === SINGLE_QUOTE) while (close >= 0 && text.charCodeAt(close + 1) === SINGLE_QUOTE) close = text.indexOf(quote, close + 2);
      if (close < 0) decline();
      const raw = text.slice(at + 1, close);
      if (raw.includes('\n')) decline();
      if (c === DOUBLE_QUOTE) {
        if (raw.includes('\\')) decline();
        this.scalarValue = raw;
        this.scalarType = Scalar.QUOTE_DOUBLE;
      } else {
        this.scalarValue = raw.includes("'") ? raw.replace(/''/g, "'") : raw;
        this.scalarType = Scalar.QUOTE_SINGLE;
      }
      this.scalarEnd = close + 1;
      const next = this.skipSpaces(close + 1);
      this.scalarNext = next;
      const after = text.charCodeAt(next);
      if (after !== COLON) return false;
      const following = text.charCodeAt(next + 1);
      if (isBlank(following) || (inFlow && isFlowIndicator(following))) return true;
      return decline();
    }
    if (badPlainStart(c, text.charCodeAt(at + 1), inFlow)) decline();
    let end = at + 1;
    let i = at + 1;
    let colon = false;
    for (;; i++) {
      const ch = text.charCodeAt(i);
      if (ch === NEWLINE || ch === CR || Number.isNaN(ch)) break;
      if (ch === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
      } else if (ch === COLON) {
        const next = text.charCodeAt(i + 1);
        if (isBlank(next) || (inFlow && isFlowIndicator(next))) {
          colon = true;
          break;
        }
        end = i + 1;
      } else if (inFlow && isFlowIndicator(ch)) {
        break;
      } else {
        end = i + 1;
      }
    }
    this.scalarValue = text.slice(at, end);
    this.scalarType = Scalar.PLAIN;
    this.scalarEnd = end;
    this.scalarNext = colon ? i : this.skipSpaces(end);
    return colon;
  }

  /**
   * The Scalar node of what scanScalar read. Its properties are set in the order yaml's
   * composer sets them, so both parsers' nodes share one shape in the engine's code.
   */
  private scalar(atKey: boolean, range: Range3): Scalar {
    if (this.scalarType !== Scalar.PLAIN) {
      const node = new Scalar(this.scalarValue);
      node.range = range;
      node.source = this.scalarValue;
      node.type = this.scalarType;
      return node;
    }
    return this.plainScalar(this.scalarValue, atKey, range);
  }

  /** A plain scalar resolved as yaml's composer resolves it: the first default tag whose test matches. */
  private plainScalar(value: string, atKey: boolean, range: Range3): Scalar {
    let node: Scalar;
    let format: string | undefined;
    if (value.length > 0 && !MAY_BE_TYPED.has(value.charCodeAt(0))) node = new Scalar(value);
    else {
      const tag = this.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(value));
      // The merge key `<<` is the only tag that applies to keys alone.
      if (tag?.default === 'key') decline();
      if (tag) {
        const resolved = tag.resolve(value, decline, this.options);
        node = isScalar(resolved) ? resolved : new Scalar(resolved);
        format = tag.format;
      } else node = new Scalar(value);
    }
    node.range = range;
    node.source = value;
    node.type = Scalar.PLAIN;
    if (format) node.format = format;
    return node;
  }

  /** A flow collection on one line at `at`; its range ends after its closing bracket (the caller sets range[2]). */
  private flow(at: number): YAMLMap | YAMLSeq {
    this.enter();
    const isMap = this.code(at) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const coll = isMap ? new YAMLMap(this.schema) : new YAMLSeq(this.schema);
    coll.flow = true;
    let i = this.skipSpaces(at + 1);
    let keys: Set<unknown> | undefined;
    if (this.code(i) !== close) {
      for (;;) {
        let next: number;
        if (isMap) {
          if (!this.scanScalar(i, true)) decline();
          const key = this.scalar(true, [i, this.scalarEnd, this.scalarEnd]);
          keys = this.checkUnique(coll as YAMLMap, key.value, keys);
          const valueStart = this.skipSpaces(this.scalarNext + 1);
          if (valueStart === this.scalarNext + 1) decline();
          const value = this.flowItem(valueStart);
          next = value.range![2];
          (coll as YAMLMap).items.push(new Pair(key, value));
        } else {
          const value = this.flowItem(i);
          next = value.range![2];
          if (this.code(next) === COLON) decline();
          (coll as YAMLSeq).items.push(value);
        }
        const c = this.code(next);
        if (c === close) {
          i = next;
          break;
        }
        if (c !== COMMA) decline();
        i = this.skipSpaces(next + 1);
        // An empty entry or a trailing comma.
        const following = this.code(i);
        if (following === close || following === COMMA) decline();
      }
    }
    coll.range = [at, i + 1, i + 1];
    this.depth--;
    return coll;
  }

  /** A scalar or nested flow collection inside a flow collection; its range ends after the spaces that follow it. */
  private flowItem(at: number): Node {
    const c = this.code(at);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      const nested = this.flow(at);
      nested.range![2] = this.skipSpaces(nested.range![1]);
      return nested;
    }
    if (this.scanScalar(at, true)) decline();
    return this.scalar(false, [at, this.scalarEnd, this.scalarNext]);
  }
}

/**
 * The Document `parseDocument(text, PARSE_OPTIONS)` gives, without comments, when `text` is
 * in the subset this module reads and parses without errors or warnings; otherwise undefined.
 */
export function fastParseDocument(text: string): Document.Parsed | undefined {
  // Tabs, byte order marks (yaml skips one at the start of any line) and carriage returns not
  // ending a line each change how yaml reads a line: decline them up front (a search for one
  // character is far cheaper than a parse). Windows line ends (`\r\n`) are read.
  if (text.includes('\t') || text.includes('\ufeff') || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  // An empty Document made by yaml itself: its options, directives and schema are the parser's own.
  const doc = parseDocument('', PARSE_OPTIONS) as Document.Parsed;
  try {
    return new FastParser(text, doc).document();
  } catch (error) {
    // The reader recurses once per level of nesting: a pathological depth overflows the
    // stack, and the full parser reports it.
    if (error === DECLINED || error instanceof RangeError) return undefined;
    throw error;
  }
}
