import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every write of a user's file goes through here (`--fix`, `--update-baseline`, `--output`):
 * the new bytes go to a temporary file in the same folder, are flushed to disk, and replace the
 * original by a rename, so a full disk or a crash leaves either the old file or the new one,
 * never half of one. A symbolic link is written through: its target is replaced, the link stays.
 * The original's permission bits are kept, a read-only file is refused, and when the caller says
 * what it read, a file that changed since (an editor saved it meanwhile) is refused too.
 */

/** Why a write was refused or failed; `message` is one line for the terminal. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'changed' | 'read-only' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** The file system calls a write makes; tests substitute one to simulate a full disk. */
export interface WriteSystem {
  writeSync(fd: number, data: Uint8Array, offset: number): number;
}

const NODE_WRITES: WriteSystem = { writeSync: (fd, data, offset) => fs.writeSync(fd, data, offset) };

export interface AtomicWriteOptions {
  /** The bytes the caller read and based `data` on; the write is refused when the file differs now. */
  expected?: Uint8Array;
  /** How messages name the file (as the user wrote it); the path itself by default. */
  shownAs?: string;
  writes?: WriteSystem;
}

const MAX_LINK_HOPS = 40;

/** Follows symbolic links (dangling ones too: the file is created at the link's target). */
function linkTarget(file: string, shown: string): string {
  let current = path.resolve(file);
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return current;
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new WriteError(file, 'failed', `cannot write "${shown}": too many levels of symbolic links`);
}

function existingMode(target: string): number | undefined {
  try {
    return fs.statSync(target).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** The bytes of a file: at once, or in parts written one after another (a report too large for one string). */
export type FileBytes = Uint8Array | Iterable<Uint8Array>;

/** A failure to produce the bytes (not to write them): rethrown as it was once the temporary file is gone. */
class ProducerError {
  constructor(readonly cause: unknown) {}
}

function writeAll(fd: number, data: FileBytes, writes: WriteSystem): void {
  const parts = (data instanceof Uint8Array ? [data] : data)[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = parts.next();
    } catch (error) {
      throw new ProducerError(error);
    }
    if (next.done) return;
    let offset = 0;
    while (offset < next.value.length) offset += writes.writeSync(fd, next.value.subarray(offset), 0);
  }
}

function sameBytes(file: string, expected: Uint8Array): boolean {
  try {
    return Buffer.from(expected).equals(fs.readFileSync(file));
  } catch {
    return false;
  }
}

/** Flushes the folder entry of the rename; not every platform can open a folder, which is fine. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: the data itself was flushed before the rename.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes `data` to `file` atomically (all of it or nothing, even when it comes in parts); throws WriteError, leaving the file as it was, when it cannot. */
export function writeFileAtomic(file: string, data: FileBytes, options: AtomicWriteOptions = {}): void {
  const shown = options.shownAs ?? file;
  const target = linkTarget(file, shown);
  const mode = existingMode(target);
  if (mode !== undefined && (mode & 0o222) === 0) {
    throw new WriteError(file, 'read-only', `"${shown}" is read-only; it was left unchanged`);
  }
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode ?? 0o666);
    writeAll(fd, data, options.writes ?? NODE_WRITES);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // openSync's mode is filtered by the umask; the original's bits are restored exactly.
    if (mode !== undefined) fs.chmodSync(temp, mode);
    if (options.expected && !sameBytes(target, options.expected)) {
      throw new WriteError(file, 'changed', `"${shown}" changed on disk while it was being fixed; it was left as it is now, run again`);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    if (error instanceof WriteError) throw error;
    if (error instanceof ProducerError) throw error.cause;
    const kept = mode === undefined ? '' : '; it was left unchanged';
    throw new WriteError(file, 'failed', `cannot write "${shown}" (${codeOf(error)})${kept}`);
  }
  syncFolder(folder);
}

/**
 * Creates `file` with `data`, only if nothing is there: O_CREAT|O_EXCL (`wx`) fails on any
 * existing entry, a symbolic link included (even a dangling one, which is never followed), so a
 * link planted under the name cannot redirect the write. A write that fails half-way removes
 * what it created. Throws WriteError.
 */
export function createFileExclusive(file: string, data: Uint8Array, options: Pick<AtomicWriteOptions, 'shownAs' | 'writes'> = {}): void {
  const shown = options.shownAs ?? file;
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o666);
  } catch (error) {
    const why = codeOf(error) === 'EEXIST' ? 'something of that name exists (a file or a symbolic link)' : codeOf(error);
    throw new WriteError(file, 'failed', `cannot create "${shown}": ${why}`);
  }
  try {
    writeAll(fd, data, options.writes ?? NODE_WRITES);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw new WriteError(file, 'failed', `cannot write "${shown}" (${codeOf(error)}); nothing was left behind`);
  }
  fs.closeSync(fd);
  syncFolder(path.dirname(path.resolve(file)));
}
