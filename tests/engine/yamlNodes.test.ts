import { describe, expect, it } from 'vitest';
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { parseSource } from '../../server/src/engine/parse';
import { pairOf } from '../../server/src/engine/yamlNodes';

function rootOf(text: string) {
  const { source } = parseSource('/w/plan.rollout.yaml', text);
  expect(isMap(source.doc.contents)).toBe(true);
  return { doc: source.doc, map: source.doc.contents as YAMLMap };
}

function valueAt(text: string, key: string): unknown {
  const { doc, map } = rootOf(text);
  const pair = pairOf(doc, map, key);
  return pair && isScalar(pair.value) ? pair.value.value : pair;
}

describe('pairOf', () => {
  it("finds a map's own key, also a number key by its text", () => {
    expect(valueAt('a: 1\nb: 2\n', 'b')).toBe(2);
    expect(valueAt('1: one\n', '1')).toBe('one');
  });

  it('is undefined for a key the map does not have, with or without merge keys', () => {
    expect(valueAt('a: 1\n', 'z')).toBeUndefined();
    expect(valueAt('base: &b { x: 1 }\nm: 1\n<<: *b\n', 'z')).toBeUndefined();
  });

  it('looks through merge keys only after every own key, whatever the order', () => {
    expect(valueAt('base: &b { x: 1, y: 2 }\n<<: *b\nx: 9\n', 'x')).toBe(9);
    expect(valueAt('base: &b { x: 1, y: 2 }\n<<: *b\nx: 9\n', 'y')).toBe(2);
    expect(valueAt('<<: [{ x: 1 }, { y: 3 }]\n', 'y')).toBe(3);
  });
});
