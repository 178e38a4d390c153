import { describe, expect, it } from 'vitest';
import { compileGlob, expandBraces, GLOB_LIMITS, globProblem, matchAnyGlob, matchGlob } from '../../server/src/engine/glob';

describe('glob', () => {
  it('matches * within one segment only', () => {
    expect(matchGlob('*.rollout.yaml', 'crm.rollout.yaml')).toBe(true);
    expect(matchGlob('*.rollout.yaml', 'pilots/crm.rollout.yaml')).toBe(false);
    expect(matchGlob('pilots/*', 'pilots/a.yaml')).toBe(true);
    expect(matchGlob('pilots/*', 'pilots/sub/a.yaml')).toBe(false);
  });

  it('matches ? as exactly one character other than a slash', () => {
    expect(matchGlob('wave?.yaml', 'wave1.yaml')).toBe(true);
    expect(matchGlob('wave?.yaml', 'wave12.yaml')).toBe(false);
    expect(matchGlob('a?b', 'a/b')).toBe(false);
  });

  it('matches a trailing ** against everything inside the folder but not the folder itself', () => {
    expect(matchGlob('pilots/**', 'pilots/a.rollout.yaml')).toBe(true);
    expect(matchGlob('pilots/**', 'pilots/x/y/a.rollout.yaml')).toBe(true);
    expect(matchGlob('pilots/**', 'pilots')).toBe(false);
    expect(matchGlob('pilots/**', 'other/a.rollout.yaml')).toBe(false);
  });

  it('matches a leading **/ at any depth including the top', () => {
    expect(matchGlob('**/*.draft.rollout.yaml', 'a.draft.rollout.yaml')).toBe(true);
    expect(matchGlob('**/*.draft.rollout.yaml', 'x/y/a.draft.rollout.yaml')).toBe(true);
    expect(matchGlob('**/*.draft.rollout.yaml', 'x/y/a.rollout.yaml')).toBe(false);
  });

  it('matches a middle /**/ against zero or more folders', () => {
    expect(matchGlob('a/**/b.yaml', 'a/b.yaml')).toBe(true);
    expect(matchGlob('a/**/b.yaml', 'a/x/y/b.yaml')).toBe(true);
    expect(matchGlob('a/**/b.yaml', 'ab.yaml')).toBe(false);
  });

  it('treats ** inside a segment as a single-segment *', () => {
    expect(matchGlob('a**.yaml', 'abc.yaml')).toBe(true);
    expect(matchGlob('a**.yaml', 'a/b.yaml')).toBe(false);
  });

  it('supports character classes, ranges and negated classes that never match a slash', () => {
    expect(matchGlob('wave[12].yaml', 'wave1.yaml')).toBe(true);
    expect(matchGlob('wave[12].yaml', 'wave3.yaml')).toBe(false);
    expect(matchGlob('wave[0-9].yaml', 'wave7.yaml')).toBe(true);
    expect(matchGlob('wave[!12].yaml', 'wave3.yaml')).toBe(true);
    expect(matchGlob('wave[^12].yaml', 'wave1.yaml')).toBe(false);
    expect(matchGlob('a[!x]b', 'a/b')).toBe(false);
  });

  it('treats an unclosed [ as a literal character', () => {
    expect(matchGlob('a[b', 'a[b')).toBe(true);
    expect(matchGlob('a[b', 'ab')).toBe(false);
  });

  it('expands {a,b} alternatives, nested ones too', () => {
    expect(matchGlob('{pilots,drafts}/**', 'drafts/x.yaml')).toBe(true);
    expect(matchGlob('{pilots,drafts}/**', 'final/x.yaml')).toBe(false);
    expect(expandBraces('a{b,c{d,e}}f')?.sort()).toEqual(['abf', 'acdf', 'acef']);
  });

  it('keeps braces without a comma literal', () => {
    expect(matchGlob('{a}.yaml', '{a}.yaml')).toBe(true);
    expect(matchGlob('{a}.yaml', 'a.yaml')).toBe(false);
  });

  it('keeps braces literal when brace expansion is off', () => {
    expect(matchGlob('{a,b}', '{a,b}', { braces: false })).toBe(true);
    expect(matchGlob('{a,b}', 'a', { braces: false })).toBe(false);
  });

  it('escapes regular-expression characters and honours backslash escapes', () => {
    expect(matchGlob('plan(1).yaml', 'plan(1).yaml')).toBe(true);
    expect(matchGlob('plan.yaml', 'planXyaml')).toBe(false);
    expect(matchGlob('\\*.yaml', '*.yaml')).toBe(true);
    expect(matchGlob('\\*.yaml', 'a.yaml')).toBe(false);
  });

  it('lets wildcards match names that start with a dot', () => {
    expect(matchGlob('**/*.yaml', '.hidden/.x.yaml')).toBe(true);
  });

  it('ignores a leading ./ on globs and paths and reads a trailing slash as everything inside', () => {
    expect(matchGlob('./pilots/*.yaml', 'pilots/a.yaml')).toBe(true);
    expect(matchGlob('pilots/*.yaml', './pilots/a.yaml')).toBe(true);
    expect(matchGlob('pilots/', 'pilots/x/a.yaml')).toBe(true);
  });

  it('compiles each glob once and reuses it', () => {
    expect(compileGlob('cache/**/x')).toBe(compileGlob('cache/**/x'));
    expect(compileGlob('cache/{a,b}', { braces: false })).not.toBe(compileGlob('cache/{a,b}'));
  });

  it('matchAnyGlob is true when one of the globs matches', () => {
    expect(matchAnyGlob(['a/**', 'b/**'], 'b/x.yaml')).toBe(true);
    expect(matchAnyGlob(['a/**', 'b/**'], 'c/x.yaml')).toBe(false);
    expect(matchAnyGlob([], 'c/x.yaml')).toBe(false);
  });

  it('refuses a brace expansion beyond the bound, which then matches nothing', () => {
    const hostile = '{a,b}'.repeat(20);
    expect(expandBraces(hostile)).toBeUndefined();
    expect(globProblem(hostile)).toBe(`the pattern's braces expand to more than ${GLOB_LIMITS.alternatives} alternatives`);
    expect(matchGlob(hostile, 'a'.repeat(20))).toBe(false);
    expect(globProblem('{a,b}'.repeat(8))).toBeUndefined();
  });

  it('refuses a pattern longer than the bound', () => {
    expect(globProblem('a'.repeat(GLOB_LIMITS.length + 1))).toBe(`the pattern is ${GLOB_LIMITS.length + 1} characters long; the limit is ${GLOB_LIMITS.length}`);
    expect(globProblem('a'.repeat(GLOB_LIMITS.length))).toBeUndefined();
  });

  it('matches a reversed range as nothing instead of throwing', () => {
    expect(matchGlob('wave[9-0].yaml', 'wave5.yaml')).toBe(false);
    expect(matchGlob('wave[a-c\\]].yaml', 'wave].yaml')).toBe(true);
  });

  it('keeps the semantics of stars next to classes, escapes and question marks', () => {
    expect(matchGlob('*[0-9]?.yaml', 'wave12.yaml')).toBe(true);
    expect(matchGlob('*[0-9]?.yaml', 'wave1.yaml')).toBe(false);
    expect(matchGlob('a*\\*b', 'axx*b')).toBe(true);
    expect(matchGlob('a*\\*b', 'axxb')).toBe(false);
    expect(matchGlob('**', '')).toBe(true);
    expect(matchGlob('a/**/b/**/c', 'a/b/x/b/c')).toBe(true);
    expect(matchGlob('a/**/b/**/c', 'a/b/x/c/d')).toBe(false);
  });
});
