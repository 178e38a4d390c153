import type { PathSegment } from './schemaPath';

/**
 * Where in the YAML structure a cursor is, read from the text rather than the parsed
 * document: while someone types, the line under the cursor is usually not valid YAML yet
 * (`    ow`, `owner:`, `- { task: x, tags: [ba`), and the parser's tree for it is not to be
 * trusted. The lines above the cursor are read by indentation, the way a person reads block
 * YAML; a flow collection (`[...]`, `{...}`, also across lines) is read bracket by bracket.
 *
 * Deliberate limits: plain scalars that continue on the next line are skipped as content,
 * not read as keys; tags (`!!str`) and anchors (`&a`) before a value are skipped; `? ` complex
 * keys are not understood. Inside a comment there is no context.
 */

export type CursorPosition =
  /** Typing a key of the mapping at `path`. */
  | { kind: 'key'; path: PathSegment[]; siblingKeys: string[] }
  /** Typing the scalar at `path` (a key's value, or an item of a flow or scalar list). */
  | { kind: 'value'; path: PathSegment[] }
  /** Starting item `index` of the block list at `path`; `dash` says whether `- ` is typed. */
  | { kind: 'item'; path: PathSegment[]; index: number; dash: boolean }
  /** An indented line under `key:` (at `path`) that has no value yet: the schema says whether a mapping or a list goes there. */
  | { kind: 'under'; path: PathSegment[] };

export interface CompletionContext {
  position: CursorPosition;
  /** The part of the word before the cursor. */
  prefix: string;
  /** Offsets of the word a completion replaces: from the start of the prefix to the end of the word. */
  replace: [number, number];
  /** Inside `[...]` or `{...}`: only single-line text may be inserted. */
  inFlow: boolean;
  /** The cursor follows a colon directly (`owner:|`): a value needs a space first. */
  needsSpace: boolean;
  /** The cursor is inside a quoted scalar. */
  quoted: boolean;
  /** Column of the cursor line's content (after indentation and dashes). */
  column: number;
  /** `id` values of the mappings on the path: `depth` is how many path segments lead to the mapping. */
  ids: { depth: number; id: string }[];
}

interface MapFrame {
  type: 'map';
  col: number;
  key?: string;
  keys: string[];
  id?: string;
}

interface SeqFrame {
  type: 'seq';
  col: number;
  index: number;
}

