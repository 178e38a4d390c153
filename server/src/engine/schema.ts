import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isAlias, isCollection, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { nodeOffsets, rangeFromOffsets, type SourceFile } from './source';
import { defNameOf, FILE_OF_KIND, isJsonObject, refTarget, SCHEMA_FILES, type JsonSchema, type SchemaKind } from './schemaFiles';
import { closest } from './suggest';
import type { Finding, Fix, RelatedLocation } from './types';
import { asMap, asSeq, pairOf } from './yamlNodes';

/**
 * JSON Schema validation of plans, directory files and the linter configuration, with
 * messages a plan author can act on and ranges on the narrowest YAML node.
 *
 * Where the findings point:
 * - an unknown key: the key scalar;
 * - a missing required key: the first key of the mapping that lacks it (the line where the
 *   `- id: x` item or the section starts), or the whole mapping when it is empty (`{}`);
 * - a wrong value: the value scalar; when the value is empty (`key:`) or a whole block
 *   (a mapping or list where something else belongs), the key, which is narrower;
 * - a value reached through an alias (`likelihood: *level`): the alias where it is used, with
 *   a related location at the anchored value. When several paths reach the same node (a
 *   shared anchor, a `<<` merge), the identical findings are reported once.
 *
 * An empty directory or configuration file is valid (nothing declared, all defaults); an
 * empty plan is not, since a plan needs `plan` and `name`.
 */

let ajv: Ajv2020 | undefined;
const validators = new Map<SchemaKind, ValidateFunction>();

function createAjv(): Ajv2020 {
  const instance = new Ajv2020({
    allErrors: true,
    // parentSchema gives each error its object's title and its siblings (allowed keys, enums).
    verbose: true,
    strict: true,
    // `baseline: 9` or `baseline: 62%`: a type list is simpler than anyOf and gives one error.
    allowUnionTypes: true,
    // A rule setting `[severity, { options }]` may omit the options (`[warning]`), so its tuple
    // is deliberately open-ended between one and two items.
    strictTuples: false,
    // Checking the schemas against the draft 2020-12 meta-schema costs a fifth of the start-up;
    // tests/engine/schema.test.ts does it once instead.
    validateSchema: false,
  });
  addFormats(instance, ['date', 'email']);
  for (const [file, schema] of Object.entries(SCHEMA_FILES)) instance.addSchema(schema, file);
  return instance;
}

/** Compiled on first use per kind, then reused: validation runs on every keystroke. */
function validatorFor(kind: SchemaKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.getSchema(FILE_OF_KIND[kind]);
    if (!validate) throw new Error(`schema ${FILE_OF_KIND[kind]} is not registered`);
    validators.set(kind, validate);
  }
  return validate;
}

/**
 * Validates `value`, the JS value of `source.doc` (`doc.toJS({ maxAliasCount })`), against
 * the schema of `kind`. Findings have rule id `schema`, severity `error`, one finding per
 * problem, on the narrowest node (see the module comment).
 */
export function validateAgainstSchema(kind: SchemaKind, source: SourceFile, value: unknown): Finding[] {
  if (value == null && kind !== 'plan') return [];
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  const findings = selectErrors(validate.errors ?? []).map((error) => describe(kind, source, value, error));
  return uniqueFindings(findings);
}

// Choosing which of ajv's errors to show

/** Keywords whose own error only repeats what the failing branch already says. */
const SILENT_KEYWORDS = new Set(['if']);

/** Keywords that judge a value; a value gets one such error, the most specific one. */
const VALUE_KEYWORD_PRIORITY = ['const', 'enum', 'format', 'pattern', 'minLength', 'minimum', 'exclusiveMinimum'];

function isSameOrUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/**
 * One error per problem: `if` errors go (the branch error says it better), nothing is said
 * about a value or its contents once its type is wrong, one value error per value, and
 * structural errors are deduplicated by path, keyword and key.
 */
