import { LineCounter, parseDocument, type Document } from 'yaml';
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

const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
} as const;

function emptySource(path: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument('', { lineCounter }) as Document.Parsed;
  // Register line starts of the real text so positions past offset 0 still map.
  lineCounter.lineStarts.length = 0;
  lineCounter.addNewLine(0);
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineCounter.addNewLine(i + 1);
  return { path, text, doc, lineCounter };
}

function syntaxFinding(source: SourceFile, message: string, start: number, end: number, messageId = 'syntax'): Finding {
  const safeStart = Math.max(0, Math.min(start, source.text.length));
  const safeEnd = Math.max(safeStart, Math.min(end, source.text.length));
  return {
    ruleId: 'yaml-syntax',
    messageId,
    severity: 'error',
    message,
    file: source.path,
    range: rangeFromOffsets(source, safeStart, safeEnd),
    offsets: [safeStart, safeEnd],
  };
}

/** Reasons a text is not YAML at all, checked before parsing so junk never reaches the parser. */
function rejectJunk(path: string, text: string): ParseResult | undefined {
  if (text.length > MAX_FILE_BYTES) {
    const source = emptySource(path, '');
    const mib = (text.length / 1024 / 1024).toFixed(1);
    return {
      source,
      fatal: true,
      findings: [syntaxFinding(source, `file is ${mib} MiB, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for a plan; split it with imports`, 0, 0, 'tooLarge')],
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const source = emptySource(path, text);
    return {
      source,
      fatal: true,
      findings: [syntaxFinding(source, 'file contains NUL bytes and looks binary, not YAML; check that the right file was named', nul, nul + 1, 'binary')],
    };
  }
  return undefined;
}

function lowerFirst(message: string): string {
  const clean = message.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
  return clean.charAt(0).toLowerCase() + clean.slice(1);
}

/** Parses YAML text with the 1.2 core schema (dates stay strings) and a LineCounter. */
export function parseSource(path: string, text: string): ParseResult {
  const junk = rejectJunk(path, text);
  if (junk) return junk;
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter }) as Document.Parsed;
  } catch (error) {
    // The parser recurses on nesting; a pathological depth overflows the stack.
    const source = emptySource(path, text);
    const why = error instanceof RangeError ? 'the document is nested too deeply to parse' : `the parser failed: ${String(error)}`;
    return { source, fatal: true, findings: [syntaxFinding(source, `${why}; simplify the structure`, 0, 0, 'tooDeep')] };
  }
  const source: SourceFile = { path, text, doc, lineCounter };
  const findings: Finding[] = [];
  let fatal = false;
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    if (error.code === 'DUPLICATE_KEY') {
      const key = text.slice(start, end).trim() || 'key';
      findings.push(syntaxFinding(source, `key "${key}" appears twice in the same mapping; remove or rename one of them`, start, end, 'duplicateKey'));
    } else {
      fatal = true;
      findings.push(syntaxFinding(source, `${lowerFirst(error.message)}; fix the YAML syntax here`, start, Math.max(end, start + 1)));
    }
  }
  return { source, findings, fatal };
}
