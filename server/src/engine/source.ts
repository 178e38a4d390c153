import { LineCounter, type Document, type Node } from 'yaml';
import type { Position, Range } from './types';

/** One parsed YAML file: its text, its Document and the LineCounter that maps offsets. */
export interface SourceFile {
  /** Path as the caller named it (absolute for the CLI, a URI path for the server). */
  path: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function positionAt(source: Pick<SourceFile, 'lineCounter'>, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

export function rangeFromOffsets(source: Pick<SourceFile, 'lineCounter'>, start: number, end: number): Range {
  return { start: positionAt(source, start), end: positionAt(source, end) };
}

/** Offsets of a node's value, without trailing comments or blank lines. */
export function nodeOffsets(node: Node | null | undefined): [number, number] | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return [r[0], r[1]];
}

/** Offset of the first character of a line (0-based line). */
export function lineStartOffset(source: Pick<SourceFile, 'lineCounter' | 'text'>, line: number): number {
  const starts = source.lineCounter.lineStarts;
  if (line < starts.length) return starts[line];
  return source.text.length;
}

/** Offset just past the last character of a line, before its line break. */
export function lineEndOffset(source: Pick<SourceFile, 'lineCounter' | 'text'>, line: number): number {
  const starts = source.lineCounter.lineStarts;
  let end = line + 1 < starts.length ? starts[line + 1] : source.text.length;
  while (end > 0 && end > starts[line] && (source.text[end - 1] === '\n' || source.text[end - 1] === '\r')) end--;
  return end;
}
