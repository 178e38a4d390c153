/**
 * The path syntax of a file system, part of its port (fileSystem.ts): the engine joins,
 * resolves and compares paths only through it, never through `node:path` (which resolves
 * against the process's working directory). Every path the engine is given is absolute.
 * The disk uses node:path's own syntax (platform/nodeFileSystem.ts); in-memory files use
 * POSIX_PATHS below.
 */
export interface PathSyntax {
  /** The folder holding `path`; the root for the root. */
  dirname(path: string): string;
  /** The last segment of `path`. */
  basename(path: string): string;
  /** `name` (one or more segments, `/`-separated) inside the folder `dir`. */
  join(dir: string, name: string): string;
  /** `target` as an absolute, normalised path: itself when absolute, else taken from the folder `fromDir`. */
  resolve(fromDir: string, target: string): string;
  /** `to` relative to `from`, `/`-separated: '' when equal, starting with `..` when outside, absolute on another drive. */
  relative(from: string, to: string): string;
  isAbsolute(path: string): boolean;
}

/** `/a/b/../c/./d/` → `/a/c/d`; above the root stays at the root, as POSIX does; a relative path stays relative. */
function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!absolute) out.push('..');
  }
  return absolute ? `/${out.join('/')}` : out.join('/') || '.';
}

/** POSIX paths as plain strings, for in-memory file systems (tests, unsaved documents). */
export const POSIX_PATHS: PathSyntax = {
  dirname: (path) => {
    const normal = normalize(path);
    const slash = normal.lastIndexOf('/');
    return slash < 0 ? '.' : normal.slice(0, slash) || '/';
  },
  basename: (path) => normalize(path).split('/').pop() ?? '',
  join: (dir, name) => normalize(`${dir}/${name}`),
  resolve: (fromDir, target) => normalize(target.startsWith('/') ? target : `${fromDir}/${target}`),
  relative: (from, to) => {
    const a = normalize(from).split('/').filter(Boolean);
    const b = normalize(to).split('/').filter(Boolean);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
  },
  isAbsolute: (path) => path.startsWith('/'),
};

/** Whether `path` is `root` itself or inside it (both absolute and resolved). */
export function isInside(paths: PathSyntax, root: string, path: string): boolean {
  const rel = paths.relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('../') && !paths.isAbsolute(rel));
}
