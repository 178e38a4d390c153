/**
 * Escaping for every text format the timeline is exported to. Plan text is untrusted: a plan
 * reviewed in a pull request may carry a name such as `<img src=x onerror=alert(1)>`, so
 * every value that comes from a plan goes through one of these before it is written out.
 */

/**
 * Characters XML 1.0 does not allow at all (C0 controls other than tab, LF and CR; U+FFFE and
 * U+FFFF; lone surrogates). An entity cannot carry them either, so they are dropped: one
 * such character in a plan name would otherwise make the whole SVG unreadable.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an XML/HTML element or a quoted attribute value (either quote). */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/**
 * Text safe inside a Mermaid `gantt` task name, section or title. Mermaid's gantt grammar ends
 * a task name at `:`, treats `#` as the start of an entity or comment and `;` as a statement
 * break, and has no escape for any of them that every renderer honours, so they are replaced
 * with look-alikes that read the same: `:` → `∶` (U+2236 RATIO), `#` → `＃` (U+FF03),
 * `;` → `,`. Line breaks become spaces (a statement is one line), `%%` cannot start a comment,
 * and backticks become `'` so the text can sit in a Markdown code fence.
 */
export function escapeMermaid(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/:/g, '\u2236')
    .replace(/#/g, '\uFF03')
    .replace(/;/g, ',')
    .replace(/`/g, "'")
    .replace(/%%/g, '% %')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Cells that a spreadsheet would run as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. A cell that a spreadsheet would evaluate as a formula (starting with
 * `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, which spreadsheets show as text; a field
 * with a comma, quote or line break is quoted with inner quotes doubled.
 */
export function escapeCsvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text safe in a GitHub-flavoured Markdown paragraph or table cell: HTML is neutralised with
 * entities (GitHub renders some inline HTML), Markdown punctuation is backslash-escaped, and
 * line breaks become spaces so a table row stays one row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[&<>]/g, (c) => XML_ENTITIES[c])
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`);
}
