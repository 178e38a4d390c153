import { describe, expect, it } from 'vitest';
import { isSeq, parse, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { addToListKey, applyEdits, eolOf, flowMapText, insertTopLevelKey, scalarText } from '../../server/src/engine/edits';
import { parseSource } from '../../server/src/engine/parse';
import type { SourceFile } from '../../server/src/engine/source';
import type { TextEdit } from '../../server/src/engine/types';

function sourceOf(text: string): SourceFile {
  return parseSource('/w/plan.rollout.yaml', text).source;
}

/** The value under `path` (keys and indexes) as a node, for edits that need one. */
function nodeAt(source: SourceFile, ...path: (string | number)[]): unknown {
  return source.doc.getIn(path, true);
}

function apply(source: SourceFile, edit: TextEdit | undefined): string {
  if (!edit) throw new Error('expected an edit');
  return applyEdits(source.text, [edit]);
}

describe('scalarText', () => {
  it('leaves ids, dates and plain words bare', () => {
    expect(['go-live', '2027-03-01', 'Weekly active users / licensed users', 80, true].map(scalarText)).toEqual([
      'go-live',
      '2027-03-01',
      'Weekly active users / licensed users',
      '80',
      'true',
    ]);
  });

  it('double-quotes text with a comma, bracket or brace, which would split or close a flow collection', () => {
    expect(scalarText('Announce the rollout, its benefits and the date')).toBe('"Announce the rollout, its benefits and the date"');
    expect(scalarText('Test [staging] first')).toBe('"Test [staging] first"');
    expect(scalarText('Map {legacy} fields')).toBe('"Map {legacy} fields"');
  });

  it('keeps the quoting YAML itself needs, such as for a colon followed by a space', () => {
    expect(scalarText('TODO: what must be true')).toBe('"TODO: what must be true"');
  });

  it('writes text with a line break on one line, double-quoted, instead of as a block scalar', () => {
    expect(scalarText('first line\nsecond line')).toBe('"first line\\nsecond line"');
  });
});

describe('flowMapText', () => {
  it('writes a one-line flow map with lists in brackets', () => {
    expect(flowMapText({ task: 'Back up the data', tags: ['backup'], due: '2027-03-01' })).toBe('{ task: Back up the data, tags: [backup], due: 2027-03-01 }');
  });

  it('quotes a task with commas inserted into a flow map, and the plan still parses to the same task', () => {
    const task = 'Train sales, service and marketing, then [optionally] partners';
    const source = sourceOf('phases:\n  - { id: training, checklist: [{ task: Existing, tags: [training] }] }\n');
    const checklist = nodeAt(source, 'phases', 0, 'checklist') as YAMLSeq;
    const text = apply(source, addToListKey(source, nodeAt(source, 'phases', 0) as YAMLMap, 'checklist', checklist, flowMapText({ task, tags: ['training'] })));
    expect(text).toBe(`phases:\n  - { id: training, checklist: [{ task: Existing, tags: [training] }, { task: "${task}", tags: [training] }] }\n`);
    expect(parse(text).phases[0].checklist[1]).toEqual({ task, tags: ['training'] });
  });
});

describe('addToListKey', () => {
  const text = `phases:
  - id: design
    name: Design
    checklist:
      - { task: a }
  - id: build
    name: Build
    kind: configuration
    owner: dana
  - id: test
    checklist:
`;

  it('appends to an existing block list, aligned with its dashes', () => {
    const source = sourceOf(text);
    const seq = nodeAt(source, 'phases', 0, 'checklist');
    expect(isSeq(seq)).toBe(true);
    const out = apply(source, addToListKey(source, nodeAt(source, 'phases', 0) as YAMLMap, 'checklist', seq as YAMLSeq, '{ task: b }'));
    expect(out).toContain('    checklist:\n      - { task: a }\n      - { task: b }\n  - id: build');
  });

  it('creates `key: [item]` after `afterKey` when the key is absent', () => {
    const source = sourceOf(text);
    const out = apply(source, addToListKey(source, nodeAt(source, 'phases', 1) as YAMLMap, 'audiences', undefined, 'sales', 'kind'));
    expect(out).toContain('    kind: configuration\n    audiences: [sales]\n    owner: dana\n');
  });

  it('returns undefined when the key is present without a list, instead of writing the key twice', () => {
    const source = sourceOf(text);
    expect(addToListKey(source, nodeAt(source, 'phases', 2) as YAMLMap, 'checklist', nodeAt(source, 'phases', 2, 'checklist') as Node, '{ task: c }')).toBeUndefined();
  });
});

describe('insertTopLevelKey', () => {
  it('adds the key at the end of the root mapping', () => {
    const source = sourceOf('plan: 1\nname: Pilot\n');
    expect(apply(source, insertTopLevelKey(source, 'kpis', '[{ id: x }]'))).toBe('plan: 1\nname: Pilot\nkpis: [{ id: x }]\n');
  });

  it('returns undefined when the root already has the key, whatever its value', () => {
    const source = sourceOf('plan: 1\npeople:\nname: Pilot\n');
    expect(insertTopLevelKey(source, 'people', '[{ id: dana }]')).toBeUndefined();
  });

  it('returns undefined when the document is not a mapping', () => {
    expect(insertTopLevelKey(sourceOf('- a\n- b\n'), 'plan', '1')).toBeUndefined();
  });
});

describe('eolOf', () => {
  it("is the file's line break, asked once per file and found again when its text changes", () => {
    const source = sourceOf('plan: 1\r\nname: x\r\n');
    expect(eolOf(source)).toBe('\r\n');
    expect(eolOf(source)).toBe('\r\n');
    expect(eolOf(sourceOf('plan: 1\nname: x\n'))).toBe('\n');
    source.text = 'plan: 1\nname: x\n';
    expect(eolOf(source)).toBe('\n');
  });
});
