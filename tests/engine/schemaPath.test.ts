import { describe, expect, it } from 'vitest';
import { descriptionOf, enumValues, propertiesOf, schemaAtPath, titleOf, typesOf } from '../../server/src/engine/schemaPath';
import { PHASE_KINDS } from '../../server/src/engine/vocabulary';

describe('schemaAtPath', () => {
  it('lists the top-level keys of a plan in schema order, with plan and name required', () => {
    const props = propertiesOf(schemaAtPath('plan', [])!);
    expect(props.map((p) => p.name).slice(0, 3)).toEqual(['plan', 'name', 'organization']);
    expect(props.filter((p) => p.required).map((p) => p.name)).toEqual(['plan', 'name']);
  });

  it('follows list items and $ref to a phase, and keeps the property description over the definition', () => {
    const owner = schemaAtPath('plan', ['phases', 3, 'owner'])!;
    expect(owner.defName).toBe('personRef');
    expect(descriptionOf(owner)).toMatch(/^Person id of who is accountable for the phase/);
    expect(titleOf(owner)).toBe('person id');
  });

  it('gives the enum of a phase kind and the definition it comes from', () => {
    const kind = schemaAtPath('plan', ['phases', 0, 'kind'])!;
    expect(kind.defName).toBe('phaseKind');
    expect(enumValues(kind)).toEqual([...PHASE_KINDS]);
  });

  it('names the definitions of references, tags and dates', () => {
    expect(schemaAtPath('plan', ['phases', 0, 'after', 0])?.defName).toBe('dependency');
    expect(schemaAtPath('plan', ['phases', 0, 'calendar'])?.defName).toBe('calendarRef');
    expect(schemaAtPath('plan', ['waves', 0, 'calendar'])?.defName).toBe('calendarRef');
    expect(schemaAtPath('plan', ['customizations', 0, 'supports', 0])?.defName).toBe('objectiveRef');
    expect(schemaAtPath('plan', ['phases', 0, 'checklist', 2, 'tags', 0])?.defName).toBe('tag');
    expect(schemaAtPath('plan', ['calendar', 'start'])?.defName).toBe('date');
  });

  it('resolves references into another schema file from a directory file', () => {
    const team = schemaAtPath('directory', ['teams', 0]);
    expect(team?.defName).toBe('id');
    expect(typesOf(schemaAtPath('directory', ['people', 0])!)).toEqual(['object']);
  });

  it('accepts x- keys anywhere and rejects unknown keys', () => {
    expect(descriptionOf(schemaAtPath('plan', ['x-notes'])!)).toMatch(/own data/);
    expect(schemaAtPath('plan', ['mielstones'])).toBeUndefined();
    expect(schemaAtPath('plan', ['phases', 0, 'nope', 'deeper'])).toBeUndefined();
  });

  it('reads the severities of a configured rule through its if/then', () => {
    expect(enumValues(schemaAtPath('config', ['rules', 'known-tags'])!)).toEqual(['error', 'warning', 'info', 'off']);
  });
});
