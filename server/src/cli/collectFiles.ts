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

type Ignore = { file: string; dir: string; ignores(relPath: string, isDir: boolean): boolean };

export interface CollectOptions {
  /** Also take the plans that .gitignore files ignore (`--no-ignore`). */
  noIgnore?: boolean;
}

/** The .gitignore (of those in `stack`) that ignores `full`, if one does. */
function ignoredBy(stack: readonly Ignore[], full: string, isDir: boolean): Ignore | undefined {
  return stack.find((ig) => ig.ignores(path.relative(ig.dir, full).split(path.sep).join('/'), isDir));
}

/** The folder's .gitignore, if it has a readable one (a FIFO or a huge file is skipped). */
function ignoreIn(dir: string): Ignore | undefined {
  const file = path.join(dir, '.gitignore');
  const read = readSmallTextFile(file, MAX_FILE_BYTES);
  if (!read.ok) return undefined;
  const matcher = createIgnore(dir, read.text);
  return { file, dir, ignores: (rel, isDir) => matcher.ignores(rel, isDir) };
}

interface Walk {
  accept: (file: string) => boolean;
  /** Whether .gitignore files prune the walk; when false, `ignored` records who would have. */
  honourIgnores: boolean;
  found: string[];
  /** Accepted files a .gitignore ignores, with that .gitignore (filled when not honouring them). */
  ignored: Map<string, string>;
}

/** Every accepted file under a directory, skipping (or, see Walk, noting) what .gitignore files at any level ignore. */
function walk(dir: string, inherited: readonly Ignore[], run: Walk): void {
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
      if (ALWAYS_SKIPPED.has(entry.name) || (run.honourIgnores && ignoredBy(stack, full, true))) continue;
      walk(full, stack, run);
    } else if (entry.isFile() && run.accept(full)) {
      const ignore = ignoredBy(stack, full, false);
      if (!ignore) run.found.push(full);
      else if (!run.honourIgnores) run.ignored.set(full, ignore.file);
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

/**
 * The accepted files under `base`: those .gitignore does not ignore, or with `noIgnore` all
 * of them. `ignored` lists what .gitignore kept out, looked for only when nothing else was found
 * (so a normal walk never enters ignored folders), to say why nothing was found.
 */
function filesUnder(base: string, accept: (file: string) => boolean, options: CollectOptions): { found: string[]; ignored: Map<string, string> } {
  if (options.noIgnore) {
    const all: Walk = { accept, honourIgnores: false, found: [], ignored: new Map() };
    walk(base, [], all);
    return { found: all.found, ignored: new Map() };
  }
  const honoured: Walk = { accept, honourIgnores: true, found: [], ignored: new Map() };
  walk(base, ancestorsIgnores(base), honoured);
  if (honoured.found.length > 0) return honoured;
  const everything: Walk = { accept, honourIgnores: false, found: [], ignored: new Map() };
  walk(base, ancestorsIgnores(base), everything);
  return { found: [], ignored: everything.ignored };
}

/** `all 2 plan files under "drafts" are ignored by .gitignore (.gitignore); add --no-ignore …` */
function allIgnoredMessage(noun: string, where: string, ignored: ReadonlyMap<string, string>, cwd: string): string {
  const gitignores = [...new Set(ignored.values())].map((file) => path.relative(cwd, file).split(path.sep).join('/'));
  const which = ignored.size === 1 ? `the only ${noun} ${where} is` : `all ${ignored.size} ${noun}s ${where} are`;
  const them = ignored.size === 1 ? 'it' : 'them';
  return `${which} ignored by .gitignore (${gitignores.join(', ')}); add --no-ignore to lint ${them} anyway`;
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
 * static prefix; directories and globs skip what .gitignore ignores unless `noIgnore`.
 * A path that does not exist, or a directory or glob that yields nothing, is a usage error.
 */
export function collectFiles(args: readonly string[], cwd: string, options: CollectOptions = {}): string[] {
  const found: string[] = [];
  for (const arg of args) {
    const posixArg = arg.split(path.sep).join('/');
    if (GLOB_CHARS.test(posixArg) && !fs.existsSync(path.resolve(cwd, arg))) {
      const base = path.resolve(cwd, staticPrefix(posixArg));
      if (!fs.existsSync(base)) throw new UsageError(`no files match "${arg}" (${staticPrefix(posixArg)} does not exist)`);
      const glob = compileGlob(path.relative(base, path.resolve(cwd, arg)).split(path.sep).join('/'));
      if (glob.problem) throw new UsageError(`the pattern "${arg}" is beyond what the tool matches: ${glob.problem}`);
      const matches = filesUnder(base, (file) => glob.matches(path.relative(base, file).split(path.sep).join('/')), options);
      if (matches.ignored.size > 0) throw new UsageError(allIgnoredMessage('file', `matching "${arg}"`, matches.ignored, cwd));
      if (matches.found.length === 0) throw new UsageError(`no files match "${arg}"`);
      pushAll(found, matches.found);
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
      const plans = filesUnder(full, isPlanPath, options);
      if (plans.ignored.size > 0) throw new UsageError(allIgnoredMessage('plan file', `under "${arg}"`, plans.ignored, cwd));
      if (plans.found.length === 0) throw new UsageError(`no plan files (*.rollout.yaml or *.rollout.yml) found under "${arg}"`);
      pushAll(found, plans.found);
    } else if (stat.isFile()) {
      found.push(full);
    } else {
      throw new UsageError(`"${arg}" is not a regular file (a device, FIFO or socket); name a plan file, a directory of plans or a glob`);
    }
  }
  return [...new Set(found)];
}
