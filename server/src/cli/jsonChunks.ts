/**
 * JSON text exactly as `JSON.stringify(value, null, 2) + '\n'` writes it, produced as a
 * sequence of small pieces, so a report of a million findings never has to be one string
 * (V8 refuses strings past about 512 MiB: "Invalid string length").
 *
 * The document is plain data (arrays, plain objects, strings, numbers, booleans, null) in
 * which the large arrays are `StreamedArray`s: their items are taken one at a time from an
 * iterable (a generator can build each finding's object as it is written) and each item is
 * one piece, written by JSON.stringify itself and indented to its place. The rest of the
 * document is walked with JSON.stringify's rules: `undefined`, functions and symbols are left
 * out of objects and are `null` in arrays.
 */
export class StreamedArray {
  constructor(readonly items: Iterable<unknown>) {}

  /** Only jsonChunks can write one: JSON.stringify would write `{"items":{}}` and lose it. */
  toJSON(): never {
    throw new Error('a StreamedArray is written by jsonChunks, not JSON.stringify; it cannot be inside a streamed item');
  }
}

const STEP = '  ';

export function* jsonChunks(value: unknown): Generator<string, void, undefined> {
  yield* valueChunks(value, '', 'null');
  yield '\n';
}

/** `missing` is what a value JSON cannot hold becomes: nothing in an object, `null` in an array. */
function* valueChunks(value: unknown, indent: string, missing: string): Generator<string, void, undefined> {
  if (value instanceof StreamedArray) yield* arrayChunks(value.items, indent, true);
  else if (Array.isArray(value)) yield* arrayChunks(value, indent, false);
  else if (isPlainObject(value)) yield* objectChunks(value, indent);
  else yield indented(JSON.stringify(value, null, 2) ?? missing, indent);
}

function* arrayChunks(items: Iterable<unknown>, indent: string, whole: boolean): Generator<string, void, undefined> {
  const inner = indent + STEP;
  let first = true;
  for (const item of items) {
    const lead = `${first ? '[' : ','}\n${inner}`;
    first = false;
    if (whole) yield lead + indented(JSON.stringify(item, null, 2) ?? 'null', inner);
    else {
      yield lead;
      yield* valueChunks(item, inner, 'null');
    }
  }
  yield first ? '[]' : `\n${indent}]`;
}

function* objectChunks(object: Record<string, unknown>, indent: string): Generator<string, void, undefined> {
  const inner = indent + STEP;
  let first = true;
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* valueChunks(value, inner, 'null');
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** An object JSON.stringify writes key by key (no toJSON of its own, no class). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** JSON.stringify's output never has a line break inside a string, so every line break is structure. */
function indented(text: string, indent: string): string {
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}
