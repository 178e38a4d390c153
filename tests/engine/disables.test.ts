import { describe, expect, it } from 'vitest';
import { disableLineEdit, parseDisables } from '../../server/src/engine/disables';
import { parseSource } from '../../server/src/engine/parse';
import type { TextEdit } from '../../server/src/engine/types';

const KNOWN = new Set(['owner-required', 'working-days', 'known-tags', 'unknown-rule']);

function source(text: string) {
  return parseSource('/w/plan.rollout.yaml', text).source;
}

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('parseDisables', () => {
  it('silences the named rule on the next line only', () => {
    const text = ['plan: 1', '# crm-rollout-disable-next-line owner-required', 'name: x', 'owner: y'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('owner-required', 2)).toBe(true);
    expect(disables.isDisabled('owner-required', 3)).toBe(false);
    expect(disables.isDisabled('working-days', 2)).toBe(false);
    expect(disables.findings).toEqual([]);
  });

  it('skips blank lines and other comments to reach the next content line', () => {
    const text = ['plan: 1', '  # crm-rollout-disable-next-line working-days', '', '# why: holiday shift', 'start: 2027-01-01'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('working-days', 4)).toBe(true);
    expect(disables.isDisabled('working-days', 2)).toBe(false);
  });

  it('stacks several next-line comments onto the same line', () => {
    const text = ['# crm-rollout-disable-next-line working-days', '# crm-rollout-disable-next-line known-tags', 'a: 1'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('working-days', 2)).toBe(true);
    expect(disables.isDisabled('known-tags', 2)).toBe(true);
  });

  it('silences several comma-separated ids', () => {
    const text = ['a: 1', '# crm-rollout-disable-next-line owner-required, working-days', 'b: 2'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('owner-required', 2)).toBe(true);
    expect(disables.isDisabled('working-days', 2)).toBe(true);
    expect(disables.isDisabled('known-tags', 2)).toBe(false);
  });

  it('silences every rule on the next line when no id is given', () => {
    const text = ['a: 1', '# crm-rollout-disable-next-line', 'b: 2', 'c: 3'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('known-tags', 2)).toBe(true);
    expect(disables.isDisabled('anything', 2)).toBe(true);
    expect(disables.isDisabled('known-tags', 3)).toBe(false);
  });

  it('ignores the reason after --', () => {
    const text = ['a: 1', '# crm-rollout-disable-next-line working-days -- the vendor works saturdays', 'b: 2'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('working-days', 2)).toBe(true);
    expect(disables.findings).toEqual([]);
  });

  it('silences rules for the whole file from the comments before the first node', () => {
    const text = ['# a plan', '', '# crm-rollout-disable known-tags, working-days', 'plan: 1', 'tags: [x]'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('known-tags', 4)).toBe(true);
    expect(disables.isDisabled('working-days', 0)).toBe(true);
    expect(disables.isDisabled('owner-required', 4)).toBe(false);
  });

  it('reads file-level comments after a document marker', () => {
    const text = ['%YAML 1.2', '---', '# crm-rollout-disable known-tags', 'plan: 1'].join('\n');
    expect(parseDisables(source(text), KNOWN).isDisabled('known-tags', 3)).toBe(true);
  });

  it('silences every rule in the file when the file-level comment names none', () => {
    const text = ['# crm-rollout-disable', 'plan: 1'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('owner-required', 1)).toBe(true);
    expect(disables.isDisabled('known-tags', 7)).toBe(true);
  });

  it('ignores a file-level comment after the first node', () => {
    const text = ['plan: 1', '# crm-rollout-disable known-tags', 'tags: [x]'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('known-tags', 2)).toBe(false);
  });

  it('ignores directives in trailing comments', () => {
    const text = ['a: 1 # crm-rollout-disable-next-line known-tags', 'b: 2'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('known-tags', 1)).toBe(false);
  });

  it('ignores directive-like lines inside a block scalar', () => {
    const text = ['notes: |', '  # crm-rollout-disable-next-line nonsense', '  text', 'b: 2'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.findings).toEqual([]);
    expect(disables.isDisabled('known-tags', 3)).toBe(false);
  });

  it('does not mistake a longer word for the directive', () => {
    const text = ['a: 1', '# crm-rollout-disabled known-tags', 'b: 2'].join('\n');
    const disables = parseDisables(source(text), KNOWN);
    expect(disables.isDisabled('known-tags', 2)).toBe(false);
    expect(disables.findings).toEqual([]);
  });

  it('reports an unknown id at its exact range with a did-you-mean and a replace fix', () => {
    const text = ['a: 1', '# crm-rollout-disable-next-line known-tags, wroking-days', 'b: 2'].join('\n');
    const { findings } = parseDisables(source(text), KNOWN);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.ruleId).toBe('unknown-rule');
    expect(finding.severity).toBe('warning');
    expect(finding.file).toBe('/w/plan.rollout.yaml');
    expect(finding.range).toEqual({ start: { line: 1, character: 44 }, end: { line: 1, character: 56 } });
    expect(text.slice(finding.offsets[0], finding.offsets[1])).toBe('wroking-days');
    expect(finding.message).toBe('rule "wroking-days" does not exist; did you mean "working-days"?');
    expect(finding.fixes?.[0].edits).toEqual([{ start: finding.offsets[0], end: finding.offsets[1], newText: 'working-days' }]);
  });

  it('reports an unknown id in a file-level comment, without a suggestion when none is close', () => {
    const text = ['# crm-rollout-disable zzz', 'plan: 1'].join('\n');
    const { findings } = parseDisables(source(text), KNOWN);
    expect(findings).toHaveLength(1);
    expect(findings[0].range).toEqual({ start: { line: 0, character: 22 }, end: { line: 0, character: 25 } });
    expect(findings[0].message).toBe('rule "zzz" does not exist; remove it or use a rule id listed in docs/rules');
    expect(findings[0].fixes).toBeUndefined();
  });
});