type Frame = MapFrame | SeqFrame;

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'{}[\],&*!|>%@`][^#]*?)[ \t]*:(?:[ \t]|$)/;
const WORD_CHAR = /[\w.-]/;
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(#.*)?$/;

interface LineShape {
  indent: number;
  dashes: number[];
  /** Column after the indentation and dashes. */
  contentCol: number;
  key?: string;
  /** The text after `key:` or after the dashes, from its first non-blank character. */
  value: string;
  /** Column where `value` starts. */
  valueCol: number;
}

function unquoteKey(raw: string): string {
  if (raw.startsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw.trim();
}

/** Strips anchors and tags in front of a value (`&base`, `!!str`). */
function skipProperties(value: string): number {
  let skipped = 0;
  for (;;) {
    const match = /^(?:&\S+|!\S*)[ \t]*/.exec(value.slice(skipped));
    if (!match || match[0].length === 0) return skipped;
    skipped += match[0].length;
  }
}

function shapeOf(line: string): LineShape | undefined {
  const indent = line.length - line.replace(/^[ \t]*/, '').length;
  if (indent === line.length || line[indent] === '#') return undefined;
  const dashes: number[] = [];
  let pos = indent;
  while (line[pos] === '-' && (pos + 1 === line.length || line[pos + 1] === ' ' || line[pos + 1] === '\t')) {
    dashes.push(pos);
    pos++;
    while (line[pos] === ' ' || line[pos] === '\t') pos++;
  }
  const rest = line.slice(pos);
  const match = KEY.exec(rest);
  if (!match) {
    const skip = skipProperties(rest);
    return { indent, dashes, contentCol: pos, value: rest.slice(skip), valueCol: pos + skip };
  }
  let valueCol = pos + match[0].length;
  while (line[valueCol] === ' ' || line[valueCol] === '\t') valueCol++;
  valueCol += skipProperties(line.slice(valueCol));
  return { indent, dashes, contentCol: pos, key: unquoteKey(match[1]), value: line.slice(valueCol), valueCol };
}

/** Bracket depth and open quote after scanning `text` from a given state; `#` after a blank starts a comment. */
interface FlowState {
  depth: number;
  quote?: '"' | "'";
}

/** Index of the quote that closes a `quote`d scalar, reading from `from` (`\"` and `''` are escapes); -1 when the text ends first. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function scanFlow(text: string, state: FlowState): FlowState {
  let { depth, quote } = state;
  for (let i = 0; i < text.length; i++) {
    if (quote) {
      i = closingQuote(text, i, quote);
      if (i < 0) break;
      quote = undefined;
      continue;
    }
    const ch = text[i];
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) break;
  }
  return { depth, quote };
}

/** Path and mapping ids of the frames, every frame contributing the key or index that leads deeper. */
function framesPath(frames: readonly Frame[]): { path: PathSegment[]; ids: { depth: number; id: string }[] } {
  const path: PathSegment[] = [];
  const ids: { depth: number; id: string }[] = [];
  for (const frame of frames) {
    if (frame.type === 'map') {
      if (frame.id !== undefined) ids.push({ depth: path.length, id: frame.id });
      path.push(frame.key ?? '');
    } else {
      path.push(frame.index);
    }
  }
  return { path, ids };
}

class BlockReader {
  readonly stack: Frame[] = [];

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Closes the containers a line starting at `col` leaves. */
  private popFor(col: number, startsWithDash: boolean): void {
    while (this.stack.length > 0) {
      const top = this.top()!;
      if (top.col > col) this.stack.pop();
      // A key at a list's column ends that list (`phases:` / `- a` / `owner: x` at column 0).
      else if (!startsWithDash && top.type === 'seq' && top.col === col) this.stack.pop();
      else break;
    }
  }

  dash(col: number, first: boolean): SeqFrame {
    if (first) this.popFor(col, true);
    const top = this.top();
    if (top?.type === 'seq' && top.col === col) {
      top.index++;
      return top;
    }
    const seq: SeqFrame = { type: 'seq', col, index: 0 };
    this.stack.push(seq);
    return seq;
  }

  key(col: number, key: string, first: boolean): MapFrame {
    if (first) this.popFor(col, false);
    const top = this.top();
    if (top?.type === 'map' && top.col === col) {
      top.key = key;
      top.keys.push(key);
      return top;
    }
    const map: MapFrame = { type: 'map', col, key, keys: [key] };
    this.stack.push(map);
    return map;
  }

  /** Applies a complete line above the cursor. */
  line(shape: LineShape): void {
    shape.dashes.forEach((col, i) => this.dash(col, i === 0));
    if (shape.key !== undefined) {
      const map = this.key(shape.contentCol, shape.key, shape.dashes.length === 0);
      if (shape.key === 'id') {
        const id = /^[^\s#,{}[\]"']+/.exec(shape.value)?.[0];
        if (id) map.id = id;
      }
    }
  }
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && WORD_CHAR.test(text[end])) end++;
  return end;
}

/** Reads a flow collection from its opening bracket up to the cursor. */
function readFlow(text: string, basePath: PathSegment[]): { position: CursorPosition; prefix: string; quoted: boolean } | undefined {
  type FlowFrame = { bracket: '[' | '{'; index: number; key?: string; keys: string[]; expectingKey: boolean };
  const frames: FlowFrame[] = [];
  let tokenStart = 0;
  let quoteStart: number | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    if (quote) {
      i = closingQuote(text, i, quote);
      if (i < 0) break;
      quote = undefined;
      continue;
    }
    const ch = text[i];
    const top = frames[frames.length - 1];
    if (ch === '"' || ch === "'") {
      quote = ch;
      quoteStart = i;
    } else if (ch === '#' && i > 0 && /\s/.test(text[i - 1])) {
      const newline = text.indexOf('\n', i);
      if (newline < 0) return undefined;
      i = newline;
    } else if (ch === '[' || ch === '{') {
      frames.push({ bracket: ch, index: 0, keys: [], expectingKey: ch === '{' });
      tokenStart = i + 1;
    } else if (ch === ']' || ch === '}') {
      frames.pop();
      if (frames.length === 0) return undefined;
      tokenStart = i + 1;
    } else if (ch === ',' && top) {
      if (top.bracket === '{') {
        top.expectingKey = true;
        top.key = undefined;
      } else {
        top.index++;
      }
      tokenStart = i + 1;
    } else if (ch === ':' && top?.bracket === '{' && top.expectingKey && (i + 1 === text.length || /[\s,}\]]/.test(text[i + 1]))) {
      top.key = unquoteKey(text.slice(tokenStart, i).trim());
      top.keys.push(top.key);
      top.expectingKey = false;
      tokenStart = i + 1;
    }
  }
  const top = frames[frames.length - 1];
  if (!top) return undefined;
  const path = [...basePath];
  for (const frame of frames.slice(0, -1)) path.push(frame.bracket === '{' ? (frame.key ?? '') : frame.index);
  const quoted = quote !== undefined;
  const prefix = quoted ? text.slice((quoteStart ?? 0) + 1) : text.slice(tokenStart).trimStart();
  if (top.bracket === '{') {
    if (top.expectingKey) return { position: { kind: 'key', path, siblingKeys: top.keys }, prefix, quoted };
    return { position: { kind: 'value', path: [...path, top.key ?? ''] }, prefix, quoted };
  }
  return { position: { kind: 'value', path: [...path, top.index] }, prefix, quoted };
}

