import { compileGlob, type CompiledGlob } from './glob';

/**
 * .gitignore semantics for the CLI's directory walk, as git documents them:
 * - blank lines and lines starting with `#` are skipped (`\#` is a literal `#`);
 *   unescaped trailing spaces are dropped (`\ ` keeps one);
 * - `!pattern` re-includes what an earlier pattern ignored (`\!` is a literal `!`);
 * - a trailing `/` matches folders only;
 * - a pattern with a `/` at its start or middle is anchored to the .gitignore's folder,
 *   one without matches a name at any depth;
 * - `*`, `?`, `[...]` and `**` as in glob.ts (matched in linear time, so a line of many
 *   stars cannot stall a walk); braces are literal (git has none);
 * - the last matching pattern decides, and nothing inside an ignored folder can be
 *   re-included (git never looks inside it).
 */

/** What the last matching pattern of one .gitignore says; undefined when none matches. */
export type IgnoreDecision = 'ignore' | 'include' | undefined;

interface IgnorePattern {
  glob: CompiledGlob;
  negated: boolean;
  dirOnly: boolean;
}

export interface IgnoreMatcher {
  /** The folder holding the .gitignore; patterns are relative to it. */
  readonly baseDir: string;
  /** The decision for exactly this path (relative to baseDir), parents not considered. */
  decide(relPath: string, isDir: boolean): IgnoreDecision;
  /** Whether git ignores the path: the path itself or one of its parent folders is ignored. */
  ignores(relPath: string, isDir: boolean): boolean;
}

export function createIgnore(baseDir: string, text: string): IgnoreMatcher {
  const patterns = parsePatterns(text);
  const decide = (relPath: string, isDir: boolean): IgnoreDecision => {
    const path = normalizeRelative(relPath);
    if (path === undefined) return undefined;
    for (let i = patterns.length - 1; i >= 0; i--) {
      const pattern = patterns[i];
      if (pattern.dirOnly && !isDir) continue;
      if (pattern.glob.matches(path)) return pattern.negated ? 'include' : 'ignore';
    }
    return undefined;
  };
  const ignores = (relPath: string, isDir: boolean): boolean => {
    const path = normalizeRelative(relPath);
    if (path === undefined) return false;
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      if (decide(segments.slice(0, depth).join('/'), true) === 'ignore') return true;
    }
    return decide(path, isDir) === 'ignore';
  };
  return { baseDir: trimTrailingSlash(baseDir), decide, ignores };
}

/**
 * Whether a path is ignored by a set of nested .gitignore files: for the path and each of
 * its parent folders, the deepest .gitignore with a matching pattern decides (a nested
 * `!keep.log` beats a parent's `*.log`), and an ignored parent folder ignores everything
 * below it. `path` and every matcher's baseDir must be in the same form (both absolute).
 */
export function isIgnoredByAny(matchers: readonly IgnoreMatcher[], path: string, isDir: boolean): boolean {
  const deepestFirst = [...matchers].sort((a, b) => b.baseDir.length - a.baseDir.length);
  const segments = trimTrailingSlash(path).split('/');
  for (let depth = 1; depth <= segments.length; depth++) {
    const prefix = segments.slice(0, depth).join('/');
    if (prefix === '') continue;
    const prefixIsDir = depth < segments.length || isDir;
    if (decideNested(deepestFirst, prefix, prefixIsDir) === 'ignore') return true;
  }
  return false;
}

function decideNested(deepestFirst: readonly IgnoreMatcher[], path: string, isDir: boolean): IgnoreDecision {
  for (const matcher of deepestFirst) {
    // '' is the current folder of relative paths, '/' the file-system root.
    const base = matcher.baseDir;
    const prefix = base === '' || base.endsWith('/') ? base : `${base}/`;
    const inside = path.length > prefix.length && path.startsWith(prefix) && (prefix !== '' || !path.startsWith('/'));
    if (!inside) continue;
    const decision = matcher.decide(path.slice(prefix.length), isDir);
    if (decision) return decision;
  }
  return undefined;
}

function parsePatterns(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    if (rawLine.startsWith('#')) continue;
    let line = stripTrailingSpaces(rawLine);
    if (line === '') continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    line = line.replace(/\/+$/, '');
    if (line === '') continue;
    const anchored = line.includes('/');
    const body = line.replace(/^\/+/, '');
    const glob = anchored ? body : `**/${body}`;
    // A line beyond the matcher's bounds (GLOB_LIMITS) matches nothing: git would take it, but
    // no real .gitignore needs a 1,000-character pattern.
    patterns.push({ glob: compileGlob(glob, { braces: false }), negated, dirOnly });
  }
  return patterns;
}

function stripTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
  return line.slice(0, end);
}

/** `./a/b/` -> `a/b`; undefined for paths outside the base folder. */
function normalizeRelative(relPath: string): string | undefined {
  const path = trimTrailingSlash(relPath.replace(/^(?:\.\/)+/, ''));
  if (path === '' || path === '..' || path.startsWith('../')) return undefined;
  return path;
}

function trimTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
