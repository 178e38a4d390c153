import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import type { Range } from '../../server/src/engine/types';
import { targetCovers } from '../../server/src/engine/waivers';
import { onlyRulesConfig } from '../helpers/cli';

const PLAN_PATH = '/w/plan.rollout.yaml';
const CONFIG = onlyRulesConfig(['known-tags', 'known-references']);

const BASE = `plan: 1
name: Pilot
people:
  - { id: priya, name: Priya }
teams: [sales]
phases:
  - id: a
    name: A
    kind: planning
    checklist:
      - { task: One, tags: [bakup] }
      - { task: Two, tags: [stakholders] }
  - id: b
    name: B
    kind: design
    checklist:
      - { id: model, task: Model, tags: [desing] }
`;

function lint(waivers: string, options: { asOf?: string; config?: string } = {}) {
  const text = `${BASE}x-waivers:\n${waivers}`;
  const fs = new MemoryFileSystem({ '/w/.crm-rollout.yaml': options.config ?? CONFIG });
  return { text, result: lintText(PLAN_PATH, text, { fs, asOf: options.asOf }) };
}

/** The 0-based range of the `occurrence`-th match of `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 1): Range {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const pos = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}

const tagTypos = (messages: string[]) => messages.filter((m) => m.startsWith('tag ')).map((m) => /"([^"]+)"/.exec(m)![1]);

describe('x-waivers', () => {
  it('silences the findings of its rule under a target id, and lists them as waived with their waiver', () => {
    const { result } = lint('  - { rule: known-tags, target: a, reason: Tags are renamed next sprint, owner: priya, until: 2999-12-31 }\n');
    expect(tagTypos(result.findings.map((f) => f.message))).toEqual(['desing']);
    expect(result.waived.map((w) => w.finding.idPath)).toEqual(['phases/a/checklist/0', 'phases/a/checklist/1']);
    expect(result.waived[0].waiver).toMatchObject({ rule: 'known-tags', target: 'a', reason: 'Tags are renamed next sprint', owner: 'priya', until: '2999-12-31' });
  });

  it('covers exactly one item when the target is its idPath, and an item by its own id', () => {
    const byPath = lint('  - { rule: known-tags, target: phases/a/checklist/1, reason: r, owner: priya }\n').result;
    expect(tagTypos(byPath.findings.map((f) => f.message))).toEqual(['bakup', 'desing']);
    const byId = lint('  - { rule: known-tags, target: model, reason: r, owner: priya }\n').result;
    expect(tagTypos(byId.findings.map((f) => f.message))).toEqual(['bakup', 'stakholders']);
  });

  it('does not silence findings of another rule on the same target', () => {
    const { result } = lint('  - { rule: known-references, target: a, reason: r, owner: priya }\n');
    expect(tagTypos(result.findings.map((f) => f.message))).toEqual(['bakup', 'stakholders', 'desing']);
    expect(result.waived).toEqual([]);
  });

  it('holds through its until date and expires the day after: the findings return and the waiver is a waiver-expired warning at its date', () => {
    const waiver = '  - { rule: known-tags, target: a, reason: r, owner: priya, until: 2027-01-31 }\n';
    expect(lint(waiver, { asOf: '2027-01-31' }).result.findings.map((f) => f.ruleId)).toEqual(['known-tags']);
    const { text, result } = lint(waiver, { asOf: '2027-02-01' });
    const expired = result.findings.find((f) => f.ruleId === 'waiver-expired')!;
    expect(expired).toMatchObject({
      messageId: 'expired',
      severity: 'warning',
      message: 'waiver of "known-tags" for "a" expired on 2027-01-31 (as of 2027-02-01), so its findings are reported again; fix them, or renew the waiver with a later "until" and a current reason',
      range: rangeOf(text, '2027-01-31'),
    });
    expect(tagTypos(result.findings.map((f) => f.message))).toEqual(['bakup', 'stakholders', 'desing']);
    expect(result.waived).toEqual([]);
  });

  it('expires against today when no as-of date is given', () => {
    expect(lint('  - { rule: known-tags, target: a, reason: r, owner: priya, until: 2000-01-01 }\n').result.findings.map((f) => f.ruleId)).toContain('waiver-expired');
    expect(lint('  - { rule: known-tags, target: a, reason: r, owner: priya, until: 2999-12-31 }\n').result.waived).toHaveLength(2);
  });

  it('takes its severity from the configuration like any rule', () => {
    const config = `${CONFIG}  waiver-expired: error\n`;
    const { result } = lint('  - { rule: known-tags, target: a, reason: r, owner: priya, until: 2027-01-31 }\n', { asOf: '2027-03-01', config });
    expect(result.findings.find((f) => f.ruleId === 'waiver-expired')?.severity).toBe('error');
  });
});

describe('invalid x-waivers', () => {
  const cases: [string, string, string, string, string][] = [
    ['a missing reason, at the rule', '  - { rule: known-tags, target: a, owner: priya }\n', 'missingField', 'known-tags', 'waiver has no "reason"; say why the finding is accepted, for the audit trail'],
    ['a missing owner, at the rule', '  - { rule: known-tags, target: a, reason: r }\n', 'missingField', 'known-tags', 'waiver has no "owner"; name the person accountable for it'],
    ['an empty reason, at its value', '  - { rule: known-tags, target: a, reason: "", owner: priya }\n', 'missingField', '""', 'waiver has no "reason"; say why the finding is accepted, for the audit trail'],
    ['an unknown rule', '  - { rule: known-tag, target: a, reason: r, owner: priya }\n', 'unknownRule', 'known-tag', 'waiver names rule "known-tag", which does not exist; did you mean "known-tags"?'],
    ['an owner who is not declared', '  - { rule: known-tags, target: a, reason: r, owner: priay }\n', 'unknownOwner', 'priay', 'waiver owner "priay" is not a declared person or team; did you mean "priya"?'],
    ['a target id that is not declared', '  - { rule: known-tags, target: aa, reason: r, owner: priya }\n', 'unknownTarget', 'aa', 'waiver target "aa" names nothing in this plan; name a declared id such as "uat" or an idPath such as "phases/uat"; did you mean "a"?'],
    ['an idPath naming an undeclared phase', '  - { rule: known-tags, target: phases/c, reason: r, owner: priya }\n', 'unknownTarget', 'phases/c', 'waiver target "phases/c" names nothing in this plan; name a declared id such as "uat" or an idPath such as "phases/uat"; did you mean "a"?'],
    ['a date that does not exist', '  - { rule: known-tags, target: a, reason: r, owner: priya, until: 2027-02-30 }\n', 'badDate', '2027-02-30', 'waiver "until" "2027-02-30" is not a date; write it as YYYY-MM-DD'],
    ['an unknown field', '  - { rule: known-tags, target: a, reason: r, owner: priya, untill: 2027-02-01 }\n', 'unknownField', 'untill', 'waiver field "untill" is not known; a waiver has rule, target, reason, owner and until; did you mean "until"?'],
    ['an entry that is not a mapping', '  - known-tags\n', 'notAMapping', 'known-tags', 'a waiver is a mapping such as { rule: owner-overload, target: priya, reason: ..., owner: dana, until: 2027-06-30 }'],
  ];
  for (const [name, waiver, messageId, at, message] of cases) {
    it(`reports ${name} as waiver-invalid and silences nothing`, () => {
      const { text, result } = lint(waiver);
      const invalid = result.findings.filter((f) => f.ruleId === 'waiver-invalid');
      expect(invalid).toHaveLength(1);
      expect(invalid[0]).toMatchObject({ messageId, severity: 'warning', message, range: rangeOf(text, at, text.split(at).length - 1) });
      expect(result.waived).toEqual([]);
      expect(tagTypos(result.findings.map((f) => f.message))).toEqual(['bakup', 'stakholders', 'desing']);
    });
  }

  it('reports x-waivers that is not a list at its value', () => {
    const { text, result } = lint('  rule: known-tags\n');
    expect(result.findings.find((f) => f.ruleId === 'waiver-invalid')).toMatchObject({ messageId: 'notAList', range: { start: rangeOf(text, 'rule: known-tags').start } });
  });

  it('offers the closest rule id as an unsafe fix for an unknown rule', () => {
    const { text, result } = lint('  - { rule: known-tag, target: a, reason: r, owner: priya }\n');
    const fix = result.findings.find((f) => f.messageId === 'unknownRule')!.fixes![0];
    expect(fix).toMatchObject({ title: 'replace with "known-tags"', kind: 'suggestion' });
    const edit = fix.edits[0];
    expect(text.slice(0, edit.start) + edit.newText + text.slice(edit.end)).toContain('{ rule: known-tags, target: a');
  });
});

describe('targetCovers', () => {
  it('matches the idPath itself, what lies under it, and a bare id at an entity position only', () => {
    expect(targetCovers('phases/uat', 'phases/uat')).toBe(true);
    expect(targetCovers('phases/uat', 'phases/uat/checklist/2')).toBe(true);
    expect(targetCovers('phases/ua', 'phases/uat')).toBe(false);
    expect(targetCovers('uat', 'phases/uat/milestones/gate')).toBe(true);
    expect(targetCovers('gate', 'phases/uat/milestones/gate')).toBe(true);
    expect(targetCovers('checklist', 'phases/uat/checklist/2')).toBe(false);
    expect(targetCovers('sponsor', 'sponsor')).toBe(true);
    expect(targetCovers('governance', 'governance/crm_owner')).toBe(true);
  });
});
