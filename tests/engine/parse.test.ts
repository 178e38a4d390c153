import { describe, expect, it, vi } from 'vitest';
import { documentValue, MAX_FILE_BYTES, parseSource } from '../../server/src/engine/parse';

describe('parseSource', () => {
  it('keeps dates as strings under the YAML 1.2 core schema', () => {
    const { source, findings, fatal } = parseSource('/p.rollout.yaml', 'start: 2027-01-11\n');
    expect(fatal).toBe(false);
    expect(findings).toEqual([]);
    expect(source.doc.toJS()).toEqual({ start: '2027-01-11' });
  });

  it('reports a syntax error with its exact range and marks the document fatal', () => {
    const { findings, fatal } = parseSource('/p.rollout.yaml', 'plan: 1\nname: [unclosed\n');
    expect(fatal).toBe(true);
    expect(findings[0].ruleId).toBe('yaml-syntax');
    expect(findings[0].range.start.line).toBeGreaterThanOrEqual(1);
    expect(findings[0].message).toMatch(/fix the YAML syntax here$/);
  });

  it('reports a duplicate key at the second key without making the document fatal', () => {
    const { findings, fatal } = parseSource('/p.rollout.yaml', 'plan: 1\nname: a\nname: b\n');
    expect(fatal).toBe(false);
    expect(findings).toHaveLength(1);
    expect(findings[0].messageId).toBe('duplicateKey');
    expect(findings[0].message).toBe('key "name" appears twice in the same mapping; remove or rename one of them');
    expect(findings[0].range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  });

  it('rejects binary content before parsing', () => {
    const { findings, fatal } = parseSource('/p.rollout.yaml', 'plan: 1\n\u0000\u0001\u0002');
    expect(fatal).toBe(true);
    expect(findings.map((f) => f.messageId)).toEqual(['binary']);
    expect(findings[0].range.start).toEqual({ line: 1, character: 0 });
  });

  it('rejects a text over the size limit without parsing it', () => {
    const { findings, fatal } = parseSource('/p.rollout.yaml', 'x'.repeat(MAX_FILE_BYTES + 1));
    expect(fatal).toBe(true);
    expect(findings[0].messageId).toBe('tooLarge');
    expect(findings[0].message).toMatch(/10 MiB limit/);
  });

  it('measures columns in UTF-16 code units, as LSP does', () => {
    const { findings } = parseSource('/p.rollout.yaml', 'name: "😀"\nname: x\n');
    expect(findings[0].range.start).toEqual({ line: 1, character: 0 });
    const second = parseSource('/p.rollout.yaml', 'a: "😀"\nb: 1\nb: 2\n');
    expect(second.findings[0].range.start.line).toBe(2);
  });
});

describe('documentValue', () => {
  it('turns an alias bomb into a finding instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const { source } = parseSource('/p.rollout.yaml', `${lines.join('\n')}\n`);
    const value = documentValue(source);
    expect(value.value).toBeUndefined();
    expect(value.findings.map((f) => f.messageId)).toEqual(['aliasBomb']);
    expect(value.findings[0].range.start).toEqual({ line: 1, character: 7 });
  });

  it('reports an alias with no anchor at the alias', () => {
    const { source } = parseSource('/p.rollout.yaml', 'owner: *nobody\n');
    const value = documentValue(source);
    expect(value.findings.map((f) => [f.messageId, f.range.start.character, f.range.end.character])).toEqual([['unresolvedAlias', 7, 14]]);
  });

  it('reports every key that is a list or a mapping at the key, reads no value, and prints nothing', () => {
    const text = 'phases:\n  - { id: a, [x, y]: 1 }\n? { k: v }\n: 2\nlist: &l [1]\n*l : 3\n';
    const { source, findings } = parseSource('/p.rollout.yaml', text);
    expect(findings).toEqual([]);
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const value = documentValue(source);
      expect(value.value).toBeUndefined();
      expect(value.findings.map((f) => [f.ruleId, f.messageId, text.slice(...f.offsets)])).toEqual([
        ['yaml-syntax', 'collectionKey', '[x, y]'],
        ['yaml-syntax', 'collectionKey', '{ k: v }'],
        ['yaml-syntax', 'collectionKey', '*l'],
      ]);
      expect(value.findings[0].message).toBe('this key is a list, but keys are names; write the key as plain text (quoted if it holds brackets), or make the list the value of a named key');
      expect(value.findings[1].message).toContain('this key is a mapping');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('reads a text that only looks as if it had a list or mapping key', () => {
    const { source } = parseSource('/p.rollout.yaml', 'task: "Ready? yes"\nafter: [a]\nnote: "{x}: y"\n');
    expect(documentValue(source)).toEqual({ value: { task: 'Ready? yes', after: ['a'], note: '{x}: y' }, findings: [] });
  });

  it('expands ordinary aliases and merge keys', () => {
    const { source } = parseSource('/p.rollout.yaml', 'base: &b { owner: sam }\nphase: { <<: *b, id: x }\n');
    expect(documentValue(source).value).toEqual({ base: { owner: 'sam' }, phase: { owner: 'sam', id: 'x' } });
  });
});
