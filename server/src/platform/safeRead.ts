import * as fs from 'node:fs';
import * as nodePath from 'node:path';

/**
 * The only way the tool reads a file from disk. Whatever a path names (a FIFO that would
 * block forever, `/dev/zero` that never ends, a directory, a `/proc` file whose size says 0),
 * reading it is bounded: the file is opened without blocking, refused unless it is a regular
 * file, and read up to `maxBytes + 1` bytes: `truncated` (and the one extra byte) tells "too
 * large" from "complete".
 */
export type SafeRead =
  | { ok: true; bytes: Buffer; truncated: boolean }
  | { ok: false; reason: 'missing' | 'directory' | 'special' | 'unreadable'; message: string };

const CHUNK = 64 * 1024;
// Opening a FIFO for reading blocks until a writer appears; non-blocking, it returns at once.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export function readRegularFile(path: string, maxBytes: number): SafeRead {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'directory', message: `"${path}" is a directory, not a file` };
    if (!stat.isFile()) return { ok: false, reason: 'special', message: `"${path}" is not a regular file (a device, FIFO or socket), so it is not read` };
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return { ok: true, bytes: Buffer.concat(chunks, total), truncated: total > maxBytes };
  } catch (error) {
    return readFailure(path, error);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A small text file the tool needs whole (a .gitignore, a baseline): its UTF-8 text, or why
 * it cannot be used, including "larger than `maxBytes`".
 */
export function readSmallTextFile(path: string, maxBytes: number): { ok: true; text: string } | { ok: false; reason: SafeReadFailure['reason'] | 'tooLarge'; message: string } {
  const read = readRegularFile(path, maxBytes);
  if (!read.ok) return read;
  if (read.truncated) return { ok: false, reason: 'tooLarge', message: `"${path}" is larger than ${maxBytes} bytes` };
  return { ok: true, text: read.bytes.toString('utf8') };
}

type SafeReadFailure = Extract<SafeRead, { ok: false }>;

function readFailure(path: string, error: unknown): SafeReadFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: `"${path}" does not exist` };
  if (code === 'EISDIR') return { ok: false, reason: 'directory', message: `"${path}" is a directory, not a file` };
  if (code === 'ELOOP') return { ok: false, reason: 'unreadable', message: `"${path}" is a symbolic link loop` };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', message: `permission denied reading "${path}"` };
  return { ok: false, reason: 'unreadable', message: `cannot read "${path}" (${code ?? 'unknown error'})` };
}

/**
 * Symbolic links resolved; a path that does not exist yet is its nearest existing folder,
 * resolved, plus the rest. Undefined for a link loop or an unresolvable path.
 */
export function resolveRealPath(path: string): string | undefined {
  const absolute = nodePath.resolve(path);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return nodePath.join(fs.realpathSync.native(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
      const parent = nodePath.dirname(current);
      if (parent === current) return undefined;
      missing.push(nodePath.basename(current));
      current = parent;
    }
  }
}
