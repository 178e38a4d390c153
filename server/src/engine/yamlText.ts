/**
 * Values written as YAML text, without the yaml library, for quick-fix edits and new plans:
 * always on one line, plain where YAML reads the plain text back as the same string, else
 * quoted. The choices are the yaml library's own (tests/engine/yamlText.test.ts compares the
 * two), except that text which would need several lines or a block scalar there is written
 * double-quoted with escapes here, so a value always fits after `key: ` or inside `[...]`.
 */

/** Plain text YAML 1.2's core schema reads as null, a boolean or a number. */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/**
 * What plain text cannot be: start with an indicator, be a lone `-` or `?` or start with one
 * and a space, hold `: ` or ` #`, end in a space or a colon, or start like a document marker.
 */
const PLAIN_UNSAFE = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$|^(?:---|\.\.\.)/;
const FLOW_INDICATOR = /[,[\]{}]/;
/** Line breaks, control characters, lone surrogates and non-characters: only escapes can write them. */
const NEEDS_ESCAPE = /[\n\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]/u;

const NAMED_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\x0b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
};

function hexEscape(unit: number): string {
  return unit < 0x100 ? `\\x${unit.toString(16).padStart(2, '0')}` : `\\u${unit.toString(16).padStart(4, '0')}`;
}

function doubleQuoted(value: string): string {
  let out = '"';
  for (const char of value) {
    const named = NAMED_ESCAPES[char];
    if (named) out += named;
    else if (NEEDS_ESCAPE.test(char)) out += [...Array(char.length).keys()].map((i) => hexEscape(char.charCodeAt(i))).join('');
    else out += char;
  }
  return `${out}"`;
}

function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Text with double quotes but no single ones reads best in single quotes; everything else in double quotes. */
function quoted(value: string): string {
  return value.includes('"') && !value.includes("'") ? singleQuoted(value) : doubleQuoted(value);
}

function numberText(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/** A string as YAML text after `key: ` in block style, where commas and brackets may stay plain. */
export function blockScalarText(value: string): string {
  if (NEEDS_ESCAPE.test(value)) return doubleQuoted(value);
  if (PLAIN_UNSAFE.test(value) || NOT_A_STRING.some((re) => re.test(value))) return quoted(value);
  return value;
}

/**
 * One value as YAML text that fits anywhere, inside `{ ... }` and `[ ... ]` too, where a comma,
 * bracket or brace would end a plain value; YAML reads it back as the same string, number or boolean.
 */
export function scalarText(value: string | number | boolean): string {
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  const text = blockScalarText(value);
  return text === value && FLOW_INDICATOR.test(value) ? doubleQuoted(value) : text;
}

/** `[a, b]`: a list in flow style. */
export function flowListText(values: readonly string[]): string {
  return `[${values.map(scalarText).join(', ')}]`;
}

/** `{ a: 1, b: [x, y] }` in flow style for inserting a small object on one line. */
export function flowMapText(entries: Record<string, string | number | boolean | string[]>): string {
  const parts = Object.entries(entries).map(([key, value]) => `${key}: ${Array.isArray(value) ? flowListText(value) : scalarText(value)}`);
  return `{ ${parts.join(', ')} }`;
}
