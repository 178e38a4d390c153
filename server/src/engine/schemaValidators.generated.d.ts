import type { ValidateFunction } from 'ajv/dist/2020';
import type equal from 'ajv/dist/runtime/equal';
import type ucs2length from 'ajv/dist/runtime/ucs2length';
import type { fullFormats } from 'ajv-formats/dist/formats';

/**
 * The declaration of the validators scripts/schemaValidators.mjs compiles from schemas/*.json
 * at build time (the .js beside this file, not committed).
 */

/** What the compiled code needs from the engine: the schema objects and ajv's run-time helpers. */
export interface ValidatorRuntime {
  /** The schema files by name; errors point at these very objects. */
  schemas: Readonly<Record<string, object>>;
  /** Deep equality (ajv/dist/runtime/equal), for `const` and `enum` with structured values. */
  equal: typeof equal;
  /** String length in code points (ajv/dist/runtime/ucs2length), for `minLength`. */
  ucs2length: typeof ucs2length;
  /** ajv-formats' format definitions (`date`). */
  formats: typeof fullFormats;
  /** Appends a subschema's errors to the list so far (null when none yet), in place; returns the list. */
  appendErrors: <E>(errors: E[] | null, more: E[]) => E[];
}

export function createValidators(runtime: ValidatorRuntime): Record<'plan' | 'directory' | 'config', ValidateFunction>;
