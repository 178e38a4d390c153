import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, POSIX_PATHS } from '../../server/src/engine/paths';
import { NODE_PATHS } from '../../server/src/platform/nodeFileSystem';

const PATHS = ['/', '/a', '/a/', '/a/b.rollout.yaml', '/a/./b/../c', '/a//b', '/..', '/a/../../b', 'a', 'a/b', '.', '../a', 'a/../..'];
const TARGETS = ['people.yaml', '../people.yaml', './x/../y.yaml', '/abs/z.yaml', '../../../../up.yaml', '.', ''];

describe('POSIX_PATHS: the in-memory file systems\' path syntax', () => {
  it('takes dirname and basename as node:path.posix does', () => {
    for (const p of PATHS.filter((p) => p.startsWith('/'))) {
      expect([p, POSIX_PATHS.dirname(p)]).toEqual([p, path.posix.dirname(path.posix.normalize(p)).replace(/\/$/, '') || '/']);
      expect([p, POSIX_PATHS.basename(p)]).toEqual([p, path.posix.basename(path.posix.normalize(p))]);
    }
    expect(POSIX_PATHS.dirname('a.rollout.yaml')).toBe('.');
    expect(POSIX_PATHS.dirname('.')).toBe('.');
  });

  it('resolves and joins as node:path.posix does from an absolute folder, without the working directory', () => {
    for (const dir of PATHS.filter((p) => p.startsWith('/'))) {
      for (const target of TARGETS) {
        expect([dir, target, POSIX_PATHS.resolve(dir, target)]).toEqual([dir, target, path.posix.resolve(dir, target)]);
        if (target !== '') expect([dir, target, POSIX_PATHS.join(dir, target)]).toEqual([dir, target, path.posix.resolve(dir, target.replace(/^\/+/, ''))]);
      }
    }
  });

  it('gives relative paths as node:path.posix does between absolute paths', () => {
    const absolute = PATHS.filter((p) => p.startsWith('/'));
    for (const from of absolute) for (const to of absolute) expect([from, to, POSIX_PATHS.relative(from, to)]).toEqual([from, to, path.posix.relative(from, to)]);
  });
});

describe('isInside', () => {
  it('holds for the root and what is under it, not for a sibling that shares its prefix or anything above', () => {
    for (const paths of [POSIX_PATHS, NODE_PATHS]) {
      expect(isInside(paths, '/repo', '/repo')).toBe(true);
      expect(isInside(paths, '/repo', '/repo/a/b.yaml')).toBe(true);
      expect(isInside(paths, '/repo', '/repo/..data/x')).toBe(true);
      expect(isInside(paths, '/repo', '/repository/x')).toBe(false);
      expect(isInside(paths, '/repo', '/repo/../etc/passwd')).toBe(false);
      expect(isInside(paths, '/repo', '/')).toBe(false);
    }
  });
});
