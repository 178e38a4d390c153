import { visit } from 'yaml';
import { eolOf } from './edits';
import { lineEndOffset, lineStartOffset, rangeFromOffsets, type SourceFile } from './source';
import { closest } from './suggest';
import type { Finding, TextEdit } from './types';

/**
 * Inline disable comments in a plan.
 *
 * - `# crm-rollout-disable-next-line a, b` silences rules a and b for findings whose range
 *   starts on the next line that is neither blank nor a comment, so several such comments may
 *   be stacked above one line. Without ids it silences every rule there.
 * - `# crm-rollout-disable a, b` silences rules for the whole file, but only among the lines
 *   before the first YAML node (blank lines, comments, `%` directives and `---` may precede
 *   it). Without ids it silences every rule. Placed later, it has no effect and is not read.
 * - Only whole-line comments count: a trailing `key: value # crm-rollout-disable-next-line`
 *   is an ordinary comment, so a directive is always visible on a line of its own. Lines
 *   inside multi-line scalars (block `|`, `>` or quoted text) are text, never comments.
 * - Ids are separated by commas (spaces also work); ` -- ` starts a free-text reason.
 * - An id that is not a known rule is an `unknown-rule` warning at the id itself.
 */

interface Disables {
  isDisabled(ruleId: string, line0: number): boolean;
  findings: Finding[];
}

const DIRECTIVE = /^[ \t]*#[ \t]*crm-rollout-(disable-next-line|disable)(?=\s|$)/;

interface DirectiveId {
  id: string;
  start: number;
  end: number;
}

interface Directive {
  kind: 'disable-next-line' | 'disable';
  ids: DirectiveId[];
}

type LineKind = 'blank' | 'comment' | 'content' | 'header';

export function parseDisables(source: SourceFile, knownIds: ReadonlySet<string>): Disables {
  // Every directive contains this text; most plans have none, and classifying every line of
  // a large plan costs as much as a tenth of parsing it.
  if (!source.text.includes('crm-rollout-disable')) return { findings: [], isDisabled: () => false };
  const kinds = classifyLines(source);
  const findings: Finding[] = [];
  const fileIds = new Set<string>();
  let fileAll = false;
  const lineIds = new Map<number, Set<string>>();
  const lineAll = new Set<number>();
  let inHeader = true;

  kinds.forEach((kind, line) => {
    if (kind === 'content') inHeader = false;
    if (kind !== 'comment') return;
    const directive = readDirective(source, line);
    if (!directive || (directive.kind === 'disable' && !inHeader)) return;
    for (const { id, start, end } of directive.ids) {
      if (!knownIds.has(id)) findings.push(unknownRuleFinding(source, [start, end], id, knownIds));
    }
    if (directive.kind === 'disable') {
      if (directive.ids.length === 0) fileAll = true;
      for (const { id } of directive.ids) fileIds.add(id);
      return;
    }
    const target = nextContentLine(kinds, line);
    if (target === undefined) return;
    if (directive.ids.length === 0) lineAll.add(target);
    const ids = lineIds.get(target) ?? new Set<string>();
    for (const { id } of directive.ids) ids.add(id);
    lineIds.set(target, ids);
  });

  return {
    findings,
    isDisabled: (ruleId, line0) => fileAll || fileIds.has(ruleId) || lineAll.has(line0) || (lineIds.get(line0)?.has(ruleId) ?? false),
  };
}

/**
 * The "disable for this line" quick fix: a `# crm-rollout-disable-next-line <id>` line above
 * `line0`, indented like it, with the file's line endings. When the line above already is such
 * a comment, `, <id>` is appended to its ids; when it already covers the rule (it names it or
 * names no rule at all) the edit is empty.
 */
