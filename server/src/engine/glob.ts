/**
 * A small glob matcher for POSIX relative paths (`pilots/**`, `*.rollout.yaml`, `{a,b}/*`).
 *
 * Semantics, chosen to match what users expect from ESLint's `files` and from .gitignore:
 * - `*` matches any run of characters except `/`; `?` one character except `/`.
 * - `**` as a whole segment matches zero or more segments: `a/**` + `/b` matches `a/b` and
 *   `a/x/y/b`, a leading `**` + `/x` matches `x` at any depth, and a trailing `a/**` matches
 *   everything inside `a` (not `a` itself). `**` inside a segment (`a**b`) is a plain `*`.
 * - `[abc]`, `[a-z]`, `[!abc]` and `[^abc]` are character classes; they never match `/`.
 *   A `[` without a closing `]` is literal; a reversed range (`[z-a]`) matches nothing.
 * - `{a,b}` lists alternatives (nested braces work); braces without a top-level comma are
 *   literal.
 * - `\` escapes the next character.
 * - Wildcards match names starting with a dot: a config glob is about plan files, and a
 *   hidden folder of plans should not silently escape an override.
 * - A leading `./` or `/` is dropped (globs are always relative to a base directory) and a
 *   trailing `/` means "everything inside", like `dir/**`.
 * Negation (`!glob`) is not supported here; .gitignore negation lives in gitignore.ts.
 *
 * Matching never backtracks more than one level: a path is split into segments, `**` is
 * matched over segments and `*` over characters with the classic "resume after the last
 * star" scan, so a glob of n characters costs at most O(n × path length) on any path (a
 * regular expression of many `*` can take exponential time). Globs beyond GLOB_LIMITS are
 * refused (`globProblem`) and match nothing.
 */

export interface GlobOptions {
  /** Expand `{a,b}` alternatives (git does not, so gitignore.ts turns this off). */
  braces?: boolean;
}

/** The bounds of a glob the matcher accepts; beyond them it is a `limits` finding. */
export const GLOB_LIMITS = { length: 1000, alternatives: 256 } as const;

/** One glob, compiled once: whether a relative POSIX path matches it. */
export interface CompiledGlob {
  matches(path: string): boolean;
  /** Why the glob is refused (and matches nothing), when it is beyond GLOB_LIMITS. */
  problem?: string;
}

type CharToken = { kind: 'char'; code: number } | { kind: 'any' } | { kind: 'class'; negated: boolean; ranges: [number, number][] } | { kind: 'star' };
type SegmentToken = { kind: 'globstar' } | { kind: 'segment'; tokens: CharToken[]; nonEmpty: boolean };

const cache = new Map<string, CompiledGlob>();

/** The compiled glob, once per glob and options. */
export function compileGlob(glob: string, options: GlobOptions = {}): CompiledGlob {
  const braces = options.braces ?? true;
  const key = `${braces ? 'b' : '-'}${glob}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = build(glob, braces);
    cache.set(key, compiled);
  }
  return compiled;
}

/** Why a glob is beyond the matcher's bounds, or undefined when it is fine. */
export function globProblem(glob: string, options: GlobOptions = {}): string | undefined {
  return compileGlob(glob, options).problem;
}

/** Whether a relative POSIX path (no leading `./`) matches the glob. */
export function matchGlob(glob: string, path: string, options?: GlobOptions): boolean {
  return compileGlob(glob, options).matches(path);
}

export function matchAnyGlob(globs: readonly string[], path: string, options?: GlobOptions): boolean {
  return globs.some((glob) => compileGlob(glob, options).matches(path));
}

function build(glob: string, braces: boolean): CompiledGlob {
  if (glob.length > GLOB_LIMITS.length) {
    return { matches: () => false, problem: `the pattern is ${glob.length} characters long; the limit is ${GLOB_LIMITS.length}` };
  }
  const alternatives = braces ? expandBraces(glob) : [glob];
  if (alternatives === undefined) {
    return { matches: () => false, problem: `the pattern's braces expand to more than ${GLOB_LIMITS.alternatives} alternatives` };
  }
  const compiled = alternatives.map(compileBraceFree);
  return { matches: (path) => matchPath(compiled, path) };
}

function matchPath(alternatives: readonly SegmentToken[][], path: string): boolean {
  const segments = path.replace(/^(?:\.\/)+/, '').split('/');
  return alternatives.some((pattern) => matchSegments(pattern, segments));
}

function compileBraceFree(glob: string): SegmentToken[] {
  let pattern = glob.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
  if (pattern.endsWith('/')) pattern += '**';
  const segments = pattern.split('/').filter((segment, i, all) => segment !== '' || i === all.length - 1);
  const tokens: SegmentToken[] = [];
  segments.forEach((segment, i) => {
    if (segment !== '**') tokens.push({ kind: 'segment', tokens: compileSegment(segment), nonEmpty: false });
    // Alone it matches every path; trailing, it needs something inside the folder.
    else if (i === segments.length - 1 && i > 0) tokens.push({ kind: 'segment', tokens: [{ kind: 'star' }], nonEmpty: true }, { kind: 'globstar' });
    else tokens.push({ kind: 'globstar' });
  });
  return tokens;
}

