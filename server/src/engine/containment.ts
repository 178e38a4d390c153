import type { FileSystem } from './fileSystem';
import { isInside } from './paths';

/**
 * Paths written in files (a plan's `imports`, a configuration's `extends`) may not leave the
 * project root (projectRoot.ts). Compared after resolving symbolic links, so a link inside the
 * repository that points outside it leads outside.
 */

/**
 * Where a path written in a file really leads, checked before anything is opened: `inside`
 * the root, `outside` it (directly, through `..`, an absolute path or a symbolic link), or
 * `loop` when its links cannot be resolved. Without a root (tests, in-memory files) every
 * path is inside.
 */
export function containment(fs: FileSystem, root: string | undefined, path: string): { verdict: 'inside' | 'outside' | 'loop'; realPath: string } {
  const realPath = fs.realPath(path);
  if (realPath === undefined) return { verdict: 'loop', realPath: path };
  if (root === undefined || isInside(fs.paths, root, realPath)) return { verdict: 'inside', realPath };
  return { verdict: 'outside', realPath };
}
