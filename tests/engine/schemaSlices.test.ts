import { describe, expect, it } from 'vitest';
import { validatorAt } from '../../server/src/engine/schemaFiles';
import { SLICE, validateInSlices } from '../../server/src/engine/schemaSlices';

/** What a test compares: where each error is and what it says, in a stable order. */
function summary(errors: readonly { instancePath: string; keyword: string; params: Record<string, unknown> }[]): string[] {
  return errors.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`).sort();
}

function wholeValidation(file: string, value: unknown) {
  const validate = validatorAt(file);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

const COUNT = SLICE * 3 + 7;

/** A plan with long lists at two depths (people, a phase's checklist), some items invalid. */
function longPlan() {
  return {
    plan: 1,
    name: 'Long',
    sponsor: 'p0',
    people: Array.from({ length: COUNT }, (_, i) => (i % 97 === 5 ? { id: `p${i}`, nmae: 'typo' } : { id: `p${i}`, name: `P${i}` })),
    phases: [
      {
        id: 'build',
        name: 'Build',
        kind: 'configuration',
        checklist: Array.from({ length: COUNT }, (_, i) => (i % 50 === 3 ? { task: `T${i}`, bogus: i, tags: [7] } : { task: `T${i}` })),
      },
      { id: 'oops', kind: 'configurashun', checklist: 'not a list' },
    ],
  };
}

describe('schema validation in slices', () => {
  it('finds exactly the errors one whole validation finds, on lists longer than a slice', () => {
    const plan = longPlan();
    const sliced = summary(validateInSlices('plan.schema.json', plan));
    expect(sliced).toEqual(summary(wholeValidation('plan.schema.json', plan)));
    // The last invalid item, slices past the first, is reported at its place in the whole list.
    const last = COUNT - 1 - ((COUNT - 1 - 3) % 50);
    expect(last).toBeGreaterThan(SLICE * 2);
    expect(sliced).toContain(`/phases/0/checklist/${last} additionalProperties {"additionalProperty":"bogus"}`);
    expect(sliced).toContain(`/phases/0/checklist/${last}/tags/0 type {"type":"string"}`);
  });

  it('does the same for a directory file of people', () => {
    const directory = { people: longPlan().people };
    expect(summary(validateInSlices('directory.schema.json', directory))).toEqual(summary(wholeValidation('directory.schema.json', directory)));
  });

  it('leaves the validated value unchanged', () => {
    const plan = longPlan();
    const before = JSON.stringify(plan);
    validateInSlices('plan.schema.json', plan);
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('reports 80,000 invalid checklist items, one error each (ajv alone copies its error list per item)', () => {
    const checklist = Array.from({ length: 80_000 }, (_, i) => ({ task: `T${i}`, bogus: i }));
    const plan = { plan: 1, name: 'Big', sponsor: 'dana', phases: [{ id: 'b', name: 'B', kind: 'configuration', checklist }] };
    const errors = validateInSlices('plan.schema.json', plan);
    expect(errors).toHaveLength(80_000);
    expect(errors.every((e) => e.keyword === 'additionalProperties')).toBe(true);
    expect(new Set(errors.map((e) => e.instancePath)).size).toBe(80_000);
  });
});
