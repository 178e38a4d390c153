import { parseSource, type ParseResult } from '../engine/parse';
import { reparse, REPARSE_MIN_LENGTH } from '../engine/reparse';
import type { SourceFile } from '../engine/source';
import { commonPrefixLength, commonSuffixLength } from '../engine/textDiff';

/** How much of two texts is the same at both ends: the closer previous text re-parses less. */
function sharedEnds(a: string, b: string): number {
  const start = commonPrefixLength(a, b);
  return start + commonSuffixLength(a, b, Math.min(a.length, b.length) - start);
}

const RECENT_FILES = 3;
const PARSES_PER_FILE = 3;

/**
 * Recent clean parses of recently linted large files, newest first per file, for the language
 * server's documents: it passes `parse` to the engine (LintOptions.parse), which then re-parses
 * only the edited list item after a keystroke (engine/reparse.ts). More than one per file: the
 * server also lints other texts of the same file (the fix-all preview lints each pass of its
 * fixes), and the next keystroke is closest to the editor's text, not to the last text linted.
 * Few files: an editor works on a handful.
 */
export class RecentParses {
  private readonly recent = new Map<string, SourceFile[]>();

  /**
   * `parseSource`, re-using a previous parse of the same path when the edit allows (see
   * `reparse`). Only clean parses of files of at least REPARSE_MIN_LENGTH are remembered.
   */
  readonly parse = (path: string, text: string): ParseResult => {
    const previous = this.recent.get(path) ?? [];
    this.recent.delete(path);
    let source: SourceFile | undefined;
    if (text.length >= REPARSE_MIN_LENGTH && previous.length > 0) {
      let closest = previous[0];
      let closestShared = -1;
      for (const candidate of previous) {
        const shared = sharedEnds(candidate.text, text);
        if (shared > closestShared) [closest, closestShared] = [candidate, shared];
      }
      source = reparse(closest, text);
    }
    const result: ParseResult = source ? { source, findings: [], fatal: false } : parseSource(path, text);
    const kept = text.length >= REPARSE_MIN_LENGTH && !result.fatal && result.findings.length === 0 ? [result.source] : [];
    const parses = [...kept, ...previous.filter((p) => p.text !== text)].slice(0, PARSES_PER_FILE);
    if (parses.length > 0) this.recent.set(path, parses);
    if (this.recent.size > RECENT_FILES) this.recent.delete(this.recent.keys().next().value as string);
    return result;
  };
}
