import * as fs from 'node:fs';
import type { FileSystem, ReadResult } from '../engine/fileSystem';
import { MAX_FILE_BYTES } from '../engine/parse';
import { encodingMessage } from '../engine/encoding';
import { decodeBytes } from './decode';

/** The real disk. Reads at most one byte past the size limit, so a huge file costs nothing. */
export class NodeFileSystem implements FileSystem {
  read(path: string): ReadResult {
    let fd: number | undefined;
    try {
      const stat = fs.statSync(path);
      if (stat.isDirectory()) return { ok: false, reason: 'directory', message: `"${path}" is a directory, not a file` };
      const realPath = fs.realpathSync(path);
      const length = Math.min(stat.size, MAX_FILE_BYTES + 1);
      const buffer = Buffer.alloc(length);
      fd = fs.openSync(path, 'r');
      const read = fs.readSync(fd, buffer, 0, length, 0);
      const decoded = decodeBytes(buffer.subarray(0, read));
      // A file cut at the size limit may end mid-character; the parser reports its size instead.
      if (!decoded.ok && read <= MAX_FILE_BYTES) {
        const message = `"${path}": ${encodingMessage(decoded.text, decoded.problem)}`;
        return { ok: false, reason: 'encoding', message, text: decoded.text, problem: decoded.problem };
      }
      return { ok: true, text: decoded.text, realPath };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { ok: false, reason: 'missing', message: `"${path}" does not exist` };
      if (code === 'ELOOP') return { ok: false, reason: 'unreadable', message: `"${path}" is a symbolic link loop` };
      if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', message: `permission denied reading "${path}"` };
      return { ok: false, reason: 'unreadable', message: `cannot read "${path}" (${code ?? String(error)})` };
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  kind(path: string): 'file' | 'directory' | undefined {
    try {
      const stat = fs.statSync(path);
      return stat.isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  }
}
