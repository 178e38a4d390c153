import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileSystem, ReadResult } from '../engine/fileSystem';
import { lintText, type LintResult } from '../engine/lint';
import { decodeText } from './decode';
import { NODE_PATHS } from './nodeFileSystem';

/**
 * The one place the tool reads git: a plan as it was at a commit, with its imports and
 * configuration read at that same commit (`diff --git`, `status --baseline <ref>`, the
 * editor's `crm-rollout.baseline` setting).
 */

/** Runs git; its failure comes back as a value so each caller can say what went wrong. */
function git(args: string[], cwd: string): { ok: true; stdout: Buffer } | { ok: false; missing: boolean; stderr: string } {
  try {
    return { ok: true, stdout: execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    return { ok: false, missing: e.code === 'ENOENT', stderr: e.stderr?.toString('utf8').trim() ?? String(error) };
  }
}

/** Files as they are at one commit, read with `git show <ref>:<path>`. */
class GitRefFileSystem implements FileSystem {
  readonly paths = NODE_PATHS;
  private readonly kinds = new Map<string, 'file' | 'directory' | undefined>();

  constructor(
    private readonly root: string,
    private readonly ref: string,
  ) {}

  private spec(file: string): string | undefined {
    const rel = path.relative(this.root, path.resolve(file));
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return `${this.ref}:${rel.split(path.sep).join('/')}`;
  }

  read(file: string): ReadResult {
    const spec = this.spec(file);
    const shown = spec && this.kind(file) === 'file' ? git(['show', spec], this.root) : undefined;
    if (shown?.ok) return { ok: true, text: decodeText(shown.stdout), realPath: path.resolve(file) };
    const reason = this.kind(file) === 'directory' ? 'directory' : 'missing';
    return { ok: false, reason, message: `"${file}" does not exist at "${this.ref}"` };
  }

  kind(file: string): 'file' | 'directory' | undefined {
    const spec = this.spec(file);
    if (spec === undefined) return undefined;
    if (!this.kinds.has(spec)) {
      const type = git(['cat-file', '-t', spec], this.root);
      const text = type.ok ? type.stdout.toString('utf8').trim() : '';
      this.kinds.set(spec, text === 'blob' ? 'file' : text === 'tree' ? 'directory' : undefined);
    }
    return this.kinds.get(spec);
  }

  /** Git stores a symbolic link as a blob holding its target, never followed. */
  realPath(file: string): string {
    return path.resolve(file);
  }
}

/** A plan as committed at a ref: its lint result and how to name it (`ref:path`). */
export interface PlanAtRef {
  result: LintResult;
  display: string;
}

/** Why a plan could not be read at a ref; each command words its own message from it. */
export type RefProblem =
  | { problem: 'no-git' }
  | { problem: 'not-in-repository' }
  | { problem: 'not-a-commit'; root: string }
  | { problem: 'not-at-ref'; rel: string };

/**
 * Lints `file` (which exists) as committed at `ref` in the repository holding it, or says why
 * it cannot. `ref` must not start with `-`, so git never reads it as an option.
 */
export function planAtRef(ref: string, file: string, asOf: string | undefined): PlanAtRef | RefProblem {
  if (ref.startsWith('-')) throw new Error(`planAtRef: "${ref}" would be read as a git option`);
  const top = git(['rev-parse', '--show-toplevel'], path.dirname(file));
  if (!top.ok) return { problem: top.missing ? 'no-git' : 'not-in-repository' };
  const root = fs.realpathSync(top.stdout.toString('utf8').trim());
  const rel = path.relative(root, fs.realpathSync(file)).split(path.sep).join('/');
  if (!git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root).ok) return { problem: 'not-a-commit', root };
  const gitFs = new GitRefFileSystem(root, ref);
  const inRepo = path.join(root, rel);
  const read = gitFs.read(inRepo);
  if (!read.ok) return { problem: 'not-at-ref', rel };
  return { result: lintText(inRepo, read.text, { fs: gitFs, asOf, root }), display: `${ref}:${rel}` };
}