/** `**` over segments: resume after the last `**` on a mismatch, never further back. */
function matchSegments(pattern: readonly SegmentToken[], segments: readonly string[]): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < segments.length) {
    const token = pattern[p];
    if (token?.kind === 'globstar') {
      starP = p++;
      starS = s;
    } else if (token?.kind === 'segment' && (!token.nonEmpty || segments[s] !== '') && matchChars(token.tokens, segments[s])) {
      p++;
      s++;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (pattern[p]?.kind === 'globstar') p++;
  return p === pattern.length;
}

/** `*` over characters of one segment, the same way. */
function matchChars(tokens: readonly CharToken[], text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (token?.kind === 'star') {
      starP = p++;
      starT = t;
    } else if (token !== undefined && matchesChar(token, text.charCodeAt(t))) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (tokens[p]?.kind === 'star') p++;
  return p === tokens.length;
}

function matchesChar(token: Exclude<CharToken, { kind: 'star' }>, code: number): boolean {
  if (token.kind === 'char') return token.code === code;
  if (token.kind === 'any') return true;
  const inside = token.ranges.some(([low, high]) => code >= low && code <= high);
  return inside !== token.negated;
}

function compileSegment(segment: string): CharToken[] {
  const tokens: CharToken[] = [];
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === '\\' && i + 1 < segment.length) {
      tokens.push({ kind: 'char', code: segment.charCodeAt(++i) });
    } else if (char === '*') {
      while (segment[i + 1] === '*') i++;
      tokens.push({ kind: 'star' });
    } else if (char === '?') {
      tokens.push({ kind: 'any' });
    } else if (char === '[') {
      const cls = readClass(segment, i);
      if (cls) {
        tokens.push(cls.token);
        i = cls.end;
      } else {
        tokens.push({ kind: 'char', code: 0x5b });
      }
    } else {
      tokens.push({ kind: 'char', code: segment.charCodeAt(i) });
    }
  }
  return tokens;
}

/** Parses `[...]` starting at `open`; undefined when it is not closed. */
function readClass(segment: string, open: number): { token: CharToken; end: number } | undefined {
  let i = open + 1;
  let negated = false;
  if (segment[i] === '!' || segment[i] === '^') {
    negated = true;
    i++;
  }
  const members: number[] = [];
  const ranges: [number, number][] = [];
  const first = i;
  for (; i < segment.length; i++) {
    const char = segment[i];
    // A `]` right after the opening bracket is a member, as in POSIX bracket expressions.
    if (char === ']' && i > first) return { token: { kind: 'class', negated, ranges: [...ranges, ...members.map((c): [number, number] => [c, c])] }, end: i };
    const code = char === '\\' && i + 1 < segment.length ? segment.charCodeAt(++i) : segment.charCodeAt(i);
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      const high = segment[i + 2] === '\\' && i + 3 < segment.length ? segment.charCodeAt(i + 3) : segment.charCodeAt(i + 2);
      i += segment[i + 2] === '\\' && i + 3 < segment.length ? 3 : 2;
      ranges.push([code, high]);
    } else {
      members.push(code);
    }
  }
  return undefined;
}

/**
 * `a{b,c{d,e}}f` -> `abf`, `acdf`, `acef`. Braces without a top-level comma stay literal.
 * Undefined when the expansion exceeds GLOB_LIMITS.alternatives.
 */
export function expandBraces(glob: string): string[] | undefined {
  const results: string[] = [];
  const pending = [glob];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    const group = findBraceGroup(current);
    if (!group) {
      results.push(current);
      continue;
    }
    if (results.length + pending.length + group.parts.length > GLOB_LIMITS.alternatives) return undefined;
    const prefix = current.slice(0, group.open);
    const suffix = current.slice(group.close + 1);
    for (let k = group.parts.length - 1; k >= 0; k--) pending.push(prefix + group.parts[k] + suffix);
  }
  return results;
}

function findBraceGroup(glob: string): { open: number; close: number; parts: string[] } | undefined {
  for (let open = 0; open < glob.length; open++) {
    if (glob[open] === '\\') {
      open++;
      continue;
    }
    if (glob[open] !== '{') continue;
    let depth = 0;
    let partStart = open + 1;
    const parts: string[] = [];
    for (let i = open; i < glob.length; i++) {
      const char = glob[i];
      if (char === '\\') {
        i++;
        continue;
      }
      if (char === '{') depth++;
      else if (char === '}') {
        depth--;
        if (depth === 0) {
          parts.push(glob.slice(partStart, i));
          if (parts.length > 1) return { open, close: i, parts };
          break;
        }
      } else if (char === ',' && depth === 1) {
        parts.push(glob.slice(partStart, i));
        partStart = i + 1;
      }
    }
  }
  return undefined;
}
