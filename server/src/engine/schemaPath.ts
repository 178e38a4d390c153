import { defNameOf, FILE_OF_KIND, isJsonObject, refTarget, SCHEMA_FILES, type JsonSchema, type SchemaKind } from './schemaFiles';

/**
 * Walks the JSON Schemas along a YAML path, for the editor: which keys a mapping may hold
 * (with their descriptions), which values a key takes, and what kind of id a value names.
 * Validation stays in schema.ts (ajv); this module only reads the schema documents (schemaFiles.ts).
 *
 * A step through `$ref` merges the referring schema over its target, so a property's own
 * `description` wins over the definition's (`sponsor` says "executive sponsor", not just
 * "person id"), and `defName` remembers the definition reached (`personRef`, `date`, ...).
 */

/** A key of a mapping or the index of a list item. */
export type PathSegment = string | number;

export interface SchemaAt {
  /** The schema's keywords, `$ref` targets merged under the schema's own keywords. */
  schema: JsonSchema;
  /** The first `$defs` entry met on the `$ref` chain: what the value is (`personRef`, `date`, `phase`). */
  defName?: string;
}

interface SchemaProperty {
  name: string;
  at: SchemaAt;
  required: boolean;
}

/**
 * Resolves `$ref` chains (bounded, in case of a cycle). Nested schemas keep their identity, so
 * their own `$ref`s still resolve against the file they were written in.
 */
function resolveSchema(schema: JsonSchema): SchemaAt {
  const layers: JsonSchema[] = [schema];
  let defName = defNameOf(schema);
  let current: JsonSchema | undefined = schema;
  for (let hops = 0; hops < 8; hops++) {
    current = refTarget(current);
    if (!current) break;
    layers.push(current);
    defName ??= defNameOf(current);
  }
  const merged: Record<string, unknown> = {};
  for (let i = layers.length - 1; i >= 0; i--) Object.assign(merged, layers[i]);
  delete merged.$ref;
  return { schema: merged, defName };
}

function rootSchema(kind: SchemaKind): SchemaAt {
  return resolveSchema(SCHEMA_FILES[FILE_OF_KIND[kind]]);
}

/** The schema one step down: a property of an object, or the items of an array. */
export function childSchema(parent: SchemaAt, segment: PathSegment): SchemaAt | undefined {
  const { schema } = parent;
  if (typeof segment === 'number') {
    if (isJsonObject(schema.items)) return resolveSchema(schema.items);
    return undefined;
  }
  if (isJsonObject(schema.properties) && isJsonObject(schema.properties[segment])) return resolveSchema(schema.properties[segment] as JsonSchema);
  if (isJsonObject(schema.patternProperties)) {
    for (const [pattern, sub] of Object.entries(schema.patternProperties)) {
      if (isJsonObject(sub) && new RegExp(pattern, 'u').test(segment)) return resolveSchema(sub);
    }
  }
  if (isJsonObject(schema.additionalProperties)) return resolveSchema(schema.additionalProperties);
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
  if (!isJsonObject(properties)) return [];
  const requiredNames = new Set(Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : []);
  return Object.entries(properties)
    .filter((entry): entry is [string, JsonSchema] => isJsonObject(entry[1]))
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
  if (isJsonObject(at.schema.then)) return enumValues(resolveSchema(at.schema.then));
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