describe('disableLineEdit', () => {
  it('inserts a comment above the line with the same indentation', () => {
    const text = 'phases:\n  - id: a\n    start: 2027-01-02\n';
    const edit = disableLineEdit(source(text), 2, 'working-days');
    expect(apply(text, edit)).toBe('phases:\n  - id: a\n    # crm-rollout-disable-next-line working-days\n    start: 2027-01-02\n');
  });

  it('keeps CRLF line endings', () => {
    const text = 'phases:\r\n  - id: a\r\n    start: 2027-01-02\r\n';
    const edit = disableLineEdit(source(text), 1, 'owner-required');
    expect(apply(text, edit)).toBe('phases:\r\n  # crm-rollout-disable-next-line owner-required\r\n  - id: a\r\n    start: 2027-01-02\r\n');
  });

  it('appends the id to a disable comment already on the line above', () => {
    const text = 'a: 1\n  # crm-rollout-disable-next-line known-tags\n  b: 2\n';
    const edit = disableLineEdit(source(text), 2, 'working-days');
    expect(apply(text, edit)).toBe('a: 1\n  # crm-rollout-disable-next-line known-tags, working-days\n  b: 2\n');
  });

  it('appends before a reason on the comment above', () => {
    const text = 'a: 1\n# crm-rollout-disable-next-line known-tags -- legacy tag\nb: 2\n';
    const edit = disableLineEdit(source(text), 2, 'working-days');
    expect(apply(text, edit)).toBe('a: 1\n# crm-rollout-disable-next-line known-tags, working-days -- legacy tag\nb: 2\n');
  });

  it('makes no change when the comment above already covers the rule', () => {
    const named = 'a: 1\n# crm-rollout-disable-next-line known-tags\nb: 2\n';
    const edit = disableLineEdit(source(named), 2, 'known-tags');
    expect(edit.newText).toBe('');
    expect(edit.start).toBe(edit.end);
    const all = 'a: 1\n# crm-rollout-disable-next-line\nb: 2\n';
    expect(disableLineEdit(source(all), 2, 'known-tags').newText).toBe('');
  });

  it('inserts at the very start of the file for the first line', () => {
    const text = 'plan: 1\n';
    const edit = disableLineEdit(source(text), 0, 'known-tags');
    expect(apply(text, edit)).toBe('# crm-rollout-disable-next-line known-tags\nplan: 1\n');
  });

  it('produces a comment that parseDisables reads back for that line', () => {
    const text = 'a: 1\nb: [x]\n';
    const edited = apply(text, disableLineEdit(source(text), 1, 'known-tags'));
    const disables = parseDisables(source(edited), KNOWN);
    expect(disables.isDisabled('known-tags', 2)).toBe(true);
  });
});
