import type { ValidateFunction } from 'ajv/dist/2020';
import equal from 'ajv/dist/runtime/equal';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { fullFormats } from 'ajv-formats/dist/formats';
import configSchema from '../../../schemas/config.schema.json';
import directorySchema from '../../../schemas/directory.schema.json';
import planSchema from '../../../schemas/plan.schema.json';
import { createValidators } from './schemaValidators.generated';

/**
 * The JSON Schema files under schemas/: loaded once for validation (schema.ts, with the
 * validators ajv compiled from them at build time: scripts/schemaValidators.mjs) and for the
 * editor (schemaPath.ts), with the one index that resolves their `$ref`s and names their
 * `$defs`.
 */

/** The kinds of file the schemas describe. */
export type SchemaKind = 'plan' | 'directory' | 'config';

/** A schema object as read from the JSON files. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** The files under schemas/, keyed by the name their `$ref`s use. */
export const SCHEMA_FILES: Readonly<Record<string, JsonSchema>> = {
  'plan.schema.json': planSchema,
  'directory.schema.json': directorySchema,
  'config.schema.json': configSchema,
};

/** The file whose root schema describes a file of each kind. */
export const FILE_OF_KIND: Readonly<Record<SchemaKind, string>> = {
  plan: 'plan.schema.json',
  directory: 'directory.schema.json',
  config: 'config.schema.json',
};

export function isJsonObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Index {
  fileOf: WeakMap<object, string>;
  defNameOf: WeakMap<object, string>;
}

let index: Index | undefined;

function buildIndex(): Index {
  const built: Index = { fileOf: new WeakMap(), defNameOf: new WeakMap() };
  const visit = (node: unknown, file: string): void => {
    if (typeof node !== 'object' || node === null) return;
    built.fileOf.set(node, file);
    for (const child of Object.values(node)) visit(child, file);
  };
  for (const [file, root] of Object.entries(SCHEMA_FILES)) {
    visit(root, file);
    if (isJsonObject(root.$defs)) for (const [name, def] of Object.entries(root.$defs)) if (isJsonObject(def)) built.defNameOf.set(def, name);
  }
  return built;
}

function pointerGet(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let current: unknown = root;
  for (const part of pointer.split('/').slice(1)) {
    if (!isJsonObject(current)) return undefined;
    current = current[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isJsonObject(current) ? current : undefined;
}

/** The schema a `$ref` points at, relative to the file the referring schema lives in. */
export function refTarget(schema: JsonSchema): JsonSchema | undefined {
  if (typeof schema.$ref !== 'string') return undefined;
  index ??= buildIndex();
  const [file, pointer = ''] = schema.$ref.split('#');
  const root = SCHEMA_FILES[file || (index.fileOf.get(schema) ?? '')];
  return root ? pointerGet(root, pointer) : undefined;
}

/** The `$defs` name of a definition, which says what form a value must have. */
export function defNameOf(schema: object | undefined): string | undefined {
  if (!schema) return undefined;
  index ??= buildIndex();
  return index.defNameOf.get(schema);
}

/** A keyword of a schema, looking through `$ref` when the schema itself does not set it. */
export function keywordOf(schema: JsonSchema | undefined, keyword: string): unknown {
  let current = schema;
  for (let hops = 0; current && hops < 8; hops++) {
    if (current[keyword] !== undefined) return current[keyword];
    current = refTarget(current);
  }
  return undefined;
}

let validators: Record<SchemaKind, ValidateFunction> | undefined;

/**
 * What ajv's `vErrors.concat(sub.errors)` does, without copying the list so far: one copy per
 * failing list item made a plan with N invalid items cost O(N²). The loop, not
 * `push(...more)`, so a subschema with a huge error list cannot overflow the stack.
 */
function appendErrors<E>(errors: E[] | null, more: E[]): E[] {
  if (errors === null) return more;
  for (const error of more) errors.push(error);
  return errors;
}

/**
 * The validator of a kind of file. They were compiled at build time, so the first
 * validation costs no compilation: creating them only binds the schema objects, which the
 * errors' `parentSchema` then are (the index above works on them).
 */
export function validatorFor(kind: SchemaKind): ValidateFunction {
  validators ??= createValidators({ schemas: SCHEMA_FILES, equal, ucs2length, formats: fullFormats, appendErrors });
  return validators[kind];
}
