import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createAjv, GENERATED_PATH, SCHEMA_KINDS, validatorsSource } from '../../scripts/schemaValidators.mjs';
import { documentValue, parseSource } from '../../server/src/engine/parse';
import { validateAgainstSchema } from '../../server/src/engine/schema';
import { SCHEMA_FILES, validatorFor, type SchemaKind } from '../../server/src/engine/schemaFiles';
import { fileRole } from '../../server/src/fileRoles';
import { buildCorpusWorkspace, editorText } from '../corpus/corpus';
import { mutatedPlanText, planObject } from '../fuzz/arbitraries';

/**
 * The validators compiled at build time (scripts/schemaValidators.mjs) against ajv compiling
 * the same schema objects at run time with the same options: the same errors, pointing at the
 * same schema objects, and so the same findings, on every sample, golden and corpus file and
 * on random plans.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const runtimeAjv = createAjv(SCHEMA_FILES);
const runtimeValidator = (kind: SchemaKind): ValidateFunction => {
  const validate = runtimeAjv.getSchema(SCHEMA_KINDS[kind]);
  if (!validate) throw new Error(`${kind} is not registered`);
  return validate;
};

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) return [];
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

/** ajv's errors with the schema they point at compared by identity. */
function errorsOf(validate: ValidateFunction, value: unknown): ErrorObject[] {
  validate(value);
  return (validate.errors ?? []).map((error) => ({ ...error }));
}

function expectSameValidation(kind: SchemaKind, file: string, text: string): void {
  const { source } = parseSource(file, text);
  const { value } = documentValue(source);
  const precompiled = errorsOf(validatorFor(kind), value);
  const runtime = errorsOf(runtimeValidator(kind), value);
  expect(precompiled).toEqual(runtime);
  precompiled.forEach((error, i) => expect(error.parentSchema).toBe(runtime[i].parentSchema));
  expect(validateAgainstSchema(kind, source, value)).toEqual(validateAgainstSchema(kind, source, value, runtimeValidator(kind)));
}

describe('the validators compiled at build time', () => {
  const corpus = buildCorpusWorkspace();
  afterAll(() => corpus.dispose());
  const files = [
    ...['samples', 'tests/golden', 'tests/corpus/files'].flatMap((dir) => yamlFiles(path.join(repo, dir))),
    // The corpus workspace adds the generated cases (deep nesting, a very long line).
    ...yamlFiles(path.join(corpus.root, 'generated')),
  ];

  it('are read from every kind of file the test covers (the check is real)', () => {
    const kinds = new Set(files.map((file) => fileRole(file)));
    expect([...kinds].sort()).toEqual(['config', 'directory', 'plan']);
    expect(files.length).toBeGreaterThan(25);
  });

  it('give the errors and findings ajv gives at run time on every sample, golden and corpus file', () => {
    let withErrors = 0;
    for (const file of files) {
      const text = file.endsWith('oversize.rollout.yaml') ? undefined : editorText(path.dirname(file), path.basename(file));
      if (text === undefined) continue;
      expectSameValidation(fileRole(file), file, text);
      const { value } = documentValue(parseSource(file, text).source);
      if (!validatorFor(fileRole(file))(value)) withErrors++;
    }
    // Valid files and files with schema errors are both among them.
    expect(withErrors).toBeGreaterThan(3);
    expect(withErrors).toBeLessThan(files.length);
  });

  it('give the errors and findings ajv gives at run time on random plans and edits of them', () => {
    fc.assert(
      fc.property(mutatedPlanText, (text) => expectSameValidation('plan', '/fuzz/plan.rollout.yaml', text)),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(planObject, fc.jsonValue(), (plan, junk) => {
        for (const value of [plan, { ...plan, phases: [junk] }, { ...plan, name: junk }, junk]) {
          expect(errorsOf(validatorFor('plan'), value)).toEqual(errorsOf(runtimeValidator('plan'), value));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('collect the errors of many invalid items as ajv does (appended in place, not concatenated)', () => {
    const phases = Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? i : i % 3 === 1 ? { id: `p${i}`, kind: 'nope' } : { id: `p${i}`, name: 'x', kind: 'build', checklist: [i, { task: 1 }] }));
    const text = `plan: 1\nname: Many\nphases:\n${phases.map((p) => `  - ${JSON.stringify(p)}\n`).join('')}`;
    expectSameValidation('plan', '/many/plan.rollout.yaml', text);
    expect(errorsOf(validatorFor('plan'), { plan: 1, name: 'Many', phases }).length).toBeGreaterThan(1000);
  });

  it('are what the generator makes of the current schemas (the generated module is not stale)', () => {
    expect(fs.readFileSync(GENERATED_PATH, 'utf8')).toBe(validatorsSource());
  });

  it('point their errors at the loaded schema objects, not at copies', () => {
    const errors = errorsOf(validatorFor('plan'), { plan: 1, name: 'x', phases: [{ id: 'a', name: 'A', kind: 'planing' }] });
    const kindError = errors.find((error) => error.instancePath === '/phases/0/kind');
    const defs = SCHEMA_FILES['plan.schema.json'].$defs as Record<string, object>;
    expect(Object.values(defs)).toContain(kindError?.parentSchema);
  });
});
