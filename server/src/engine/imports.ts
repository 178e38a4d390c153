import type { Node } from 'yaml';
import { containment } from './containment';
import type { FileSystem } from './fileSystem';
import { readDirectory, type DateValue, type ImportEntry, type NamedCalendar, type Person, type Team } from './model';
import { parseSource } from './parse';
import { CORE_RULES } from './coreRules';
import { formatMessage } from './messages';
import { nodeOffsets, rangeFromOffsets, type SourceFile } from './source';
import type { Finding } from './types';
import { asMap, asSeq, deref } from './yamlNodes';
import { pushAll } from './arrays';

const IMPORT_MESSAGES = CORE_RULES.find((r) => r.id === 'import')!.messages;

export interface ImportedFile {
  path: string;
  source: SourceFile;
  /** The entry in the importing file that named this file first. */
  entry: ImportEntry;
}

export interface ImportResolution {
  files: ImportedFile[];
  people: Person[];
  teams: Team[];
  holidays: DateValue[];
  calendars: NamedCalendar[];
  findings: Finding[];
  /** Every path the result depends on, found or not (for re-validation when one changes). */
  dependencies: string[];
  /** The entry in the linted file that (directly or through nested imports) brought `source` in. */
  entryFor(source: SourceFile): Node | undefined;
}

export interface ImportOptions {
  /** Imports may not leave this folder (projectRoot.ts), symbolic links resolved. */
  root?: string;
}

/** The `imports:` entries of any file (plan or directory). */
function importEntries(source: SourceFile): ImportEntry[] {
  const root = asMap(source.doc, source.doc.contents);
  const pair = root?.items.find((p) => (p.key as { value?: unknown })?.value === 'imports');
  const seq = asSeq(source.doc, pair?.value);
  const entries: ImportEntry[] = [];
  seq?.items.forEach((item, index) => {
    const node = deref(source.doc, item) as (Node & { value?: unknown }) | undefined;
    if (node && typeof node.value === 'string' && node.value.length > 0) entries.push({ value: node.value, node, source, index });
  });
  return entries;
}

/**
 * Follows `imports:` from one file through a FileSystem: reads, parses and collects people,
 * teams, holidays and calendars of every imported file once, however many paths reach it.
 * Problems are findings on the importing file's entry, never exceptions.
 */
export function resolveImports(from: SourceFile, fs: FileSystem, options: ImportOptions = {}): ImportResolution {
  const result: ImportResolution = { files: [], people: [], teams: [], holidays: [], calendars: [], findings: [], dependencies: [], entryFor: () => undefined };
  const topEntryOf = new Map<SourceFile, Node>();
  const visited = new Set<string>();

  const fail = (top: ImportEntry, messageId: string, data: Record<string, string | number>) => {
    const offsets = nodeOffsets(top.node) ?? [0, 0];
    result.findings.push({
      ruleId: 'import',
      messageId,
      severity: 'error',
      message: formatMessage(IMPORT_MESSAGES[messageId], data),
      file: from.path,
      range: rangeFromOffsets(from, offsets[0], offsets[1]),
      offsets,
      idPath: `imports/${top.value}`,
    });
  };

  // Iterative depth-first walk; each frame remembers the chain of real paths for cycle messages.
  const startReal = from.path;
  type Frame = { entry: ImportEntry; top: ImportEntry; chain: string[] };
  const stack: Frame[] = importEntries(from)
    .reverse()
    .map((entry) => ({ entry, top: entry, chain: [startReal] }));
  while (stack.length > 0) {
    const { entry, top, chain } = stack.pop()!;
    const importer = entry.source;
    const resolved = fs.paths.resolve(fs.paths.dirname(importer.path), entry.value);
    result.dependencies.push(resolved);
    const shown = top === entry ? entry.value : `${top.value} → … → ${entry.value}`;
    const contained = containment(fs, options.root, resolved);
    if (contained.verdict === 'loop') {
      fail(top, 'unreadable', { path: shown, reason: 'it is a symbolic link loop' });
      continue;
    }
    if (contained.verdict === 'outside') {
      fail(top, 'outside', { path: shown, root: options.root ?? '' });
      continue;
    }
    const kind = fs.kind(resolved);
    if (kind === 'directory') {
      fail(top, 'directory', { path: shown });
      continue;
    }
    const read = fs.read(resolved);
    if (!read.ok) {
      if (read.reason === 'missing') fail(top, 'missing', { path: shown, resolved });
      else if (read.reason === 'directory') fail(top, 'directory', { path: shown });
      else fail(top, 'unreadable', { path: shown, reason: read.message });
      continue;
    }
    if (chain.includes(read.realPath)) {
      const names = [...chain, read.realPath].map((p) => fs.paths.basename(p));
      fail(top, 'cycle', { cycle: names.join(' → ') });
      continue;
    }
    if (visited.has(read.realPath)) continue;
    visited.add(read.realPath);
    const parsed = parseSource(resolved, read.text);
    if (parsed.fatal) {
      const first = parsed.findings[0];
      fail(top, 'broken', { path: shown, reason: first?.message.split(';')[0] ?? 'unreadable', line: (first?.range.start.line ?? 0) + 1 });
      continue;
    }
    const source = parsed.source;
    topEntryOf.set(source, top.node);
    result.files.push({ path: resolved, source, entry });
    const dir = readDirectory(source, asMap(source.doc, source.doc.contents), true);
    pushAll(result.people, dir.people);
    pushAll(result.teams, dir.teams);
    pushAll(result.holidays, dir.holidays);
    pushAll(result.calendars, dir.calendars);
    const nested = importEntries(source);
    for (let i = nested.length - 1; i >= 0; i--) stack.push({ entry: nested[i], top, chain: [...chain, read.realPath] });
  }
  result.entryFor = (source) => topEntryOf.get(source);
  return result;
}
