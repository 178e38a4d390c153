import * as fs from 'node:fs';
import * as nodePath from 'node:path';

/**
 * Creates the missing folders above a file the CLI is about to write, one at a time and each
 * once, so a path where creation can never succeed (`/proc/self/x/y`) fails with its error
 * instead of retrying forever, as a recursive mkdir can. Throws the file system's error.
 */
export function makeParentFolders(file: string): void {
  const missing: string[] = [];
  let dir = nodePath.dirname(nodePath.resolve(file));
  for (;;) {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`"${dir}" is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(dir);
    const parent = nodePath.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of missing.reverse()) fs.mkdirSync(folder);
}
