import { parse, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyEdits, appendSeqItem, insertMapEntry } from '../../server/src/engine/edits';
import { applySafeFixes, fixUntilStable } from '../../server/src/engine/fix';
import { checkFix, parsedForCheck } from '../../server/src/engine/fixCheck';
import { buildPlan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import { insertPhase, setGovernanceEntry } from '../../server/src/engine/planEdits';
import type { Finding, TextEdit } from '../../server/src/engine/types';

const PATH = '/w/plan.rollout.yaml';

/** A finding carrying one safe fix with `edits`: the fix loop needs nothing else. */
function finding(ruleId: string, edits: (TextEdit | undefined)[]): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { ruleId, messageId: 'm', severity: 'warning', message: ruleId, file: PATH, range, offsets: [0, 0], fixes: [{ title: ruleId, edits: edits.filter((e) => e !== undefined), kind: 'fix' }] };
}

const verdict = (text: string, edits: TextEdit[]) => checkFix(parsedForCheck(text), applyEdits(text, edits), edits);

describe('checkFix', () => {
  const TEXT = 'a: &lead avva\nb: *lead\nc:\nd: [x, y]  # more later\n';

  it('accepts a replacement of a value and a filled-in empty value', () => {
    expect(verdict(TEXT, [{ start: TEXT.indexOf('x'), end: TEXT.indexOf('x') + 1, newText: 'z' }])).toBe('ok');
    expect(verdict(TEXT, [{ start: TEXT.indexOf('c:') + 2, end: TEXT.indexOf('c:') + 2, newText: ' 1' }])).toBe('ok');
  });

  it('refuses an edit of an anchored value its alias repeats, text inside a comment, and a YAML error', () => {
    expect(verdict(TEXT, [{ start: 9, end: 13, newText: 'ava' }])).toBe('sideEffect');
    expect(verdict(TEXT, [{ start: TEXT.length - 1, end: TEXT.length - 1, newText: ', z' }])).toBe('noEffect');
    expect(verdict(TEXT, [{ start: TEXT.indexOf(']'), end: TEXT.indexOf(']') + 1, newText: '' }])).toBe('syntax');
  });

  it('refuses an insertion that moves the kept blank lines out of a |+ block scalar', () => {
    const text = 'g:\n  c: |+\n    x\n\n\n';
    expect(verdict(text, [{ start: 16, end: 16, newText: '\n  k: v' }])).toBe('sideEffect');
    expect(verdict(text, [{ start: text.length, end: text.length, newText: '  k: v\n' }])).toBe('ok');
  });
});

describe('applySafeFixes and fixUntilStable', () => {
  it('drop a fix that would break the YAML, count it, and still apply the others', () => {
    const text = 'a: [x]\nb: 1\n';
    const broken = finding('broken', [{ start: 5, end: 6, newText: '' }]);
    const good = finding('good', [{ start: 10, end: 11, newText: '2' }]);
    const pass = applySafeFixes(text, [broken, good]);
    expect(pass.text).toBe('a: [x]\nb: 2\n');
    expect(pass.dropped.map((d) => d.finding.ruleId)).toEqual(['broken']);
    const loop = fixUntilStable(text, (t) => (t === text ? [broken, good] : [broken]));
    expect(loop).toMatchObject({ text: 'a: [x]\nb: 2\n', fixed: 1, dropped: 1 });
  });

  it('count as fixed only the problems whose finding is gone', () => {
    const text = 'a: 1\n';
    const stays = finding('stays', [{ start: 3, end: 4, newText: '2' }]);
    const loop = fixUntilStable(text, () => [stays], 3);
    expect(loop.applied.length).toBeGreaterThan(0);
    expect(loop.fixed).toBe(0);
  });

  it('give a plan whose last key is phases: both a new phase and governance, in order, as valid YAML', () => {
    const text = 'plan: 1\nname: Pilot\nphases:\n  - id: discovery\n    kind: planning\n    duration: 1w\n';
    const lint = (t: string): Finding[] => {
      const plan = buildPlan(parseSource(PATH, t).source);
      const out: Finding[] = [];
      if (!plan.phases.some((p) => p.id === 'go-live')) out.push(finding('phase', [insertPhase(plan, { id: 'go-live', name: 'Go-live', kind: 'go-live', duration: '1w' })]));
      if (!plan.governance) out.push(finding('governance', [setGovernanceEntry(plan, 'crm_owner', 'dan')]));
      return out;
    };
    const result = fixUntilStable(text, lint);
    expect(result).toMatchObject({ fixed: 2, dropped: 0, remaining: [] });
    expect(result.text.startsWith(text)).toBe(true);
    expect(parse(result.text)).toEqual({
      plan: 1,
      name: 'Pilot',
      phases: [
        { id: 'discovery', kind: 'planning', duration: '1w' },
        { id: 'go-live', name: 'Go-live', kind: 'go-live', duration: '1w' },
      ],
      governance: { crm_owner: 'dan' },
    });
  });
});

describe('insertions into flow collections with a trailing comma', () => {
  it('add one item to `[sales, support, ]` and one key to `{ …, duration: 1w, }`', () => {
    const text = 'teams: [sales, support, ]\nphase: { id: uat, duration: 1w, }\n';
    const source = parseSource(PATH, text).source;
    const teams = source.doc.get('teams', true) as never;
    const phase = source.doc.get('phase', true) as YAMLMap;
    const edits = [appendSeqItem(source, teams, 'marketing'), insertMapEntry(source, phase, 'owner', 'dan')];
    const after = applyEdits(text, edits);
    expect(after).toBe('teams: [sales, support, marketing, ]\nphase: { id: uat, duration: 1w, owner: dan, }\n');
    expect(verdict(text, edits)).toBe('ok');
  });

  it('write a multi-line value into a flow mapping in flow style', () => {
    const text = '{ plan: 1, name: X }\n';
    const source = parseSource(PATH, text).source;
    const after = applyEdits(text, [insertMapEntry(source, source.doc.contents as YAMLMap, 'phases', '  - id: a\n    kind: go-live')]);
    expect(after).toBe('{ plan: 1, name: X, phases: [ { id: a, kind: go-live } ] }\n');
  });
});