function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const typeErrorPaths = errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath);
  const chosen = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (SILENT_KEYWORDS.has(error.keyword)) continue;
    if (error.keyword !== 'type' && typeErrorPaths.some((path) => isSameOrUnder(error.instancePath, path))) continue;
    const valueRank = VALUE_KEYWORD_PRIORITY.indexOf(error.keyword);
    if (valueRank >= 0) {
      const key = `${error.instancePath}|value`;
      const previous = chosen.get(key);
      if (!previous || valueRank < VALUE_KEYWORD_PRIORITY.indexOf(previous.keyword)) chosen.set(key, error);
      continue;
    }
    const which = error.params.additionalProperty ?? error.params.missingProperty ?? '';
    const key = `${error.instancePath}|${error.keyword}|${String(which)}`;
    if (!chosen.has(key)) chosen.set(key, error);
  }
  return [...chosen.values()];
}

/** Aliases and merges make several paths reach one node: report each identical finding once. */
function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.offsets[0]}:${f.offsets[1]}:${f.messageId}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.offsets[0] - b.offsets[0] || a.offsets[1] - b.offsets[1]);
}

// Reading the schemas for messages (only when there are errors to describe)

/** A keyword of a schema, looking through `$ref` when the schema itself does not set it. */
function keywordOf(schema: JsonSchema | undefined, keyword: string): unknown {
  let current = schema;
  for (let hops = 0; current && hops < 8; hops++) {
    if (current[keyword] !== undefined) return current[keyword];
    current = refTarget(current);
  }
  return undefined;
}

// Finding the YAML node an instancePath names

function pathSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Location {
  /** The node at the path as written (an alias stays an alias), when the path exists. */
  node?: Node;
  /** The pair whose value it is, when the last step was a mapping key. */
  pair?: Pair;
  /** The narrowest node on the way, for paths the YAML does not have (never expected). */
  nearest?: Node;
}

/** Walks the Document along the path, through aliases and `<<` merges. */
function locate(doc: Document, segments: readonly string[]): Location {
  let node = (doc.contents ?? undefined) as Node | undefined;
  let pair: Pair | undefined;
  let nearest = node;
  for (const segment of segments) {
    const map = asMap(doc, node);
    const seq = map ? undefined : asSeq(doc, node);
    if (map) {
      pair = pairOf(doc, map, segment);
      node = (pair?.value ?? undefined) as Node | undefined;
      if (!pair) return { nearest };
      nearest = (pair.key as Node | null) ?? nearest;
    } else if (seq && /^\d+$/.test(segment)) {
      pair = undefined;
      node = (seq.items[Number(segment)] ?? undefined) as Node | undefined;
      if (!node) return { nearest };
    } else {
      return { nearest };
    }
    if (node) nearest = node;
  }
  return { node, pair, nearest };
}

function nonEmptyOffsets(node: unknown): [number, number] | undefined {
  const offsets = nodeOffsets(node as Node | undefined);
  return offsets && offsets[1] > offsets[0] ? offsets : undefined;
}

/** The `-` of an empty list item, whose own range is empty. */
function dashBefore(text: string, offset: number): [number, number] | undefined {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? [i, i + 1] : undefined;
}

/**
 * A value's range: the scalar, alias or one-line flow collection itself; the key for empty
 * values and block collections (a block is many lines, its key is where to look).
 */
function valueOffsets(text: string, location: Location): [number, number] {
  const { node, pair } = location;
  if (isScalar(node) || isAlias(node) || (isCollection(node) && node.flow)) {
    const own = nonEmptyOffsets(node);
    if (own) return own;
  }
  const keyOffsets = nonEmptyOffsets(pair?.key);
  if (keyOffsets) return keyOffsets;
  const start = node?.range?.[0];
  if (!pair && start !== undefined) {
    const dash = nonEmptyOffsets(node) ? undefined : dashBefore(text, start);
    if (dash) return dash;
  }
  return nonEmptyOffsets(node) ?? nonEmptyOffsets(location.nearest) ?? [0, 0];
}

// Messages

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

