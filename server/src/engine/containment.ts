import * as nodePath from 'node:path';
import type { FileSystem } from './fileSystem';

/**
 * Paths written in files (a plan's `imports`, a configuration's `extends`) may not leave the
 * project root (projectRoot.ts). Compared after resolving symbolic links, so a link inside the
 * repository that points outside it leads outside.
 */

/** Whether `path` is `root` itself or inside it (both absolute and resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = nodePath.relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${nodePath.sep}`) && !nodePath.isAbsolute(rel));
}

/**
 * Where a path written in a file really leads, checked before anything is opened: `inside`
 * the root, `outside` it (directly, through `..`, an absolute path or a symbolic link), or
 * `loop` when its links cannot be resolved. Without a root (tests, in-memory files) every
 * path is inside.
 */
export function containment(fs: FileSystem, root: string | undefined, path: string): { verdict: 'inside' | 'outside' | 'loop'; realPath: string } {
  const realPath = fs.realPath(path);
  if (realPath === undefined) return { verdict: 'loop', realPath: path };
  if (root === undefined || isInside(root, realPath)) return { verdict: 'inside', realPath };
  return { verdict: 'outside', realPath };
}
