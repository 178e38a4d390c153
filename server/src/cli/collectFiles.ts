import * as fs from 'node:fs';
import * as path from 'node:path';
import { createIgnore } from '../engine/gitignore';
import { compileGlob } from '../engine/glob';
import { MAX_FILE_BYTES } from '../engine/parse';
import { isPlanPath } from '../fileRoles';
import { readSmallTextFile } from '../platform/safeRead';
import { UsageError } from './args';
import { pushAll } from '../engine/arrays';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
const GLOB_CHARS = /[*?[{]/;

type Ignore = { dir: string; ignores(relPath: string, isDir: boolean): boolean };

function isIgnored(stack: readonly Ignore[], full: string, isDir: boolean): boolean {
  return stack.some((ig) => ig.ignores(path.relative(ig.dir, full).split(path.sep).join('/'), isDir));
}

/** The folder's .gitignore, if it has a readable one (a FIFO or a huge file is skipped). */
function ignoreIn(dir: string): Ignore | undefined {
  const read = readSmallTextFile(path.join(dir, '.gitignore'), MAX_FILE_BYTES);
  if (!read.ok) return undefined;
  const matcher = createIgnore(dir, read.text);
  return { dir, ignores: (rel, isDir) => matcher.ignores(rel, isDir) };
}

/** Every plan file under a directory, skipping what .gitignore files (at any level) ignore. */
function walk(dir: string, inherited: readonly Ignore[], accept: (file: string) => boolean, out: string[]): void {
  let stack = inherited;
  const own = ignoreIn(dir);
  if (own) stack = [...inherited, own];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // An unreadable sub-directory is skipped, as git would.
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name) || isIgnored(stack, full, true)) continue;
      walk(full, stack, accept, out);
    } else if (entry.isFile() && accept(full) && !isIgnored(stack, full, false)) {
      out.push(full);
    }
  }
}

/** The gitignore files above a starting directory, up to the repository root, apply too. */
function ancestorsIgnores(start: string): Ignore[] {
  const chain: Ignore[] = [];
  let dir = path.dirname(start);
  while (true) {
    const own = ignoreIn(dir);
    if (own) chain.unshift(own);
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
    dir = path.dirname(dir);
  }
  return chain;
}

function staticPrefix(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

/**
 * Turns the command line's paths into plan files: a file is taken as named, a directory
 * means every `*.rollout.yaml|yml` under it, a glob is matched against paths from its
 * static prefix. A path that does not exist is a usage error.
 */
export function collectFiles(args: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  for (const arg of args) {
    const posixArg = arg.split(path.sep).join('/');
    if (GLOB_CHARS.test(posixArg) && !fs.existsSync(path.resolve(cwd, arg))) {
      const base = path.resolve(cwd, staticPrefix(posixArg));
      if (!fs.existsSync(base)) throw new UsageError(`no files match "${arg}" (${staticPrefix(posixArg)} does not exist)`);
      const glob = compileGlob(path.relative(base, path.resolve(cwd, arg)).split(path.sep).join('/'));
      if (glob.problem) throw new UsageError(`the pattern "${arg}" is beyond what the tool matches: ${glob.problem}`);
      const matches: string[] = [];
      walk(base, ancestorsIgnores(base), (file) => glob.matches(path.relative(base, file).split(path.sep).join('/')), matches);
      if (matches.length === 0) throw new UsageError(`no files match "${arg}"`);
      pushAll(found, matches);
      continue;
    }
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new UsageError(`"${arg}" is a symbolic link loop`);
      throw new UsageError(`"${arg}" does not exist; name a plan file, a directory of plans or a glob`);
    }
    if (stat.isDirectory()) {
      const plans: string[] = [];
      walk(full, ancestorsIgnores(full), isPlanPath, plans);
      if (plans.length === 0) throw new UsageError(`no plan files (*.rollout.yaml or *.rollout.yml) found under "${arg}"`);
      pushAll(found, plans);
    } else if (stat.isFile()) {
      found.push(full);
    } else {
      throw new UsageError(`"${arg}" is not a regular file (a device, FIFO or socket); name a plan file, a directory of plans or a glob`);
    }
  }
  return [...new Set(found)];
}
