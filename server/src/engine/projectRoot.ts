import { CONFIG_FILE_NAMES } from '../fileRoles';
import type { FileSystem } from './fileSystem';

/**
 * The project root: the one folder that paths written in files (a plan's `imports`, a
 * configuration's `extends`) may not leave, so a plan or configuration from an untrusted pull
 * request cannot make the tool read (and echo) a file elsewhere on the machine. Every path
 * is compared after resolving symbolic links, so a link inside the repository that points
 * outside it leads outside.
 *
 * The root of a file is its git repository (a folder holding `.git`, a folder or, in a
 * worktree, a file); outside a repository, the fallback the front end knows (the language
 * server's workspace folder), else the nearest folder above the file holding a
 * `.crm-rollout.yaml`, else the last resort (the CLI's working directory).
 */
export interface RootFallbacks {
  /** The editor's workspace folder holding the file, if any. */
  workspaceFolder?: string;
  /** Used when nothing else applies: the working directory, or the file's own folder. */
  lastResort: string;
}

/** The root for `filePath` (absolute, as are the fallbacks). */
export function projectRoot(filePath: string, fs: FileSystem, fallbacks: RootFallbacks): string {
  const { paths } = fs;
  const start = real(fs, paths.dirname(filePath));
  const repository = nearestAncestor(fs, start, (dir) => fs.kind(paths.join(dir, '.git')) !== undefined);
  if (repository) return repository;
  if (fallbacks.workspaceFolder) return real(fs, fallbacks.workspaceFolder);
  const configured = nearestAncestor(fs, start, (dir) => CONFIG_FILE_NAMES.some((name) => fs.kind(paths.join(dir, name)) === 'file'));
  return configured ?? real(fs, fallbacks.lastResort);
}

function real(fs: FileSystem, path: string): string {
  return fs.realPath(path) ?? fs.paths.resolve(path, '.');
}

function nearestAncestor(fs: FileSystem, start: string, test: (dir: string) => boolean): string | undefined {
  for (let dir = start; ; dir = fs.paths.dirname(dir)) {
    if (test(dir)) return dir;
    if (fs.paths.dirname(dir) === dir) return undefined;
  }
}
