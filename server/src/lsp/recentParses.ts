import { documentValue, parseSource, type DocumentValue, type ParseResult } from '../engine/parse';
import { reparseEdit, REPARSE_MIN_LENGTH, type Reparse } from '../engine/reparse';
import { reusedDocumentValue } from '../engine/valueReuse';
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
/** A remembered parse, with its document's value once a lint asked for it. */
interface Remembered {
  source: SourceFile;
  value?: DocumentValue;
}

export class RecentParses {
  private readonly recent = new Map<string, Remembered[]>();

  /**
   * `parseSource`, re-using a previous parse of the same path when the edit allows (see
   * `reparse`). Only clean parses of files of at least REPARSE_MIN_LENGTH are remembered, with
   * their document value: the value of a re-parse is the previous one with the edited item
   * converted anew (engine/valueReuse.ts).
   */
  readonly parse = (path: string, text: string): ParseResult => {
    const previous = this.recent.get(path) ?? [];
    this.recent.delete(path);
    let edit: Reparse | undefined;
    let closest: Remembered | undefined;
    if (text.length >= REPARSE_MIN_LENGTH && previous.length > 0) {
      let closestShared = -1;
      for (const candidate of previous) {
        const shared = sharedEnds(candidate.source.text, text);
        if (shared > closestShared) [closest, closestShared] = [candidate, shared];
      }
      edit = closest && reparseEdit(closest.source, text);
    }
    const parsed: ParseResult = edit ? { source: edit.source, findings: [], fatal: false } : parseSource(path, text);
    const entry: Remembered = { source: parsed.source };
    const base = edit ? closest?.value : undefined;
    const result: ParseResult = {
      ...parsed,
      value: () => {
        entry.value ??= (base && reusedDocumentValue(entry.source, base, edit?.changedItem)) ?? documentValue(entry.source);
        return entry.value;
      },
    };
    const kept = text.length >= REPARSE_MIN_LENGTH && !parsed.fatal && parsed.findings.length === 0 ? [entry] : [];
    const parses = [...kept, ...previous.filter((p) => p.source.text !== text)].slice(0, PARSES_PER_FILE);
    if (parses.length > 0) this.recent.set(path, parses);
    if (this.recent.size > RECENT_FILES) this.recent.delete(this.recent.keys().next().value as string);
    return result;
  };
}
