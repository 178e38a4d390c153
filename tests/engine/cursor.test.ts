import { describe, expect, it } from 'vitest';
import { isScalar } from 'yaml';
import { nodeAt } from '../../server/src/engine/cursor';
import { parseSource } from '../../server/src/engine/parse';

function at(text: string, needle: string, delta = 0) {
  const { source } = parseSource('/w/plan.rollout.yaml', text);
  return nodeAt(source, text.indexOf(needle) + delta);
}

const TEXT = `plan: 1
phases:
  - id: discovery
    after: [kickoff, scoping]
    checklist:
      - { task: Interview leads, tags: [stakeholders] }
`;

describe('nodeAt', () => {
  it('finds a top-level key and says the offset is on the key', () => {
    const found = at(TEXT, 'plan', 2);
    expect(found?.path).toEqual(['plan']);
    expect(found?.on).toBe('key');
  });

  it('finds a scalar value inside a list item mapping', () => {
    const found = at(TEXT, 'discovery', 3);
    expect(found?.path).toEqual(['phases', 0, 'id']);
    expect(found?.on).toBe('value');
    expect(isScalar(found?.node) && found.node.value).toBe('discovery');
  });

  it('counts the end of a word as inside it', () => {
    expect(at(TEXT, 'discovery', 'discovery'.length)?.path).toEqual(['phases', 0, 'id']);
  });

  it('finds items of flow lists and keys of flow mappings', () => {
    expect(at(TEXT, 'scoping', 1)?.path).toEqual(['phases', 0, 'after', 1]);
    const key = at(TEXT, 'tags:', 1);
    expect(key?.path).toEqual(['phases', 0, 'checklist', 0, 'tags']);
    expect(key?.on).toBe('key');
    expect(at(TEXT, 'stakeholders', 2)?.path).toEqual(['phases', 0, 'checklist', 0, 'tags', 0]);
  });

  it('answers undefined outside the document content', () => {
    const { source } = parseSource('/w/plan.rollout.yaml', '\n\n# only a comment\n');
    expect(nodeAt(source, 5)).toBeUndefined();
  });
});
