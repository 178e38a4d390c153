/**
 * Escaping for every text the tool writes: reports, timeline exports, terminal messages. Plan
 * text and file names are untrusted: a plan reviewed in a pull request may carry a name such
 * as `<img src=x onerror=alert(1)>`, or a value with a line break followed by
 * `::error file=…::Forged` (a GitHub workflow command) or an ESC sequence that clears the
 * terminal, so every value that comes from a plan goes through one of these before it is
 * written out. Human-readable outputs all go through `displayText`; machine formats keep
 * exact values, escaped for their syntax.
 */

/**
 * Characters that can change how a line is read rather than what it says: C0 and C1 controls
 * (ESC starts ANSI/OSC sequences, 0x9B is a one-byte CSI), DEL, every line break (LF, CR,
 * NEL, U+2028, U+2029) and the bidirectional overrides and isolates that reorder text.
 */
const UNSAFE_FOR_DISPLAY = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text safe on one line of a terminal, a CI log or an annotation: every character of
 * UNSAFE_FOR_DISPLAY is shown as an escape (`\n`, `\x1b`, `\u202e`), visibly and without effect,
 * so one finding is always one line and nothing in a value can forge another.
 */
export function displayText(text: string): string {
  return text.replace(UNSAFE_FOR_DISPLAY, (c) => {
    const code = c.charCodeAt(0);
    return NAMED_ESCAPES[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

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
 * Text safe in a GitHub-flavoured Markdown paragraph or table cell: line breaks and controls
 * as `displayText` shows them (a table row stays one row), HTML neutralised with entities
 * (GitHub renders some inline HTML), Markdown punctuation backslash-escaped, and `@` mentions
 * broken with a zero-width space so a PR comment notifies no one.
 */
export function escapeMarkdown(text: string): string {
  return displayText(text)
    .replace(/[&<>]/g, (c) => XML_ENTITIES[c])
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@&#8203;');
}
