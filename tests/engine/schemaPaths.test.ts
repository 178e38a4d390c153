import { describe, expect, it } from 'vitest';
import { isMap, type YAMLMap } from 'yaml';
import { locate, unescapeSegment } from '../../server/src/engine/locatePath';
import { MAX_ALIAS_COUNT, parseSource } from '../../server/src/engine/parse';
import { validateAgainstSchema } from '../../server/src/engine/schema';
import { SchemaPaths } from '../../server/src/engine/schemaPaths';
import { pairOf } from '../../server/src/engine/yamlNodes';

/**
 * schemaPaths.ts shares the work of finding the paths of many errors: each path is reached
 * from the last one's ancestors, and large mappings are indexed. Whatever order paths are
 * asked in, each answer must be what a walk from the root finds for that path alone.
 */

function parsed(text: string) {
  const { source, fatal } = parseSource('test.rollout.yaml', text);
  expect(fatal).toBe(false);
  return { source, value: source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
}

const unknownKeys = (count: number) => Array.from({ length: count }, (_, i) => `  extra${i}: ${i}`).join('\n');

/** Lists, aliases, a `<<` merge, a key with `/` and `~`, a missing path, and a mapping large enough to be indexed. */
const TEXT = `plan: 1
name: Paths
x-base: &base { kind: design, owner: priya }
x-list: &list [a, b]
"a/b~c": { inner: 1 }
phases:
  - { <<: *base, id: one, name: One }
  - id: two
    name: Two
    tags: *list
    checklist:
      - { task: Call, id: call }
      - task: Write
big:
${unknownKeys(40)}
  <<: *base
`;

const PATHS = [
  '',
  '/phases',
  '/phases/0',
  '/phases/0/kind',
  '/phases/0/owner',
  '/phases/1/checklist/0',
  '/phases/1/checklist/1/task',
  '/phases/1/tags/1',
  '/phases/1',
  '/phases/10',
  '/phases/7',
  '/phases/1/nothing/deeper',
  '/a~1b~0c/inner',
  '/big/extra39',
  '/big/kind',
  '/big/extra0',
  '/name',
];

/** What a walk from the root finds for a path, as comparable data. */
function alone(doc: ReturnType<typeof parsed>['source']['doc'], instancePath: string) {
  const segments = instancePath === '' ? [] : instancePath.split('/').slice(1).map(unescapeSegment);
  const { node, pair, nearest } = locate(doc, segments);
  return { segments, node, pair, nearest };
}

describe('SchemaPaths', () => {
  it('finds every path as a walk from the root does, in any order of asking', () => {
    const { source, value } = parsed(TEXT);
    const orders = [PATHS, [...PATHS].reverse(), [...PATHS].sort(), [...PATHS, ...PATHS]];
    for (const order of orders) {
      const paths = new SchemaPaths(source.doc, value);
      for (const instancePath of order) {
        const { segments, location } = paths.at(instancePath);
        const expected = alone(source.doc, instancePath);
        expect({ segments, node: location.node, pair: location.pair, nearest: location.nearest }, instancePath).toEqual(expected);
        expect(location.node === expected.node && location.nearest === expected.nearest, instancePath).toBe(true);
      }
    }
  });

  it('gives id paths with the ids of list items and the keys of mappings', () => {
    const { source, value } = parsed(TEXT);
    const paths = new SchemaPaths(source.doc, value);
    expect(paths.at('/phases/1/checklist/0').idPath).toBe('phases/two/checklist/call');
    expect(paths.at('/phases/1/checklist/1/task').idPath).toBe('phases/two/checklist/1/task');
    expect(paths.at('/phases/0/kind').idPath).toBe('phases/one/kind');
    expect(paths.at('/a~1b~0c/inner').idPath).toBe('a/b~c/inner');
    expect(paths.at('').idPath).toBe('');
    expect(paths.idStep(paths.at('/big'), 'extra3').idPath).toBe('big/extra3');
  });

  it('looks keys up in a large mapping, merged keys included, as pairOf does', () => {
    const { source, value } = parsed(TEXT);
    const paths = new SchemaPaths(source.doc, value);
    const big = paths.at('/big').location.node;
    expect(isMap(big)).toBe(true);
    const map = big as YAMLMap;
    for (const key of ['extra0', 'extra20', 'extra39', 'kind', 'owner', '<<', 'absent']) {
      expect(paths.pairOf(map, key), key).toBe(pairOf(source.doc, map, key));
    }
    expect(paths.itemIndex(map, map.items[25].key)).toBe(25);
    expect(paths.itemIndex(map, undefined)).toBe(-1);
  });
});

describe('schema findings on many errors', () => {
  it('are the findings of each error described alone: unknown keys of a large mapping each get their key and rename fix', () => {
    const many = `plan: 1\nname: Many\n${Array.from({ length: 30 }, (_, i) => `nmae${i}: x`).join('\n')}\nnmae: typo\n`;
    const { source, value } = parsed(many);
    const findings = validateAgainstSchema('plan', source, value);
    const unknown = findings.filter((f) => f.messageId === 'unknownKey');
    expect(unknown).toHaveLength(31);
    for (const [i, f] of unknown.slice(0, 30).entries()) {
      const line = i + 2;
      expect(f.range).toEqual({ start: { line, character: 0 }, end: { line, character: `nmae${i}`.length } });
      expect(f.idPath).toBe(`nmae${i}`);
    }
    const typo = unknown[30];
    expect(typo.message).toBe('"nmae" is not a plan field; did you mean "name"?');
    expect(typo.range).toEqual({ start: { line: 32, character: 0 }, end: { line: 32, character: 4 } });
    expect(typo.fixes?.map((fix) => [fix.kind, fix.edits])).toEqual([['suggestion', [{ start: typo.offsets[0], end: typo.offsets[1], newText: 'name' }]]]);
  });

  it('are the findings of each item validated alone, for many invalid items', () => {
    const id = (i: number) => `p${String(i).padStart(3, '0')}`;
    const item = (i: number) => `  - { id: ${id(i)}, name: P, kind: nope, wave: -1, mielstones: [] }`;
    const count = 50;
    const { source, value } = parsed(`plan: 1\nname: Many\nphases:\n${Array.from({ length: count }, (_, i) => item(i)).join('\n')}\n`);
    const all = validateAgainstSchema('plan', source, value);
    const one = parsed(`plan: 1\nname: Many\nphases:\n${item(0)}\n`);
    const single = validateAgainstSchema('plan', one.source, one.value);
    expect(single.length).toBeGreaterThan(1);
    expect(all).toHaveLength(single.length * count);
    for (let i = 0; i < count; i++) {
      const shift = i * (item(0).length + 1);
      const ofItem = all.slice(i * single.length, (i + 1) * single.length);
      expect(ofItem.map((f) => [f.messageId, f.message.replace(id(i), id(0)), f.offsets[0] - shift, f.range.start.line - i, f.idPath?.replace(id(i), id(0))])).toEqual(
        single.map((f) => [f.messageId, f.message, f.offsets[0], f.range.start.line, f.idPath]),
      );
    }
  });
});
