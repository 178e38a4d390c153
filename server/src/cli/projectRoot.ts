import * as fs from 'node:fs';
import * as path from 'node:path';

/** The nearest directory at or above `start` that holds `.git`: the repository a plan belongs to. */
export function repositoryRoot(start: string): string | undefined {
  let dir = start;
  while (true) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
