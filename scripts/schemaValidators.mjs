// The JSON Schema validators, compiled once at build time instead of at every start.
//
// ajv compiles schemas/*.json with the engine's options and writes them as standalone code
// (server/src/engine/schemaValidators.generated.js, not committed): esbuild.mjs,
// bench/run.mjs and the test set-up (tests/lsp/globalSetup.ts) regenerate it before they
// bundle or run anything, so it always follows the schemas. The code is adapted so that it
// depends on nothing but what the engine passes in (schemaFiles.ts):
// - every schema the errors point at (`parentSchema`, `schema`) is the very object of the
//   loaded schema files, not a copy, so the engine's schema index (titles, `$defs` names,
//   `$ref` targets) works on them as on ajv's own;
// - ajv's run-time helpers and the `date` format come from the engine's imports;
// - a failing subschema's errors are appended to the caller's list in place
//   (`runtime.appendErrors`) instead of ajv's `vErrors.concat(...)`, which copies the list
//   for every failing list item and made N invalid items cost O(N²).
// tests/engine/schemaValidators.test.ts checks that it gives the errors ajv gives at run time.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);

/** The schema files and the kind of file each root schema describes (schemaFiles.ts FILE_OF_KIND). */
export const SCHEMA_KINDS = { plan: 'plan.schema.json', directory: 'directory.schema.json', config: 'config.schema.json' };

export const GENERATED_PATH = fileURLToPath(new URL('server/src/engine/schemaValidators.generated.js', root));

/** The formats the schemas use, from ajv-formats. */
const FORMATS = ['date', 'email'];

/** ajv as the engine validates with it. */
export function createAjv(schemaFiles, code) {
  const ajv = new Ajv2020({
    allErrors: true,
    // parentSchema gives each error its object's title and its siblings (allowed keys, enums).
    verbose: true,
    strict: true,
    // `baseline: 9` or `baseline: 62%`: a type list is simpler than anyOf and gives one error.
    allowUnionTypes: true,
    // A rule setting `[severity, { options }]` may omit the options (`[warning]`), so its tuple
    // is deliberately open-ended between one and two items.
    strictTuples: false,
    // tests/engine/schema.test.ts checks the schemas against the draft 2020-12 meta-schema.
    validateSchema: false,
    code,
  });
  addFormats(ajv, FORMATS);
  for (const [file, schema] of Object.entries(schemaFiles)) ajv.addSchema(schema, file);
  return ajv;
}

export function readSchemaFiles() {
  return Object.fromEntries(Object.values(SCHEMA_KINDS).map((file) => [file, JSON.parse(readFileSync(new URL(`schemas/${file}`, root), 'utf8'))]));
}

/** The literal ajv writes for a schema with `code.source` (codegen's safeStringify). */
function literalOf(value) {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** `runtime.schemas["plan.schema.json"]["$defs"]["phase"]` for every schema object ajv's code names, by that name. */
function schemaReferences(ajv, schemaFiles) {
  const references = new Map();
  const visit = (node, expression) => {
    if (typeof node !== 'object' || node === null) return;
    const name = ajv.scope.getValue('schema', node);
    if (name) references.set(String(name), { expression, literal: literalOf(node) });
    for (const [key, child] of Object.entries(node)) visit(child, `${expression}[${JSON.stringify(key)}]`);
  };
  for (const [file, schema] of Object.entries(schemaFiles)) visit(schema, `runtime.schemas[${JSON.stringify(file)}]`);
  return references;
}

const RUNTIME_HELPERS = [
  ['require("ajv/dist/runtime/equal").default', 'runtime.equal'],
  ['require("ajv/dist/runtime/ucs2length").default', 'runtime.ucs2length'],
  ['require("ajv-formats/dist/formats").fullFormats', 'runtime.formats'],
];

function replaceOnce(code, search, replacement) {
  const at = code.indexOf(search);
  if (at < 0 || code.indexOf(search, at + search.length) >= 0) throw new Error(`schemaValidators: expected "${search.slice(0, 60)}" once in ajv's code`);
  return code.slice(0, at) + replacement + code.slice(at + search.length);
}

/** The source of server/src/engine/schemaValidators.generated.js. */
export function validatorsSource(schemaFiles = readSchemaFiles()) {
  const ajv = createAjv(schemaFiles, { source: true, lines: true });
  let code = standaloneCode(ajv, SCHEMA_KINDS);
  for (const [name, { expression, literal }] of schemaReferences(ajv, schemaFiles)) {
    code = replaceOnce(code, `const ${name} = ${literal};`, `const ${name} = ${expression};`);
  }
  for (const [search, replacement] of RUNTIME_HELPERS) code = code.split(search).join(replacement);
  code = code.replace(/vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g, 'vErrors = runtime.appendErrors(vErrors, $1.errors);');
  for (const kind of Object.keys(SCHEMA_KINDS)) code = replaceOnce(code, `exports.${kind} = `, `validators.${kind} = `);
  code = replaceOnce(code, '"use strict";', '');
  const copied = /const (schema\d+) = [{[]/.exec(code);
  if (copied) throw new Error(`schemaValidators: ${copied[1]} is not an object of the schema files`);
  if (code.includes('.concat(')) throw new Error('schemaValidators: ajv\'s code concatenates errors in a form this generator does not rewrite');
  if (/\brequire\(|\bexports\b/.test(code)) throw new Error('schemaValidators: ajv\'s code needs a module this generator does not pass in');
  return [
    '// Generated by scripts/schemaValidators.mjs from schemas/*.json at build time; do not edit.',
    '/* eslint-disable */',
    'export function createValidators(runtime) {',
    'const validators = {};',
    code.trim(),
    'return validators;',
    '}',
    '',
  ].join('\n');
}

/** Writes the generated module when its text changed; returns whether it did. */
export function writeSchemaValidators() {
  const source = validatorsSource();
  if (existsSync(GENERATED_PATH) && readFileSync(GENERATED_PATH, 'utf8') === source) return false;
  writeFileSync(GENERATED_PATH, source);
  return true;
}
