import { describe, expect, it } from 'vitest';
import { lintText } from '../../server/src/engine/lint';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';

/**
 * An anchor's definition or an alias is never edited on behalf of one use: the fix is withheld
 * and the finding carries a related message at the anchor saying why (engine/anchoredFixes.ts).
 */

const HEAD = 'plan: 1\nname: Pilot\nsponsor: dan\nowner: dan\npeople:\n  - { id: dan, name: Dan }\n  - { id: priya, name: Priya }\nphases:\n  - id: discovery\n    name: Discovery\n    kind: planning\n';

function lint(text: string) {
  const only = ['known-tags', 'known-references'];
  return lintText('/w/p.rollout.yaml', text, { fs: new MemoryFileSystem({}), root: '/w' }).findings.filter((f) => only.includes(f.ruleId));
}

/** 0-based line and character of the first `needle` in `text`, and of its end. */
function rangeOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

describe('fixes of shared values', () => {
  it('withholds the fix of a tag given through an alias, and says why at its anchor', () => {
    const text = `${HEAD}    checklist:\n      - task: &t bakup\n        tags: [*t]\n`;
    const [finding] = lint(text);
    // The tag is the anchored value (the alias resolves to it): a fix would rewrite the task too.
    expect(finding).toMatchObject({ ruleId: 'known-tags', range: rangeOf(text, 'bakup') });
    expect(finding.fixes).toBeUndefined();
    expect(finding.related).toEqual([
      {
        file: '/w/p.rollout.yaml',
        range: rangeOf(text, 'bakup'),
        message: 'no fix edits this value: it is the anchor "&t", which aliases elsewhere repeat, so a fix for one use would change them all; edit it by hand',
      },
    ]);
  });

  it('withholds a fix that would replace an alias, and says why at the anchor', () => {
    const text = `${HEAD}    owner: &lead pryia\n    milestones:\n      - { id: m, name: M, date: 2027-01-15, owner: *lead }\n`;
    const findings = lint(text);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      for (const fix of finding.fixes ?? []) for (const edit of fix.edits) expect(text.slice(edit.start, edit.end)).not.toMatch(/pryia|\*lead/);
    }
  });

  it('withholds the fix of an anchored owner that an alias repeats, and says why at the anchor', () => {
    const text = `${HEAD}    owner: &lead pryia\n    x-deputy: *lead\n`;
    const [finding] = lint(text);
    expect(finding).toMatchObject({ ruleId: 'known-references', range: rangeOf(text, 'pryia') });
    // Declaring "pryia" as a person is still offered; replacing it with "priya" is not.
    expect(finding.fixes?.map((f) => f.edits.map((e) => text.slice(e.start, e.end)))).toEqual([['']]);
    expect(finding.related).toEqual([
      {
        file: '/w/p.rollout.yaml',
        range: rangeOf(text, 'pryia'),
        message: 'no fix edits this value: it is the anchor "&lead", which aliases elsewhere repeat, so a fix for one use would change them all; edit it by hand',
      },
    ]);
  });

  it('keeps the fix of an anchored value no alias repeats', () => {
    const text = `${HEAD}    owner: &lead pryia\n`;
    const [finding] = lint(text);
    expect(finding.ruleId).toBe('known-references');
    expect(finding.fixes?.length).toBeGreaterThan(0);
    expect(finding.related).toBeUndefined();
  });
});
