import type { ErrorObject } from 'ajv/dist/2020';
import { isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { isIndex, nonEmptyOffsets, valueOffsets, type Location } from './locatePath';
import { defNameOf, isJsonObject, keywordOf, type JsonSchema } from './schemaFiles';
import { nodeOffsets, type SourceFile } from './source';
import { idOf, type SchemaPaths } from './schemaPaths';
import { closest } from './suggest';
import type { Fix } from './types';
import { asMap } from './yamlNodes';

/**
 * What a schema finding says: one message per ajv error keyword, in words a plan author can
 * act on (lower-case, quoting the value, saying what to write instead), with the fixes the
 * error allows (a renamed key, a replaced enum value, quoted text).
 */

/** How each form of value is written, keyed by `$defs` name or, for formats, format name. */
const VALUE_FORMS: Record<string, { noun: string; how: (value: string) => string }> = {
  date: { noun: 'a date', how: () => 'write dates as YYYY-MM-DD' },
  duration: { noun: 'a duration', how: () => 'write working days as 10d or weeks as 4w' },
  id: {
    noun: 'a valid id',
    how: (value) => {
      const kebab = toKebab(value);
      return `ids are lower-case words joined by hyphens${kebab ? `, such as "${kebab}"` : ''}`;
    },
  },
  span: { noun: 'a time span', how: () => 'write days as 20d, weeks as 4w or months as 3m' },
  currency: { noun: 'a currency code', how: () => 'use a three-letter ISO code such as USD or EUR' },
  extends: {
    noun: 'a preset or a relative path',
    how: (value) => {
      const preset = closest(value, PRESETS);
      return preset ? `did you mean "${preset}"?` : 'use recommended, strict or all, or a path starting with ./ or ../';
    },
  },
  email: { noun: 'an e-mail address', how: () => 'write it as name@example.com' },
};

const PRESETS = ['recommended', 'strict', 'all'];

/** What a value of some shapes must be, where the type list alone would say it badly. */
const EXPECTED_BY_TITLE: Record<string, string> = {
  'rule setting': 'a severity (error, warning, info or off) or [severity, { options }]',
  dependency: 'a phase or milestone id, or { id, type, lag }',
};

const TYPE_PHRASES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

function toKebab(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A value as a message quotes it: strings in quotes (shortened), collections by kind. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** What a value is, without quoting it. */
function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return show(value);
}

/** Examples and enum values as YAML would show them inline. */
function inline(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function article(noun: string): string {
  return /^[aeio]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** Titles such as "owner-overload options" name several things and take no article. */
function isPlural(title: string): boolean {
  return title.endsWith('s');
}

/** Enum lists are the schema's own arrays: each is written out once, however many errors quote it. */
const inlineLists = new WeakMap<readonly unknown[], string[]>();

function inlineAll(values: readonly unknown[]): string[] {
  let shown = inlineLists.get(values);
  if (!shown) {
    shown = values.map(inline);
    inlineLists.set(values, shown);
  }
  return shown;
}

function useOneOf(values: readonly unknown[]): string {
  const shown = inlineAll(values);
  return shown.length === 1 ? `use ${shown[0]}` : `use one of ${shown.join(', ')}`;
}

function expectedPhrase(schema: JsonSchema | undefined, types: unknown): string {
  const title = schema?.title;
  if (typeof title === 'string' && EXPECTED_BY_TITLE[title]) return EXPECTED_BY_TITLE[title];
  const list = Array.isArray(types) ? types : [types];
  return list.map((t) => TYPE_PHRASES[String(t)] ?? String(t)).join(' or ');
}

/** What to write where a value is missing: "a person id", "a checklist item", "some text". */
function whatToWrite(schema: JsonSchema | undefined, expected: string): string {
  const title = titleOf(schema);
  if (title && !isPlural(title) && !EXPECTED_BY_TITLE[title]) return article(title);
  return expected === 'text' ? 'some text' : expected;
}

function titleOf(schema: JsonSchema | undefined): string | undefined {
  return typeof schema?.title === 'string' ? schema.title : undefined;
}

interface Described {
  messageId: string;
  message: string;
  /** Where to point; defaults to the value at the error's path. */
  offsets?: [number, number];
  data?: Record<string, unknown>;
  fixes?: Fix[];
}

/** Everything a message needs about one error. */
export interface ErrorSite {
  source: SourceFile;
  error: ErrorObject;
  segments: readonly string[];
  location: Location;
  /** The validation's shared path and key lookups (schemaPaths.ts). */
  paths: SchemaPaths;
  schema?: JsonSchema;
  /** The last path segment: the key, or the index of a list item. */
  key?: string;
  /** The key of the list an indexed item is in. */
  listKey?: string;
}

/** How a message names the value at the path: `"wave"`, `each phase`, `each entry of "tags"`. */
function subjectOf(site: ErrorSite): string {
  const title = titleOf(site.schema);
  if (site.key === undefined) return `the ${title ?? 'file'}`;
  if (!isIndex(site.key)) return `"${site.key}"`;
  if (title && isPlural(title)) return `the ${title}`;
  if (title && site.schema?.type === 'object') return `each ${title}`;
  return site.listKey ? `each entry of "${site.listKey}"` : 'each entry';
}

/** The noun an enum or const value is judged as: the schema's title, else the key. */
function nounOf(site: ErrorSite): string {
  return titleOf(site.schema) ?? (site.key !== undefined && !isIndex(site.key) ? site.key : site.listKey ?? 'value');
}

interface CommaSplit {
  /** The key whose value the comma cut short. */
  field: string;
  /** The text as the author meant it, from that value to the last stray key. */
  text: string;
  start: number;
  end: number;
}

/** A plain key with nothing after it, as YAML reads the words after a comma in `{ }`. */
function isStrayKey(pair: Pair): boolean {
  const { key, value } = pair;
  const emptyValue = value === null || (isScalar(value) && value.value === null && !nonEmptyOffsets(value));
  return isScalar(key) && key.type === 'PLAIN' && emptyValue;
}

/**
 * `{ task: Call sales, service and support }`: inside a flow mapping a comma ends the value,
 * so YAML reads "service and support" as a key without a value. Finds that reading, for a
 * message that says to quote the text instead of one about an unknown field.
 */
function commaSplit(text: string, map: YAMLMap, keyNode: Node | undefined, paths: SchemaPaths): CommaSplit | undefined {
  if (!map.flow) return undefined;
  const index = paths.itemIndex(map, keyNode);
  if (index < 1 || !isStrayKey(map.items[index])) return undefined;
  let first = index;
  while (first > 0 && isStrayKey(map.items[first - 1])) first--;
  const owner = map.items[first - 1];
  if (!owner || !isScalar(owner.key) || !isScalar(owner.value) || owner.value.type !== 'PLAIN' || typeof owner.value.value !== 'string') return undefined;
  let last = index;
  while (last + 1 < map.items.length && isStrayKey(map.items[last + 1])) last++;
  const start = nodeOffsets(owner.value)?.[0];
  const end = nodeOffsets(map.items[last].key as Node)?.[1];
  if (start === undefined || end === undefined) return undefined;
  return { field: String(owner.key.value), text: text.slice(start, end), start, end };
}

function describeUnknownKey(site: ErrorSite): Described {
  const key = String(site.error.params.additionalProperty);
  const properties = site.schema?.properties;
  const allowed = isJsonObject(properties) ? Object.keys(properties) : [];
  const title = titleOf(site.schema) ?? 'mapping';
  const suggestion = closest(key, allowed);
  const map = asMap(site.source.doc, site.location.node);
  const keyNode = map ? (site.paths.pairOf(map, key)?.key as Node | undefined) : undefined;
  const offsets = nonEmptyOffsets(keyNode) ?? valueOffsets(site.source.text, site.location);
  const what = isPlural(title) ? `is not one of the ${title}` : `is not ${article(title)} field`;
  const split = suggestion || !map ? undefined : commaSplit(site.source.text, map, keyNode, site.paths);
  if (split) {
    const quoted = JSON.stringify(split.text);
    return {
      messageId: 'unknownKey',
      message: `"${key}" ${what}; inside { } a comma ends a value, so quote text that contains commas: ${split.field}: ${quoted}`,
      offsets,
      data: { key, allowed, field: split.field },
      fixes: [{ title: `quote the ${split.field} text`, edits: [{ start: split.start, end: split.end, newText: quoted }], kind: 'fix' }],
    };
  }
  const freeKeys = isJsonObject(site.schema?.patternProperties) && '^x-' in site.schema.patternProperties;
  const advice = suggestion
    ? `did you mean "${suggestion}"?`
    : `${useOneOf(allowed)}${freeKeys ? ', or start your own keys with "x-"' : ''}`;
  const fixes: Fix[] = [];
  const isDirectKey = map !== undefined && site.paths.itemIndex(map, keyNode) >= 0;
  if (suggestion && keyNode && isDirectKey) {
    const taken = isJsonObject(site.error.data) && suggestion in site.error.data;
    fixes.push({ title: `rename to "${suggestion}"`, edits: [{ start: offsets[0], end: offsets[1], newText: suggestion }], kind: taken ? 'suggestion' : 'fix' });
  }
  return {
    messageId: 'unknownKey',
    message: `"${key}" ${what}; ${advice}`,
    offsets,
    data: { key, allowed, suggestion },
    fixes,
  };
}

/** Hints by schema and key: a hint reads only the schema, which never changes. */
const missingKeyHints = new WeakMap<JsonSchema, Map<string, string>>();

function missingKeyHint(site: ErrorSite, key: string): string {
  if (!site.schema) return hintFor(undefined, key);
  let hints = missingKeyHints.get(site.schema);
  if (!hints) {
    hints = new Map();
    missingKeyHints.set(site.schema, hints);
  }
  let hint = hints.get(key);
  if (hint === undefined) {
    hint = hintFor(site.schema, key);
    hints.set(key, hint);
  }
  return hint;
}

function hintFor(schema: JsonSchema | undefined, key: string): string {
  const properties = schema?.properties;
  const property = isJsonObject(properties) && isJsonObject(properties[key]) ? properties[key] : undefined;
  const constant = keywordOf(property, 'const');
  if (constant !== undefined) return `add ${key}: ${inline(constant)}`;
  const allowed = keywordOf(property, 'enum');
  if (Array.isArray(allowed)) return `add ${key}: one of ${inlineAll(allowed).join(', ')}`;
  const examples = keywordOf(property, 'examples');
  if (Array.isArray(examples) && examples.length > 0) return `add it, e.g. ${key}: ${inline(examples[0])}`;
  return `add ${key}:`;
}

function describeMissingKey(site: ErrorSite): Described {
  const key = String(site.error.params.missingProperty);
  const title = titleOf(site.schema) ?? 'mapping';
  const id = idOf(site.error.data);
  const subject = site.key === undefined ? `the ${title}` : id ? `${title} "${id}"` : article(title);
  const map = asMap(site.source.doc, site.location.node);
  const firstKey = map?.items[0]?.key;
  const offsets = nonEmptyOffsets(firstKey) ?? nonEmptyOffsets(map) ?? valueOffsets(site.source.text, site.location);
  return {
    messageId: 'missingKey',
    message: `${subject} is missing "${key}"; ${missingKeyHint(site, key)}`,
    offsets,
    data: { key, id },
  };
}

/** The advice for a value of the wrong form, from its definition, enum or type. */
function howToWrite(site: ErrorSite, value: string): string | undefined {
  const form = VALUE_FORMS[defNameOf(site.schema) ?? ''];
  if (form) return form.how(value);
  const allowed = keywordOf(site.schema, 'enum');
  if (Array.isArray(allowed)) return useOneOf(allowed);
  return undefined;
}

function describeWrongType(site: ErrorSite): Described {
  const value = site.error.data;
  const expected = expectedPhrase(site.schema, site.error.params.type);
  if (value === null && site.key === undefined) {
    const required = keywordOf(site.schema, 'required');
    const needs = Array.isArray(required) && required.length > 0 ? `; ${article(titleOf(site.schema) ?? 'file')} needs at least ${required.map((k) => `"${k}"`).join(' and ')}` : '';
    return { messageId: 'emptyDocument', message: `this file is empty${needs}` };
  }
  if (value === null) {
    const how = howToWrite(site, '') ?? `write ${whatToWrite(site.schema, expected)}`;
    if (isIndex(site.key)) {
      const where = site.listKey ? ` of "${site.listKey}"` : '';
      return { messageId: 'emptyValue', message: `entry ${Number(site.key) + 1}${where} is empty; ${how}, or remove the entry` };
    }
    return { messageId: 'emptyValue', message: `"${site.key}" has no value; ${how}` };
  }
  // A whole file that is one scalar is often not YAML at all (someone pointed at a password
  // file or a .env): its kind is named, its content never echoed.
  const actual = site.key === undefined ? kindOf(value) : show(value);
  return { messageId: 'wrongType', message: `${subjectOf(site)} must be ${expected}, not ${actual}`, data: { expected: site.error.params.type } };
}

function describeEnum(site: ErrorSite): Described {
  const value = site.error.data;
  const allowed = (site.error.params.allowedValues ?? []) as unknown[];
  const suggestion = typeof value === 'string' ? closest(value, inlineAll(allowed)) : undefined;
  const advice = suggestion ? `did you mean "${suggestion}"?` : useOneOf(allowed);
  const fixes: Fix[] = [];
  if (suggestion && isScalar(site.location.node)) {
    const [start, end] = valueOffsets(site.source.text, site.location);
    fixes.push({ title: `replace with "${suggestion}"`, edits: [{ start, end, newText: suggestion }], kind: 'fix' });
  }
  return {
    messageId: 'badEnum',
    message: `${show(value)} is not a valid ${nounOf(site)}; ${advice}`,
    data: { value, allowed, suggestion },
    fixes,
  };
}

function describeForm(site: ErrorSite, messageId: 'badPattern' | 'badFormat', formName: string | undefined): Described {
  const value = String(site.error.data);
  const form = VALUE_FORMS[formName ?? ''];
  if (form) return { messageId, message: `${show(value)} is not ${form.noun}; ${form.how(value)}`, data: { value } };
  const examples = keywordOf(site.schema, 'examples');
  const example = Array.isArray(examples) && examples.length > 0 ? `; for example ${inline(examples[0])}` : '';
  return { messageId, message: `${show(value)} is not in the form "${site.key}" expects${example}`, data: { value } };
}

function describeConst(site: ErrorSite): Described {
  const expected = inline(site.error.params.allowedValue);
  const title = titleOf(site.schema);
  return {
    messageId: 'badValue',
    message: `${subjectOf(site)} must be ${expected}${title ? ` (the ${title})` : ''}`,
    data: { value: site.error.data, expected: site.error.params.allowedValue },
  };
}

function describeMinimum(site: ErrorSite, exclusive: boolean): Described {
  const limit = site.error.params.limit as number;
  const advice = exclusive ? `use a number above ${limit}` : `use ${limit} or more`;
  const where = site.key !== undefined && !isIndex(site.key) ? ` for "${site.key}"` : '';
  return { messageId: 'badValue', message: `${show(site.error.data)} is too small${where}; ${advice}`, data: { value: site.error.data, limit } };
}

function describeEmptyText(site: ErrorSite): Described {
  if (isIndex(site.key)) {
    const where = site.listKey ? ` of "${site.listKey}"` : '';
    return { messageId: 'emptyValue', message: `entry ${Number(site.key) + 1}${where} is empty; write some text or remove the entry` };
  }
  return { messageId: 'emptyValue', message: `"${site.key}" is empty; write some text` };
}

function describeItemCount(site: ErrorSite, tooFew: boolean): Described {
  const limit = site.error.params.limit as number;
  const count = Array.isArray(site.error.data) ? site.error.data.length : 0;
  const expected = EXPECTED_BY_TITLE[titleOf(site.schema) ?? ''];
  if (expected) {
    const actual = count === 0 ? 'an empty list' : `a list of ${count} items`;
    return { messageId: 'wrongType', message: `${subjectOf(site)} must be ${expected}, not ${actual}` };
  }
  const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
  return tooFew
    ? { messageId: 'tooFewItems', message: `${subjectOf(site)} needs at least ${entries(limit)}` }
    : { messageId: 'tooManyItems', message: `${subjectOf(site)} has ${entries(count)}; use at most ${limit}` };
}

function describeDuplicate(site: ErrorSite): Described {
  const later = Math.max(Number(site.error.params.i), Number(site.error.params.j));
  const items = Array.isArray(site.error.data) ? site.error.data : [];
  const itemLocation = site.paths.at(`${site.error.instancePath}/${later}`).location;
  return {
    messageId: 'duplicateItem',
    message: `${show(items[later])} appears twice in ${subjectOf(site)}; remove one of them`,
    offsets: valueOffsets(site.source.text, itemLocation),
    data: { value: items[later] },
  };
}

function describeOther(site: ErrorSite): Described {
  return { messageId: 'invalid', message: `${subjectOf(site)} ${site.error.message ?? 'is not valid'}` };
}

export function describeKeyword(site: ErrorSite): Described {
  switch (site.error.keyword) {
    case 'additionalProperties':
      return describeUnknownKey(site);
    case 'required':
      return describeMissingKey(site);
    case 'type':
      return describeWrongType(site);
    case 'enum':
      return describeEnum(site);
    case 'const':
      return describeConst(site);
    case 'pattern':
      return describeForm(site, 'badPattern', defNameOf(site.schema));
    case 'format':
      return describeForm(site, 'badFormat', String(site.error.params.format));
    case 'minimum':
      return describeMinimum(site, false);
    case 'exclusiveMinimum':
      return describeMinimum(site, true);
    case 'minLength':
      return describeEmptyText(site);
    case 'minItems':
      return describeItemCount(site, true);
    case 'maxItems':
      return describeItemCount(site, false);
    case 'uniqueItems':
      return describeDuplicate(site);
    default:
      return describeOther(site);
  }
}
