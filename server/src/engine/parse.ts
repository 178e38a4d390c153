import { isAlias, isCollection, isNode, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { fastParseDocument } from './fastParse';
import { PARSE_OPTIONS } from './parseOptions';
import { rangeFromOffsets, type SourceFile } from './source';
import type { Finding } from './types';

/** Files larger than this are not parsed: a plan this size is a mistake or an attack. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Aliases a document may expand before it counts as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;

export interface ParseResult {
  source: SourceFile;
  findings: Finding[];
  /** True when the document cannot be trusted for schema and rule checks. */
  fatal: boolean;
}

export { PARSE_OPTIONS };

/**
 * A LineCounter holding the start of every line of `text`. The parser's own counter misses
 * the line breaks inside a token it gives up on (a broken multi-line scalar), which would
 * put every later finding on the wrong line; one scan of the text is exact and cheap.
 */
export function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

function emptySource(path: string, text: string): SourceFile {
  const doc = parseDocument('') as Document.Parsed;
  return { path, text, doc, lineCounter: lineCounterOf(text) };
}

/** Inputs beyond a bound (size, nesting, aliases) are `limits` findings; the rest is syntax. */
const LIMIT_MESSAGE_IDS: ReadonlySet<string> = new Set(['tooLarge', 'tooDeep', 'aliasBomb']);

function syntaxFinding(source: SourceFile, message: string, start: number, end: number, messageId = 'syntax'): Finding {
  const safeStart = Math.max(0, Math.min(start, source.text.length));
  const safeEnd = Math.max(safeStart, Math.min(end, source.text.length));
  return {
    ruleId: LIMIT_MESSAGE_IDS.has(messageId) ? 'limits' : 'yaml-syntax',
    messageId,
    severity: 'error',
    message,
    file: source.path,
    range: rangeFromOffsets(source, safeStart, safeEnd),
    offsets: [safeStart, safeEnd],
  };
}

/** A C0 control character YAML does not allow (tab and line breaks are fine): a sign of binary data. */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Reasons a text is not YAML at all, checked before parsing so junk never reaches the parser. */
function rejectJunk(path: string, text: string): ParseResult | undefined {
  if (text.length > MAX_FILE_BYTES) {
    const source = emptySource(path, '');
    return {
      source,
      fatal: true,
      findings: [syntaxFinding(source, `file is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for a plan; split it into smaller files with imports`, 0, 0, 'tooLarge')],
    };
  }
  // YAML forbids C0 control characters other than tab and line breaks; a run of them, or of
  // undecodable bytes (U+FFFD), means the file is binary, not a plan with a typo.
  const control = text.search(CONTROL_CHARACTER);
  const replacement = text.indexOf('\ufffd');
  const at = control >= 0 ? control : replacement >= 0 && countOf(text, '\ufffd') * 100 > text.length ? replacement : -1;
  if (at >= 0) {
    const source = emptySource(path, text);
    return {
      source,
      fatal: true,
      findings: [syntaxFinding(source, 'file contains control characters or undecodable bytes, so it looks binary, not YAML; check that the right file was named', at, at + 1, 'binary')],
    };
  }
  return undefined;
}