/** Keys at `col` in the lines after the cursor that belong to the same mapping. */
function laterSiblingKeys(lines: readonly string[], col: number): string[] {
  const keys: string[] = [];
  for (const line of lines) {
    const shape = shapeOf(line.replace(/\r$/, ''));
    if (!shape) continue;
    const first = shape.dashes[0] ?? shape.contentCol;
    if (first < col) break;
    if (first > col) continue;
    if (shape.dashes.length > 0) break;
    if (shape.key !== undefined) keys.push(shape.key);
  }
  return keys;
}

/** The completion context at `offset` of `text`; undefined inside comments or after a closed flow collection. */
export function completionContext(text: string, offset: number): CompletionContext | undefined {
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  const reader = new BlockReader();
  let blockScalarAbove: number | undefined;
  let flow: { state: FlowState; start: number; basePath: PathSegment[] } | undefined;
  let lineOffset = 0;

  for (const rawLine of lines) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const thisOffset = lineOffset;
    lineOffset += rawLine.length + 1;
    if (flow) {
      flow.state = scanFlow(line, flow.state);
      if (flow.state.depth === 0 && !flow.state.quote) flow = undefined;
      continue;
    }
    const shape = shapeOf(line);
    if (!shape) continue;
    if (blockScalarAbove !== undefined) {
      if (shape.indent > blockScalarAbove) continue;
      blockScalarAbove = undefined;
    }
    if (/^(---|\.\.\.)(\s|$)/.test(line) || line.startsWith('%')) {
      reader.stack.length = 0;
      continue;
    }
    reader.line(shape);
    if (BLOCK_SCALAR.test(shape.value)) {
      blockScalarAbove = shape.key !== undefined ? shape.contentCol : (shape.dashes[shape.dashes.length - 1] ?? shape.indent);
      continue;
    }
    const state = scanFlow(shape.value, { depth: 0 });
    if (state.depth > 0 || state.quote) {
      const basePath = framesPath(reader.stack).path;
      flow = { state, start: thisOffset + shape.valueCol, basePath };
    }
  }

  const lineEnd = (() => {
    const newline = text.indexOf('\n', at);
    return newline < 0 ? text.length : newline;
  })();
  const fullLine = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const before = text.slice(lineStart, at);
  const finish = (position: CursorPosition, prefix: string, extra: Partial<CompletionContext> & { column: number }): CompletionContext => {
    const start = at - prefix.length;
    return {
      position,
      prefix,
      replace: [start, Math.max(at, wordEnd(text, at))],
      inFlow: false,
      needsSpace: false,
      quoted: false,
      ids: framesPath(reader.stack).ids,
      ...extra,
    };
  };

  if (flow) {
    const read = readFlow(text.slice(flow.start, at), flow.basePath);
    if (!read) return undefined;
    return finish(read.position, read.prefix, { inFlow: true, quoted: read.quoted, column: before.length - before.trimStart().length });
  }

  if (blockScalarAbove !== undefined) {
    const indent = fullLine.trim() === '' ? before.length : fullLine.length - fullLine.trimStart().length;
    if (indent > blockScalarAbove) return undefined;
  }

  const linesAfter = text.slice(lineEnd + 1).split('\n');
  const shape = shapeOf(before);
  if (!shape) {
    if (before.trimStart().startsWith('#')) return undefined;
    // Only blanks before the cursor: the column decides which container the new line is in.
    return blankLineContext(reader, linesAfter, before.length, finish);
  }
  if (/(^|\s)#/.test(shape.value) && scanFlow(shape.value, { depth: 0 }).depth === 0 && !/["']/.test(shape.value)) return undefined;

  shape.dashes.forEach((col, i) => reader.dash(col, i === 0));
  const seq = reader.stack[reader.stack.length - 1];

  if (shape.key !== undefined) {
    reader.key(shape.contentCol, shape.key, shape.dashes.length === 0);
    const base = framesPath(reader.stack).path;
    const column = shape.contentCol;
    if (shape.value.startsWith('[') || shape.value.startsWith('{')) {
      const read = readFlow(shape.value, base);
      if (!read) return undefined;
      return finish(read.position, read.prefix, { inFlow: true, quoted: read.quoted, column });
    }
    const quoted = shape.value.startsWith('"') || shape.value.startsWith("'");
    const prefix = quoted ? shape.value.slice(1) : shape.value;
    return finish({ kind: 'value', path: base }, prefix, { quoted, needsSpace: before.endsWith(':'), column });
  }

  if (shape.dashes.length > 0 && seq?.type === 'seq') {
    const seqPath = framesPath(reader.stack.slice(0, -1)).path;
    const column = shape.contentCol;
    if (shape.value.startsWith('[') || shape.value.startsWith('{')) {
      const read = readFlow(shape.value, [...seqPath, seq.index]);
      if (!read) return undefined;
      return finish(read.position, read.prefix, { inFlow: true, quoted: read.quoted, column });
    }
    const quoted = shape.value.startsWith('"') || shape.value.startsWith("'");
    const prefix = quoted ? shape.value.slice(1) : shape.value;
    return finish({ kind: 'item', path: seqPath, index: seq.index, dash: true }, prefix, { quoted, column });
  }

  // A word without a colon at some column: a key being typed, or a list item without its dash.
  return blankLineContext(reader, linesAfter, shape.indent, finish, shape.value);
}

