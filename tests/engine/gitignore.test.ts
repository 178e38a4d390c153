import { describe, expect, it } from 'vitest';
import { createIgnore, isIgnoredByAny } from '../../server/src/engine/gitignore';

describe('gitignore', () => {
  it('skips comments and blank lines', () => {
    const ignore = createIgnore('/repo', '# build output\n\n   \nout\n');
    expect(ignore.ignores('out', true)).toBe(true);
    expect(ignore.ignores('# build output', false)).toBe(false);
  });

  it('reads an escaped # as a literal character', () => {
    const ignore = createIgnore('/repo', '\\#notes.yaml\n');
    expect(ignore.ignores('#notes.yaml', false)).toBe(true);
  });

  it('matches a pattern without a slash at any depth', () => {
    const ignore = createIgnore('/repo', '*.draft.rollout.yaml\n');
    expect(ignore.ignores('a.draft.rollout.yaml', false)).toBe(true);
    expect(ignore.ignores('x/y/a.draft.rollout.yaml', false)).toBe(true);
    expect(ignore.ignores('x/y/a.rollout.yaml', false)).toBe(false);
  });

  it('anchors a pattern with a leading slash to the .gitignore folder', () => {
    const ignore = createIgnore('/repo', '/tmp\n');
    expect(ignore.ignores('tmp', true)).toBe(true);
    expect(ignore.ignores('sub/tmp', true)).toBe(false);
  });

  it('anchors a pattern with a slash in the middle', () => {
    const ignore = createIgnore('/repo', 'docs/old\n');
    expect(ignore.ignores('docs/old', true)).toBe(true);
    expect(ignore.ignores('x/docs/old', true)).toBe(false);
  });

  it('matches a trailing-slash pattern against folders only', () => {
    const ignore = createIgnore('/repo', 'build/\n');
    expect(ignore.ignores('build', true)).toBe(true);
    expect(ignore.ignores('build', false)).toBe(false);
    expect(ignore.ignores('src/build', true)).toBe(true);
  });

  it('ignores everything inside an ignored folder', () => {
    const ignore = createIgnore('/repo', 'build/\n');
    expect(ignore.ignores('build/plan.rollout.yaml', false)).toBe(true);
    expect(ignore.ignores('src/build/deep/plan.rollout.yaml', false)).toBe(true);
  });

  it('re-includes with ! and lets the last matching pattern decide', () => {
    const ignore = createIgnore('/repo', '*.yaml\n!keep.yaml\n');
    expect(ignore.ignores('a.yaml', false)).toBe(true);
    expect(ignore.ignores('keep.yaml', false)).toBe(false);
    expect(ignore.decide('keep.yaml', false)).toBe('include');
    expect(ignore.decide('a.txt', false)).toBeUndefined();
    const reversed = createIgnore('/repo', '!keep.yaml\n*.yaml\n');
    expect(reversed.ignores('keep.yaml', false)).toBe(true);
  });

  it('cannot re-include a file inside an ignored folder', () => {
    const ignore = createIgnore('/repo', 'vendor/\n!vendor/plan.rollout.yaml\n');
    expect(ignore.ignores('vendor/plan.rollout.yaml', false)).toBe(true);
  });

  it('re-includes inside a folder whose contents (not the folder) are ignored', () => {
    const ignore = createIgnore('/repo', 'vendor/*\n!vendor/plan.rollout.yaml\n');
    expect(ignore.ignores('vendor/plan.rollout.yaml', false)).toBe(false);
    expect(ignore.ignores('vendor/other.yaml', false)).toBe(true);
  });

  it('supports ** at the start, middle and end', () => {
    const ignore = createIgnore('/repo', '**/cache\na/**/z.yaml\nlogs/**\n');
    expect(ignore.ignores('deep/er/cache', true)).toBe(true);
    expect(ignore.ignores('a/z.yaml', false)).toBe(true);
    expect(ignore.ignores('a/b/c/z.yaml', false)).toBe(true);
    expect(ignore.ignores('logs/x/y.txt', false)).toBe(true);
    expect(ignore.ignores('logs', true)).toBe(false);
  });

  it('treats braces literally as git does', () => {
    const ignore = createIgnore('/repo', '{a,b}.yaml\n');
    expect(ignore.ignores('a.yaml', false)).toBe(false);
    expect(ignore.ignores('{a,b}.yaml', false)).toBe(true);
  });

  it('drops unescaped trailing spaces and keeps escaped ones', () => {
    const ignore = createIgnore('/repo', 'a.yaml   \nb\\ \n');
    expect(ignore.ignores('a.yaml', false)).toBe(true);
    expect(ignore.ignores('b ', false)).toBe(true);
    expect(ignore.ignores('b', false)).toBe(false);
  });

  it('reads CRLF files', () => {
    const ignore = createIgnore('/repo', 'out\r\n!out/keep\r\n');
    expect(ignore.ignores('out', true)).toBe(true);
    expect(ignore.decide('out', true)).toBe('ignore');
  });

  it('never matches paths outside its folder', () => {
    const ignore = createIgnore('/repo/sub', '*.yaml\n');
    expect(ignore.ignores('../a.yaml', false)).toBe(false);
  });

  it('composes nested .gitignore files: the deepest matching one decides', () => {
    const root = createIgnore('/repo', '*.log\n');
    const nested = createIgnore('/repo/sub', '!keep.log\n');
    expect(isIgnoredByAny([root, nested], '/repo/sub/keep.log', false)).toBe(false);
    expect(isIgnoredByAny([root, nested], '/repo/sub/other.log', false)).toBe(true);
    expect(isIgnoredByAny([root, nested], '/repo/keep.log', false)).toBe(true);
  });

  it('composes nested files so that an ignored parent folder hides what a nested file re-includes', () => {
    const root = createIgnore('/repo', 'sub/\n');
    const nested = createIgnore('/repo/sub', '!keep.yaml\n');
    expect(isIgnoredByAny([root, nested], '/repo/sub/keep.yaml', false)).toBe(true);
  });

  it('composes a .gitignore at the file-system root', () => {
    const root = createIgnore('/', 'tmp/\n');
    expect(isIgnoredByAny([root], '/tmp/x.yaml', false)).toBe(true);
    expect(isIgnoredByAny([root], '/home/x.yaml', false)).toBe(false);
  });
});