function countOf(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

function lowerFirst(message: string): string {
  const clean = message.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
  return clean.charAt(0).toLowerCase() + clean.slice(1);
}

/** The range of the mapping key that starts at `offset` (the parser reports only its first character). */
function keyRangeAt(doc: Document.Parsed, offset: number): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Pair(_, pair) {
      const range = isNode(pair.key) ? pair.key.range : undefined;
      if (range && range[0] === offset) {
        found = [range[0], range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

const TOO_DEEP_TO_PARSE = 'the document is nested too deeply to parse; simplify the structure';

/**
 * Parses YAML text with the 1.2 core schema (dates stay strings) and a LineCounter. Plans in
 * the common subset of YAML take the fast path (fastParse.ts), which builds the same Document
 * as `yaml`'s parser without its syntax tree; anything else, and every text with a problem,
 * goes through `yaml`'s parseDocument.
 */
export function parseSource(path: string, text: string): ParseResult {
  const junk = rejectJunk(path, text);
  if (junk) return junk;
  const fast = fastParseDocument(text);
  if (fast) return { source: { path, text, doc: fast, lineCounter: lineCounterOf(text) }, findings: [], fatal: false };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, PARSE_OPTIONS) as Document.Parsed;
  } catch (error) {
    // The parser recurses on nesting; a pathological depth overflows the stack.
    const source = emptySource(path, text);
    const message = error instanceof RangeError ? TOO_DEEP_TO_PARSE : `the parser failed: ${String(error)}; simplify the structure`;
    return { source, fatal: true, findings: [syntaxFinding(source, message, 0, 0, 'tooDeep')] };
  }
  const source: SourceFile = { path, text, doc, lineCounter: lineCounterOf(text) };
  const findings: Finding[] = [];
  let fatal = false;
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    if (error.code === 'DUPLICATE_KEY') {
      const [keyStart, keyEnd] = keyRangeAt(doc, start) ?? [start, end];
      const key = text.slice(keyStart, keyEnd).trim() || 'key';
      findings.push(syntaxFinding(source, `key "${key}" appears twice in the same mapping; remove or rename one of them`, keyStart, keyEnd, 'duplicateKey'));
    } else if (/call stack/i.test(error.message)) {
      // The parser turns its own stack overflow on pathological nesting into an error here.
      fatal = true;
      findings.push(syntaxFinding(source, TOO_DEEP_TO_PARSE, start, Math.max(end, start + 1), 'tooDeep'));
    } else {
      fatal = true;
      findings.push(syntaxFinding(source, `${lowerFirst(error.message)}; fix the YAML syntax here`, start, Math.max(end, start + 1)));
    }
  }
  return { source, findings, fatal };
}

/**
 * Text that may hold a key which is a list or a mapping: an explicit key (`? `), a flow
 * collection before a colon (`[a, b]: x`, `{ a: 1 }: x`) or an alias before one (`*list: x`).
 * Any other text has none, and the walk that looks for them is skipped.
 */
const MAYBE_COLLECTION_KEY = /\?(?:\s|$)|[\]}][ \t]*:|\*\S+[ \t]*:/m;

/**
 * A list or a mapping used as a key is valid YAML but has no place in a plan, a directory or a
 * configuration, whose keys are names: plain data could only hold it as a string such as
 * `[ a, b ]` (which yaml's `toJS` warns about on the console), and the schema and the rules
 * would then judge that string. So, like an unresolved alias, it is reported at the key and
 * the document is not read further.
 */
function collectionKeyFindings(source: SourceFile): Finding[] {
  const findings: Finding[] = [];
  if (!MAYBE_COLLECTION_KEY.test(source.text)) return findings;
  visit(source.doc, {
    Pair(_, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(source.doc) : pair.key;
      const range = isNode(pair.key) ? pair.key.range : undefined;
      if (!isCollection(key) || !range) return;
      const kind = isSeq(key) ? 'list' : 'mapping';
      const message = `this key is a ${kind}, but keys are names; write the key as plain text (quoted if it holds brackets), or make the ${kind} the value of a named key`;
      findings.push(syntaxFinding(source, message, range[0], range[1], 'collectionKey'));
    },
  });
  return findings;
}

interface DocumentValue {
  value: unknown;
  findings: Finding[];
}

/**
 * The plain JS value of a parsed document, for schema validation. Alias expansion is capped,
 * so an alias bomb becomes a finding instead of an out-of-memory; unresolved aliases and keys
 * that are lists or mappings are found up front with their exact position.
 */
export function documentValue(source: SourceFile): DocumentValue {
  const findings: Finding[] = [];
  // An alias is written `*name`: a text without `*` has none, and the walk that looks for
  // unresolved ones is skipped.
  if (source.text.includes('*')) {
    visit(source.doc, {
      Alias(_, alias) {
        if (!alias.resolve(source.doc) && alias.range) {
          const name = alias.source;
          findings.push({
            ...syntaxFinding(source, `alias "*${name}" has no anchor "&${name}" before it; define the anchor first or write the value out`, alias.range[0], alias.range[1], 'unresolvedAlias'),
          });
        }
      },
    });
  }
  if (findings.length > 0) return { value: undefined, findings };
  try {
    // Inside the try: the walk, like toJS, recurses as deep as the document is nested.
    findings.push(...collectionKeyFindings(source));
    if (findings.length > 0) return { value: undefined, findings };
    return { value: source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings };
  } catch (error) {
    let firstAlias: [number, number] = [0, 0];
    visit(source.doc, {
      Alias(_, alias) {
        if (alias.range) firstAlias = [alias.range[0], alias.range[1]];
        return visit.BREAK;
      },
    });
    const message =
      error instanceof RangeError
        ? 'the document is nested too deeply to read; simplify the structure'
        : `aliases expand to more than ${MAX_ALIAS_COUNT} nodes (an alias bomb); write the values out or use fewer aliases`;
    findings.push(syntaxFinding(source, message, firstAlias[0], firstAlias[1], error instanceof RangeError ? 'tooDeep' : 'aliasBomb'));
    return { value: undefined, findings };
  }
}