type Finish = (position: CursorPosition, prefix: string, extra: Partial<CompletionContext> & { column: number }) => CompletionContext;

/** The context of a line that holds at most a word at column `col`: its column says which container it is in. */
function blankLineContext(reader: BlockReader, linesAfter: readonly string[], col: number, finish: Finish, prefix = ''): CompletionContext {
  const stack = reader.stack;
  while (stack.length > 0 && stack[stack.length - 1].col > col) stack.pop();
  let top = stack[stack.length - 1];
  // `phases:` / `- id: a` / cursor at column 0: a new top-level key is likelier than a dashless item.
  if (top?.type === 'seq' && top.col === col && stack[stack.length - 2]?.col === col) {
    stack.pop();
    top = stack[stack.length - 1];
  }
  const later = laterSiblingKeys(linesAfter, col);
  if (!top) return finish({ kind: 'key', path: [], siblingKeys: later }, prefix, { column: col });
  const parentPath = framesPath(stack.slice(0, -1)).path;
  if (top.type === 'seq') {
    if (top.col === col) return finish({ kind: 'item', path: parentPath, index: top.index + 1, dash: false }, prefix, { column: col });
    return finish({ kind: 'under', path: [...parentPath, top.index] }, prefix, { column: col });
  }
  if (top.col === col) return finish({ kind: 'key', path: parentPath, siblingKeys: [...top.keys, ...later] }, prefix, { column: col });
  return finish({ kind: 'under', path: [...parentPath, top.key ?? ''] }, prefix, { column: col });
}
