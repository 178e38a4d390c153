import { InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { CompletionContext } from '../engine/completionContext';
import type { Plan } from '../engine/model';
import type { Schedule } from '../engine/schedule';
import type { SchemaKind } from '../engine/schemaFiles';

/**
 * What completion items are made of: where they go (the site), how an insertion is shaped
 * (a space after `key:`, a missing `- `, the indentation of the lines after the first) and
 * snippet text, degraded to plain text for clients without snippet support.
 */

/** Everything a completion needs to know about the cursor and the plan around it. */
export interface Site {
  ctx: CompletionContext;
  range: Range;
  kind: SchemaKind;
  plan?: Plan;
  schedule?: Schedule;
  asOf: string;
  snippets: boolean;
}

/** How an insertion is written: after `key:` without a space, as a new item without its dash. */
export interface Shape {
  dash: boolean;
  space: boolean;
  /** Column of the first character inserted (after any `- `). */
  column: number;
}

export function markdown(value: string | undefined) {
  return value ? { kind: MarkupKind.Markdown, value } : undefined;
}

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Snippet text without its tab stops, for clients without snippet support. */
function plainFromSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

/** A choice between values as a snippet tab stop (`${1|a,b|}`), or a plain placeholder when none fits. */
export function choice(n: number, values: readonly string[], fallback: string): string {
  const clean = values.filter((v) => /^[\w.-]+$/.test(v));
  return clean.length > 0 ? `\${${n}|${clean.join(',')}|}` : `\${${n}:${fallback}}`;
}

/** Joins snippet lines, indenting all but the first to `column`; a missing dash is written first. */
export function block(lines: readonly string[], shape: Shape): string {
  const column = shape.dash ? shape.column : shape.column + 2;
  const pad = ' '.repeat(column);
  const body = lines.map((line, i) => (i === 0 ? line : pad + line)).join('\n');
  return `${shape.space ? ' ' : ''}${shape.dash ? '' : '- '}${body}`;
}

/** A completion item replacing the word at the cursor with `snippet`. */
export function item(site: Site, label: string, snippet: string, extra: Partial<CompletionItem>): CompletionItem {
  const multiLine = snippet.includes('\n');
  return {
    label,
    textEdit: { range: site.range, newText: site.snippets ? snippet : plainFromSnippet(snippet) },
    insertTextFormat: site.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: multiLine ? InsertTextMode.asIs : undefined,
    ...extra,
  };
}

/** A sort key keeping items in the order they were made. */
export function order(i: number): string {
  return String(i).padStart(4, '0');
}
