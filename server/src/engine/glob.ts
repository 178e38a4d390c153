/**
 * A small glob matcher for POSIX relative paths (`pilots/**`, `*.rollout.yaml`, `{a,b}/*`).
 *
 * Semantics, chosen to match what users expect from ESLint's `files` and from .gitignore:
 * - `*` matches any run of characters except `/`; `?` one character except `/`.
 * - `**` as a whole segment matches zero or more segments: `a/**` + `/b` matches `a/b` and
 *   `a/x/y/b`, a leading `**` + `/x` matches `x` at any depth, and a trailing `a/**` matches
 *   everything inside `a` (not `a` itself). `**` inside a segment (`a**b`) is a plain `*`.
 * - `[abc]`, `[a-z]`, `[!abc]` and `[^abc]` are character classes; they never match `/`.
 *   A `[` without a closing `]` is literal.
 * - `{a,b}` lists alternatives (nested braces work); braces without a top-level comma are
 *   literal. Expansion stops at MAX_BRACE_ALTERNATIVES so a hostile glob stays cheap.
 * - `\` escapes the next character.
 * - Wildcards match names starting with a dot: a config glob is about plan files, and a
 *   hidden folder of plans should not silently escape an override.
 * - A leading `./` or `/` is dropped (globs are always relative to a base directory) and a
 *   trailing `/` means "everything inside", like `dir/**`.
 * Negation (`!glob`) is not supported here; .gitignore negation lives in gitignore.ts.
 */

export interface GlobOptions {
  /** Expand `{a,b}` alternatives (git does not, so gitignore.ts turns this off). */
  braces?: boolean;
}

const MAX_BRACE_ALTERNATIVES = 256;

const cache = new Map<string, RegExp>();

/** The RegExp for a glob, compiled once per glob and options. */
export function globToRegExp(glob: string, options: GlobOptions = {}): RegExp {
  const braces = options.braces ?? true;
  const key = `${braces ? 'b' : '-'}${glob}`;
  let regExp = cache.get(key);
  if (!regExp) {
    regExp = new RegExp(`^(?:${globToRegExpSource(glob, options)})$`);
    cache.set(key, regExp);
  }
  return regExp;
}

/** Whether a relative POSIX path (no leading `./`) matches the glob. */
export function matchGlob(glob: string, path: string, options?: GlobOptions): boolean {
  return globToRegExp(glob, options).test(normalizePath(path));
}

export function matchAnyGlob(globs: readonly string[], path: string, options?: GlobOptions): boolean {
  const normalized = normalizePath(path);
  return globs.some((glob) => globToRegExp(glob, options).test(normalized));
}

/** The regular-expression source (unanchored) for a glob; alternatives are joined with `|`. */
export function globToRegExpSource(glob: string, options: GlobOptions = {}): string {
  const alternatives = options.braces === false ? [glob] : expandBraces(glob);
  return alternatives.map(compileBraceFree).join('|');
}

function normalizePath(path: string): string {
  return path.replace(/^(?:\.\/)+/, '');
}

function compileBraceFree(glob: string): string {
  let pattern = glob.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
  if (pattern.endsWith('/')) pattern += '**';
  const segments = pattern.split('/').filter((segment, i, all) => segment !== '' || i === all.length - 1);
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      // Alone it matches every path; trailing it needs at least one character inside the folder.
      if (last) source += i === 0 ? '.*' : '.+';
      else source += '(?:[^/]+/)*';
    } else {
      source += compileSegment(segment) + (last ? '' : '/');
    }
  });
  return source;
}

function compileSegment(segment: string): string {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === '\\' && i + 1 < segment.length) {
      source += escapeRegExp(segment[++i]);
    } else if (char === '*') {
      while (segment[i + 1] === '*') i++;
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const cls = readClass(segment, i);
      if (cls) {
        source += cls.source;
        i = cls.end;
      } else {
        source += '\\[';
      }
    } else {
      source += escapeRegExp(char);
    }
  }
  return source;
}

/** Parses `[...]` starting at `open`; undefined when it is not closed. */
function readClass(segment: string, open: number): { source: string; end: number } | undefined {
  let i = open + 1;
  let negated = false;
  if (segment[i] === '!' || segment[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  const first = i;
  for (; i < segment.length; i++) {
    const char = segment[i];
    // A `]` right after the opening bracket is a member, as in POSIX bracket expressions.
    if (char === ']' && i > first) {
      return { source: negated ? `[^/${body}]` : `(?!/)[${body}]`, end: i };
    }
    if (char === '\\' && i + 1 < segment.length) body += escapeClassChar(segment[++i]);
    else if (char === '-' && i > first && segment[i + 1] !== ']') body += '-';
    else body += escapeClassChar(char);
  }
  return undefined;
}

function escapeClassChar(char: string): string {
  return /[\\\]\[^-]/.test(char) ? `\\${char}` : char;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `a{b,c{d,e}}f` -> `abf`, `acdf`, `acef`. Braces without a top-level comma stay literal. */
export function expandBraces(glob: string): string[] {
  const results: string[] = [];
  const pending = [glob];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    const group = findBraceGroup(current);
    if (!group || results.length + pending.length >= MAX_BRACE_ALTERNATIVES) {
      results.push(current);
      continue;
    }
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
