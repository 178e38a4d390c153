/**
 * How the engine parses YAML: version 1.2 with the core schema (dates stay strings), `<<`
 * merge keys, duplicate keys as errors. One object, read by the full parser (parse.ts), the
 * fast path that must build the same Document (fastParse.ts) and every snippet re-parse.
 */
export const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
} as const;