export function disableLineEdit(source: SourceFile, line0: number, ruleId: string): TextEdit {
  const lastLine = Math.max(0, source.lineCounter.lineStarts.length - 1);
  const line = Math.min(Math.max(0, line0), lastLine);
  const start = lineStartOffset(source, line);
  if (line > 0) {
    const above = readDirective(source, line - 1);
    if (above?.kind === 'disable-next-line') {
      const covered = above.ids.length === 0 || above.ids.some((entry) => entry.id === ruleId);
      const at = covered ? lineEndOffset(source, line - 1) : above.ids[above.ids.length - 1].end;
      return { start: at, end: at, newText: covered ? '' : `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(source.text.slice(start, lineEndOffset(source, line)))?.[0] ?? '';
  return { start, end: start, newText: `${indent}# crm-rollout-disable-next-line ${ruleId}${eolOf(source)}` };
}

/**
 * An `unknown-rule` warning at [start, end) with a did-you-mean and a replace fix; `idOffsets`
 * is the id text itself (inside the quotes of a quoted key). Also used by config.ts.
 */
export function unknownRuleFinding(
  source: SourceFile,
  offsets: [number, number],
  id: string,
  knownIds: ReadonlySet<string>,
  idOffsets: [number, number] = offsets,
): Finding {
  const suggestion = closest(id, knownIds);
  const hint = suggestion ? `; did you mean "${suggestion}"?` : '; remove it or use a rule id listed in docs/rules';
  return {
    ruleId: 'unknown-rule',
    messageId: 'unknown',
    severity: 'warning',
    message: `rule "${id}" does not exist${hint}`,
    file: source.path,
    range: rangeFromOffsets(source, offsets[0], offsets[1]),
    offsets,
    data: suggestion ? { id, suggestion } : { id },
    // A suggestion, not a fix: the replacement changes which rule is configured or silenced.
    fixes: suggestion ? [{ title: `replace with "${suggestion}"`, edits: [{ start: idOffsets[0], end: idOffsets[1], newText: suggestion }], kind: 'suggestion' }] : undefined,
  };
}

function lineText(source: SourceFile, line: number): string {
  return source.text.slice(lineStartOffset(source, line), lineEndOffset(source, line));
}

function readDirective(source: SourceFile, line: number): Directive | undefined {
  const text = lineText(source, line);
  const match = DIRECTIVE.exec(text);
  if (!match) return undefined;
  const base = lineStartOffset(source, line) + match[0].length;
  const ids: DirectiveId[] = [];
  const token = /[^\s,]+/g;
  const rest = text.slice(match[0].length);
  for (let m = token.exec(rest); m; m = token.exec(rest)) {
    if (m[0] === '--') break;
    ids.push({ id: m[0], start: base + m.index, end: base + m.index + m[0].length });
  }
  return { kind: match[1] as Directive['kind'], ids };
}

function nextContentLine(kinds: readonly LineKind[], after: number): number | undefined {
  for (let line = after + 1; line < kinds.length; line++) if (kinds[line] === 'content') return line;
  return undefined;
}

/**
 * Blank, whole-line comment, header marker (`---`, `%YAML`) or content, for every line.
 * A line inside a multi-line scalar is content even when it starts with `#`.
 */
function classifyLines(source: SourceFile): LineKind[] {
  const multiLineScalars: [number, number][] = [];
  visit(source.doc, {
    Scalar(_, node) {
      const range = node.range;
      if (range && source.text.slice(range[0], range[1]).includes('\n')) multiLineScalars.push([range[0], range[1]]);
    },
  });
  const insideScalar = (offset: number) => multiLineScalars.some(([start, end]) => offset > start && offset < end);
  const lineCount = source.lineCounter.lineStarts.length;
  const kinds: LineKind[] = [];
  for (let line = 0; line < lineCount; line++) {
    const text = lineText(source, line);
    const trimmed = text.trim();
    const firstChar = lineStartOffset(source, line) + (text.length - text.trimStart().length);
    if (trimmed === '') kinds.push('blank');
    else if (insideScalar(firstChar)) kinds.push('content');
    else if (trimmed.startsWith('#')) kinds.push('comment');
    else if (/^---(?:\s+#.*)?$/.test(trimmed) || trimmed.startsWith('%')) kinds.push('header');
    else kinds.push('content');
  }
  return kinds;
}
