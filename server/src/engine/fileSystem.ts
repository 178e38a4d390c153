import { POSIX_PATHS, type PathSyntax } from './paths';

/**
 * How the engine reads files. The CLI passes the real disk, the language server an overlay
 * of open documents, and tests an in-memory map, so the engine itself never touches `fs`.
 */
export type ReadResult =
  | { ok: true; text: string; realPath: string }
  | { ok: false; reason: 'missing' | 'directory' | 'unreadable'; message: string }
  /** Bytes in no encoding the plan format allows; `text` is a lossy decoding, for positions only. */
  | { ok: false; reason: 'encoding'; message: string; text: string; problem: EncodingProblem };

/** Where a file stops being UTF-8 (or UTF-16 with a byte-order mark), and what it probably is instead. */
export interface EncodingProblem {
  /** UTF-16 offset, in the lossy text, of the first character that could not be decoded. */
  offset: number;
  /** What is wrong there, for a message: `byte 0xFC`. */
  what: string;
  /** The encoding the bytes most likely are: `Windows-1252`. */
  likely: string;
  /** Whether the bytes may as well be no text at all (only a guess at a single-byte encoding is that weak). */
  guessed: boolean;
}

export interface FileSystem {
  /** How this file system's paths are joined, resolved and compared (paths.ts). */
  readonly paths: PathSyntax;
  read(path: string): ReadResult;
  /** Whether a path exists and what it is. */
  kind(path: string): 'file' | 'directory' | undefined;
  /**
   * The path with every symbolic link resolved, so containment can be checked before a file
   * is opened; for a path that does not exist, its nearest existing folder resolved plus the
   * rest. Undefined when it cannot be resolved (a link loop).
   */
  realPath(path: string): string | undefined;
}

/** An in-memory file system keyed by absolute POSIX path, for tests and unsaved documents. */
export class MemoryFileSystem implements FileSystem {
  readonly paths = POSIX_PATHS;
  private readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  set(path: string, text: string): void {
    this.files.set(path, text);
  }

  read(path: string): ReadResult {
    const text = this.files.get(path);
    if (text !== undefined) return { ok: true, text, realPath: path };
    if (this.kind(path) === 'directory') return { ok: false, reason: 'directory', message: `"${path}" is a directory, not a file` };
    return { ok: false, reason: 'missing', message: `"${path}" does not exist` };
  }

  kind(path: string): 'file' | 'directory' | undefined {
    if (this.files.has(path)) return 'file';
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const key of this.files.keys()) if (key.startsWith(prefix)) return 'directory';
    return undefined;
  }

  realPath(path: string): string {
    return path;
  }
}

/** Shows unsaved editor buffers (or a text being linted) in place of what is on disk. */
export class OverlayFileSystem implements FileSystem {
  private readonly overlay = new Map<string, string>();

  readonly paths: PathSyntax;

  constructor(private readonly base: FileSystem) {
    this.paths = base.paths;
  }

  set(path: string, text: string): void {
    this.overlay.set(path, text);
  }

  delete(path: string): void {
    this.overlay.delete(path);
  }

  read(path: string): ReadResult {
    const text = this.overlay.get(path);
    return text !== undefined ? { ok: true, text, realPath: path } : this.base.read(path);
  }

  kind(path: string): 'file' | 'directory' | undefined {
    return this.overlay.has(path) ? 'file' : this.base.kind(path);
  }

  realPath(path: string): string | undefined {
    return this.overlay.has(path) ? path : this.base.realPath(path);
  }
}
