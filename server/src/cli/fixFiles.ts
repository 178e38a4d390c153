import * as fs from 'node:fs';
import { fixUntilStable } from '../engine/fix';
import { lintText, type LintOptions } from '../engine/lint';
import { MAX_FILE_BYTES } from '../engine/parse';
import { decodeText } from '../platform/decode';

/**
 * `lint --fix`: applies every fix (never a suggestion) until the file stops changing (fix.ts guarantees the
 * fixes of one pass never overlap) and writes back only files that changed, in the encoding
 * they were read in (a UTF-8 or UTF-16 byte-order mark is kept). Line endings are the fixes'
 * business: edits.ts writes the file's own.
 */

export interface FixOutcome {
  path: string;
  before: string;
  after: string;
  /** Problems fixed, over every pass. */
  fixed: number;
}

interface FileText {
  text: string;
  encode(text: string): Buffer;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function readFileText(file: string): FileText | undefined {
  const bytes = fs.readFileSync(file);
  // Too large to lint means nothing to fix; never write back a file we could not read whole.
  if (bytes.length > MAX_FILE_BYTES) return undefined;
  const text = decodeText(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text, encode: (t) => Buffer.from(`\ufeff${t}`, 'utf16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text, encode: (t) => Buffer.from(`\ufeff${t}`, 'utf16le').swap16() };
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return { text, encode: (t) => Buffer.concat([UTF8_BOM, Buffer.from(t, 'utf8')]) };
  return { text, encode: (t) => Buffer.from(t, 'utf8') };
}

/** Fixes one file; writes it when `write` is true and the text changed. */
export function fixFile(file: string, options: LintOptions, write: boolean): FixOutcome {
  const read = readFileText(file);
  if (!read) return { path: file, before: '', after: '', fixed: 0 };
  const result = fixUntilStable(read.text, (text) => lintText(file, text, options).findings);
  if (write && result.text !== read.text) fs.writeFileSync(file, read.encode(result.text));
  return { path: file, before: read.text, after: result.text, fixed: result.applied.length };
}
