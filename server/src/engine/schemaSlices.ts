import type { ErrorObject } from 'ajv/dist/2020';
import { isJsonObject, SCHEMA_FILES, validatorAt, type JsonSchema } from './schemaFiles';

/**
 * Schema validation in linear time on lists of any length.
 *
 * ajv collects the errors of a `$ref`'d schema with `errors = errors.concat(refErrors)`, which
 * copies every error found so far: a list of 80,000 invalid checklist items costs 80,000²/2
 * copies (minutes). So a long list is validated in slices: the document is validated with
 * each long list cut to its first SLICE items, and every later item on its own against the
 * list's `items` schema, its errors' paths prefixed with the item's place. The errors are the
 * same as one whole validation gives, in bounded time per item.
 *
 * Lists whose schema says `uniqueItems` are left whole (their items are compared with each
 * other); `minItems` is met by the first SLICE items as by the whole list.
 */

/** Items of a list validated together with the document; later ones are validated one by one. */
export const SLICE = 256;

/** An item cut from a list: validated on its own against the schema at `pointer`. */
interface CutItem {
  pointer: string;
  item: unknown;
  instancePath: string;
}

/** `plan.schema.json#/$defs/phase`: a schema's file and its JSON pointer in that file. */
function schemaAt(pointer: string): JsonSchema | undefined {
  const [file, fragment = ''] = pointer.split('#');
  let current: unknown = SCHEMA_FILES[file];
  for (const part of fragment.split('/').slice(1)) {
    if (!isJsonObject(current)) return undefined;
    current = current[unescapePointer(part)];
  }
  return isJsonObject(current) ? current : undefined;
}

function escapePointer(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Follows `$ref`s (a bounded number of hops) to the schema that says what a value is; the
 * result always has a `#`, so a child's pointer can be appended to it.
 */
function resolvePointer(pointer: string): string {
  let current = pointer.includes('#') ? pointer : `${pointer}#`;
  for (let hops = 0; hops < 8; hops++) {
    const ref = schemaAt(current)?.$ref;
    if (typeof ref !== 'string') return current;
    const [file, fragment = ''] = ref.split('#');
    current = `${file || current.split('#')[0]}#${fragment}`;
  }
  return current;
}

/** Schema locations are few: each is resolved once, then looked up (every item asks). */
const resolvedSchemas = new Map<string, { resolved: string; schema: JsonSchema | undefined }>();

function resolvedSchema(pointer: string): { resolved: string; schema: JsonSchema | undefined } {
  let entry = resolvedSchemas.get(pointer);
  if (!entry) {
    const resolved = resolvePointer(pointer);
    entry = { resolved, schema: schemaAt(resolved) };
    resolvedSchemas.set(pointer, entry);
  }
  return entry;
}

/**
 * `value` with every long list under it cut to SLICE items (a copy where something was cut,
 * `value` itself otherwise); the items cut are added to `cut`.
 */
function cutLongLists(pointer: string, value: unknown, instancePath: string, cut: CutItem[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { resolved, schema } = resolvedSchema(pointer);
  if (!schema) return value;
  if (Array.isArray(value) && isJsonObject(schema.items)) {
    if (schema.uniqueItems === true) return value;
    const itemPointer = `${resolved}/items`;
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const path = `${instancePath}/${index}`;
      if (index >= SLICE) {
        cut.push({ pointer: itemPointer, item, instancePath: path });
        return;
      }
      const kept = cutLongLists(itemPointer, item, path, cut);
      if (kept !== item) copy ??= value.slice(0, SLICE);
      if (copy) copy[index] = kept;
    });
    return copy ?? (value.length > SLICE ? value.slice(0, SLICE) : value);
  }
  if (isJsonObject(value) && isJsonObject(schema.properties)) {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(schema.properties)) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      const kept = cutLongLists(`${resolved}/properties/${escapePointer(key)}`, value[key], `${instancePath}/${escapePointer(key)}`, cut);
      if (kept === value[key]) continue;
      copy ??= { ...value };
      copy[key] = kept;
    }
    return copy ?? value;
  }
  return value;
}

/** ajv's errors for `value` against the schema at `pointer`, each list validated in slices. */
export function validateInSlices(pointer: string, value: unknown): ErrorObject[] {
  const errors: ErrorObject[] = [];
  // A queue that grows: an item cut from a list may hold long lists of its own.
  const queue: CutItem[] = [{ pointer, item: value, instancePath: '' }];
  for (let next = 0; next < queue.length; next++) {
    const { pointer: at, item, instancePath } = queue[next];
    const validate = validatorAt(at);
    if (validate(cutLongLists(at, item, instancePath, queue))) continue;
    for (const error of validate.errors ?? []) errors.push(instancePath ? { ...error, instancePath: instancePath + error.instancePath } : error);
  }
  return errors;
}
