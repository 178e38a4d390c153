import * as fs from 'node:fs';
import type { FileSystem, ReadResult } from '../engine/fileSystem';
import { MAX_FILE_BYTES } from '../engine/parse';
import { decodeText } from './decode';
import { readRegularFile, resolveRealPath } from './safeRead';

/**
 * The real disk. Only regular files are read, at most one byte past the size limit, so a
 * FIFO, a device or a huge file costs nothing (the parser reports "too large" for the extra byte).
 */
export class NodeFileSystem implements FileSystem {
  read(path: string): ReadResult {
    const read = readRegularFile(path, MAX_FILE_BYTES);
    if (!read.ok) return { ok: false, reason: read.reason === 'special' ? 'unreadable' : read.reason, message: read.message };
    return { ok: true, text: decodeText(read.bytes), realPath: resolveRealPath(path) ?? path };
  }

  kind(path: string): 'file' | 'directory' | undefined {
    try {
      const stat = fs.statSync(path);
      return stat.isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  }

  realPath(path: string): string | undefined {
    return resolveRealPath(path);
  }
}
