import configSchema from '../../../schemas/config.schema.json';
import directorySchema from '../../../schemas/directory.schema.json';
import planSchema from '../../../schemas/plan.schema.json';
import type { SchemaKind } from './schema';

/**
 * Walks the JSON Schemas along a YAML path, for the editor: which keys a mapping may hold
 * (with their descriptions), which values a key takes, and what kind of id a value names.
 * Validation stays in schema.ts (ajv); this module only reads the schema documents.
 *
 * A step through `$ref` merges the referring schema over its target, so a property's own
 * `description` wins over the definition's (`sponsor` says "executive sponsor", not just
 * "person id"), and `defName` remembers the definition reached (`personRef`, `date`, ...).
 */

/** A key of a mapping or the index of a list item. */
export type PathSegment = string | number;

type JsonObject = { readonly [keyword: string]: unknown };

export interface SchemaAt {
  /** The schema's keywords, `$ref` targets merged under the schema's own keywords. */
  schema: JsonObject;
  /** The first `$defs` entry met on the `$ref` chain: what the value is (`personRef`, `date`, `phase`). */
  defName?: string;
}

export interface SchemaProperty {
  name: string;
  at: SchemaAt;
  required: boolean;
}

const FILES: Readonly<Record<string, JsonObject>> = {
  'plan.schema.json': planSchema,
  'directory.schema.json': directorySchema,
  'config.schema.json': configSchema,
};

const ROOT_FILE: Record<SchemaKind, string> = {
  plan: 'plan.schema.json',
  directory: 'directory.schema.json',
  config: 'config.schema.json',
};

interface Index {
  fileOf: WeakMap<object, string>;
  defNameOf: WeakMap<object, string>;
}

let index: Index | undefined;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function buildIndex(): Index {
  const built: Index = { fileOf: new WeakMap(), defNameOf: new WeakMap() };
  const visit = (node: unknown, file: string): void => {
    if (typeof node !== 'object' || node === null) return;
    built.fileOf.set(node, file);
    for (const child of Object.values(node)) visit(child, file);
  };
  for (const [file, root] of Object.entries(FILES)) {
    visit(root, file);
    if (isObject(root.$defs)) for (const [name, def] of Object.entries(root.$defs)) if (isObject(def)) built.defNameOf.set(def, name);
  }
  return built;
}

function pointerGet(root: JsonObject, pointer: string): JsonObject | undefined {
  let current: unknown = root;
  for (const part of pointer.split('/').slice(1)) {
    if (!isObject(current)) return undefined;
    current = current[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isObject(current) ? current : undefined;
}

/** The schema a `$ref` points at, relative to the file the referring schema lives in. */
export function refTarget(schema: JsonObject): JsonObject | undefined {
  if (typeof schema.$ref !== 'string') return undefined;
  index ??= buildIndex();
  const [file, pointer = ''] = schema.$ref.split('#');
  const root = FILES[file || (index.fileOf.get(schema) ?? '')];
  return root ? pointerGet(root, pointer) : undefined;
}

/** The `$defs` name of a definition, which says what form a value must have. */
export function defNameOf(schema: object | undefined): string | undefined {
  if (!schema) return undefined;
  index ??= buildIndex();
  return index.defNameOf.get(schema);
}

/**
 * Resolves `$ref` chains (bounded, in case of a cycle). Nested schemas keep their identity, so
 * their own `$ref`s still resolve against the file they were written in.
 */
export function resolveSchema(schema: JsonObject): SchemaAt {
  index ??= buildIndex();
  const layers: JsonObject[] = [schema];
  let defName = index.defNameOf.get(schema);
  let current: JsonObject | undefined = schema;
  for (let hops = 0; hops < 8; hops++) {
    current = refTarget(current);
    if (!current) break;
    layers.push(current);
    defName ??= index.defNameOf.get(current);
  }
  const merged: Record<string, unknown> = {};
  for (let i = layers.length - 1; i >= 0; i--) Object.assign(merged, layers[i]);
  delete merged.$ref;
  return { schema: merged, defName };
}

export function rootSchema(kind: SchemaKind): SchemaAt {
  return resolveSchema(FILES[ROOT_FILE[kind]]);
}

/** The schema one step down: a property of an object, or the items of an array. */
export function childSchema(parent: SchemaAt, segment: PathSegment): SchemaAt | undefined {
  const { schema } = parent;
  if (typeof segment === 'number') {
    if (isObject(schema.items)) return resolveSchema(schema.items);
    return undefined;
  }
  if (isObject(schema.properties) && isObject(schema.properties[segment])) return resolveSchema(schema.properties[segment] as JsonObject);
  if (isObject(schema.patternProperties)) {
    for (const [pattern, sub] of Object.entries(schema.patternProperties)) {
      if (isObject(sub) && new RegExp(pattern, 'u').test(segment)) return resolveSchema(sub);
    }
  }
  if (isObject(schema.additionalProperties)) return resolveSchema(schema.additionalProperties);
  return undefined;
}

/** The schema at a path from the root of a file of `kind`; undefined when the path leaves it. */
export function schemaAtPath(kind: SchemaKind, path: readonly PathSegment[]): SchemaAt | undefined {
  let at: SchemaAt | undefined = rootSchema(kind);
  for (const segment of path) {
    if (!at) return undefined;
    at = childSchema(at, segment);
  }
  return at;
}

/** The keys a mapping may hold, in the schema's order, with what each one is. */
export function propertiesOf(at: SchemaAt): SchemaProperty[] {
  const { properties, required } = at.schema;
  if (!isObject(properties)) return [];
  const requiredNames = new Set(Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : []);
  return Object.entries(properties)
    .filter((entry): entry is [string, JsonObject] => isObject(entry[1]))
    .map(([name, sub]) => ({ name, at: resolveSchema(sub), required: requiredNames.has(name) }));
}

/** The JSON types the schema allows (`object`, `array`, `string`, ...). */
export function typesOf(at: SchemaAt): string[] {
  const { type } = at.schema;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if (at.schema.const !== undefined) return [typeof at.schema.const];
  return [];
}

/**
 * The values a scalar may take when the schema lists them: `enum`, `const`, or the `enum` of
 * the `then` branch (a config rule setting is a severity or a tuple starting with one).
 */
export function enumValues(at: SchemaAt): unknown[] {
  if (Array.isArray(at.schema.enum)) return [...at.schema.enum];
  if (at.schema.const !== undefined) return [at.schema.const];
  if (isObject(at.schema.then)) return enumValues(resolveSchema(at.schema.then));
  return [];
}

export function descriptionOf(at: SchemaAt): string | undefined {
  return typeof at.schema.description === 'string' ? at.schema.description : undefined;
}

export function titleOf(at: SchemaAt): string | undefined {
  return typeof at.schema.title === 'string' ? at.schema.title : undefined;
}

/** The schema's `examples`, for hover and placeholder text. */
export function examplesOf(at: SchemaAt): unknown[] {
  return Array.isArray(at.schema.examples) ? [...at.schema.examples] : [];
}
