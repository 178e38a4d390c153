import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { FileSystem, ReadResult } from '../engine/fileSystem';
import { MAX_FILE_BYTES } from '../engine/parse';
import { encodingMessage } from '../engine/encoding';
import type { PathSyntax } from '../engine/paths';
import { decodeBytes } from './decode';
import { readRegularFile, resolveRealPath } from './safeRead';

/** node:path's syntax for this platform; relative results are `/`-separated, as PathSyntax says. */
export const NODE_PATHS: PathSyntax = {
  dirname: (path) => nodePath.dirname(path),
  basename: (path) => nodePath.basename(path),
  join: (dir, name) => nodePath.join(dir, name),
  resolve: (fromDir, target) => nodePath.resolve(fromDir, target),
  relative: (from, to) => nodePath.relative(from, to).split(nodePath.sep).join('/'),
  isAbsolute: (path) => nodePath.isAbsolute(path),
};

/**
 * The real disk. Only regular files are read, at most one byte past the size limit, so a
 * FIFO, a device or a huge file costs nothing (the parser reports "too large" for the extra byte).
 */
export class NodeFileSystem implements FileSystem {
  readonly paths = NODE_PATHS;

  read(path: string): ReadResult {
    const read = readRegularFile(path, MAX_FILE_BYTES);
    if (!read.ok) return { ok: false, reason: read.reason === 'special' ? 'unreadable' : read.reason, message: read.message };
    const decoded = decodeBytes(read.bytes);
    // A file cut at the size limit may end mid-character; the parser reports its size instead.
    if (!decoded.ok && read.bytes.length <= MAX_FILE_BYTES) {
      const message = `"${path}": ${encodingMessage(decoded.text, decoded.problem)}`;
      return { ok: false, reason: 'encoding', message, text: decoded.text, problem: decoded.problem };
    }
    return { ok: true, text: decoded.text, realPath: resolveRealPath(path) ?? path };
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