function useOneOf(values: readonly unknown[]): string {
  const shown = values.map(inline);
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

function idOf(value: unknown): string | undefined {
  return isJsonObject(value) && typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
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
interface ErrorSite {
  source: SourceFile;
  error: ErrorObject;
  segments: string[];
  location: Location;
  schema?: JsonSchema;
  /** The last path segment: the key, or the index of a list item. */
  key?: string;
  /** The key of the list an indexed item is in. */
  listKey?: string;
}

function isIndex(segment: string | undefined): boolean {
  return segment !== undefined && /^\d+$/.test(segment);
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
function commaSplit(text: string, map: YAMLMap, keyNode: Node | undefined): CommaSplit | undefined {
  if (!map.flow) return undefined;
  const index = map.items.findIndex((pair) => pair.key === keyNode);
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
  const keyNode = map ? (pairOf(site.source.doc, map, key)?.key as Node | undefined) : undefined;
  const offsets = nonEmptyOffsets(keyNode) ?? valueOffsets(site.source.text, site.location);
  const what = isPlural(title) ? `is not one of the ${title}` : `is not ${article(title)} field`;
  const split = suggestion || !map ? undefined : commaSplit(site.source.text, map, keyNode);
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
  const isDirectKey = map?.items.some((pair) => pair.key === keyNode);
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

function missingKeyHint(site: ErrorSite, key: string): string {
  const properties = site.schema?.properties;
  const property = isJsonObject(properties) && isJsonObject(properties[key]) ? properties[key] : undefined;
  const constant = keywordOf(property, 'const');
  if (constant !== undefined) return `add ${key}: ${inline(constant)}`;
  const allowed = keywordOf(property, 'enum');
  if (Array.isArray(allowed)) return `add ${key}: one of ${allowed.map(inline).join(', ')}`;
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
  return { messageId: 'wrongType', message: `${subjectOf(site)} must be ${expected}, not ${show(value)}`, data: { expected: site.error.params.type } };
}

function describeEnum(site: ErrorSite): Described {
  const value = site.error.data;
  const allowed = (site.error.params.allowedValues ?? []) as unknown[];
  const suggestion = typeof value === 'string' ? closest(value, allowed.map(inline)) : undefined;
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
  const itemLocation = locate(site.source.doc, [...site.segments, String(later)]);
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

function describeKeyword(site: ErrorSite): Described {
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

/** `phases/discovery/checklist/2`: ids where list items have them, for stable baselines. */
function idPathOf(value: unknown, segments: readonly string[]): string {
  const parts: string[] = [];
  let current = value;
  for (const segment of segments) {
    current = Array.isArray(current) ? current[Number(segment)] : isJsonObject(current) ? current[segment] : undefined;
    parts.push(isIndex(segment) ? idOf(current) ?? segment : segment);
  }
  return parts.join('/');
}

function relatedAnchor(source: SourceFile, location: Location): RelatedLocation[] | undefined {
  const { node } = location;
  if (!isAlias(node)) return undefined;
  const target = node.resolve(source.doc);
  const offsets = nonEmptyOffsets(target);
  if (!offsets) return undefined;
  return [{ file: source.path, range: rangeFromOffsets(source, offsets[0], offsets[1]), message: `the value of alias "*${node.source}" is defined here` }];
}

function describe(kind: SchemaKind, source: SourceFile, value: unknown, error: ErrorObject): Finding {
  const segments = pathSegments(error.instancePath);
  const location = locate(source.doc, segments);
  const last = segments.length - 1;
  const site: ErrorSite = {
    source,
    error,
    segments,
    location,
    schema: error.parentSchema as JsonSchema | undefined,
    key: segments[last],
    listKey: isIndex(segments[last]) ? segments.slice(0, last).reverse().find((s) => !isIndex(s)) : undefined,
  };
  const described = describeKeyword(site);
  const offsets = described.offsets ?? valueOffsets(source.text, location);
  const finding: Finding = {
    ruleId: 'schema',
    messageId: described.messageId,
    severity: 'error',
    message: described.message,
    file: source.path,
    range: rangeFromOffsets(source, offsets[0], offsets[1]),
    offsets,
    data: { schema: kind, instancePath: error.instancePath, keyword: error.keyword, ...described.data },
    // An unknown key's path ends at its map; adding the key keeps two typos in one map apart.
    idPath: idPathOf(value, error.keyword === 'additionalProperties' ? [...segments, String(error.params.additionalProperty)] : segments),
  };
  const related = described.offsets ? undefined : relatedAnchor(source, location);
  if (related) finding.related = related;
  if (described.fixes && described.fixes.length > 0) finding.fixes = described.fixes;
  return finding;
}
