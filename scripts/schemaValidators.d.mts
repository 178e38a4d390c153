import type Ajv2020 from 'ajv/dist/2020';
import type { CodeOptions } from 'ajv/dist/2020';

/** Types of scripts/schemaValidators.mjs, for the tests and scripts written in TypeScript. */

/** The schema file each kind of file is validated against. */
export const SCHEMA_KINDS: Readonly<Record<'plan' | 'directory' | 'config', string>>;
/** Where the generated module is written. */
export const GENERATED_PATH: string;
/** ajv with the engine's options and the given schema files registered. */
export function createAjv(schemaFiles: Readonly<Record<string, object>>, code?: CodeOptions): Ajv2020;
/** The schema files as read from schemas/. */
export function readSchemaFiles(): Record<string, object>;
/** The source of the generated module. */
export function validatorsSource(schemaFiles?: Readonly<Record<string, object>>): string;
/** Writes the generated module when its text changed; returns whether it did. */
export function writeSchemaValidators(): boolean;
