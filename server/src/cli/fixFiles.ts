import * as fs from 'node:fs';
import { fixUntilStable } from '../engine/fix';
import { lintText, type LintOptions } from '../engine/lint';
import { MAX_FILE_BYTES } from '../engine/parse';
import { writeFileAtomic, WriteError } from '../platform/atomicWrite';
import { decodeBytes, encodeText } from '../platform/decode';

/**
 * `lint --fix`: applies every fix (never a suggestion) until the file stops changing (fix.ts guarantees the
 * fixes of one pass never overlap) and writes back only files that changed, in the encoding
 * they were read in (a UTF-8 or UTF-16 byte-order mark is kept), atomically, and only when the
 * file still holds the bytes the fixes were computed from. Line endings are the fixes' business:
 * edits.ts writes the file's own. A file in another encoding is never fixed: the lint reports it.
 */

export interface FixOutcome {
  path: string;
  before: string;
  after: string;
  /** Problems fixed, over every pass: applied fixes whose finding is gone. */
  fixed: number;
  /** Fixes refused because their result failed the check (engine/fixCheck.ts). */
  dropped: number;
  /** Why the fixed text could not be written; the file is then as it was. */
  writeError?: string;
}

const UNCHANGED = (path: string): FixOutcome => ({ path, before: '', after: '', fixed: 0, dropped: 0 });

/** Fixes one file; writes it when `write` is true and the text changed. */
export function fixFile(file: string, options: LintOptions, write: boolean, shownAs = file): FixOutcome {
  const bytes = readWhole(file);
  if (!bytes) return UNCHANGED(file);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return UNCHANGED(file);
  const result = fixUntilStable(decoded.text, (text) => lintText(file, text, options).findings);
  const outcome: FixOutcome = { path: file, before: decoded.text, after: result.text, fixed: result.fixed, dropped: result.dropped };
  if (!write || result.text === decoded.text) return outcome;
  try {
    writeFileAtomic(file, encodeText(result.text, decoded.encoding), { expected: bytes, shownAs });
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    return { ...outcome, writeError: error.message };
  }
  return outcome;
}

/** The file's bytes; undefined when it is too large to lint (nothing to fix) or not a regular file. */
function readWhole(file: string): Buffer | undefined {
  const stat = fs.statSync(file);
  if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
  const bytes = fs.readFileSync(file);
  return bytes.length > MAX_FILE_BYTES ? undefined : bytes;
}
