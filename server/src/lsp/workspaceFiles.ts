import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import { createIgnore, isIgnoredByAny, type IgnoreMatcher } from '../engine/gitignore';
import { MAX_FILE_BYTES } from '../engine/parse';
import { isPlanPath } from '../fileRoles';
import { readSmallTextFile } from '../platform/safeRead';

/**
 * Finds the plans of a workspace folder for "lint workspace" mode, workspace symbols and
 * renames across files: every `*.rollout.yaml|yml` under the folder, skipping `.git`,
 * `node_modules` and whatever the folder's `.gitignore` files (at any depth) ignore.
 * Asynchronous, so a large folder never blocks the editor's requests; capped, so a huge
 * tree cannot run the server out of memory.
 */

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
const MAX_WORKSPACE_PLANS = 5000;

/** gitignore.ts matches POSIX paths. */
function posix(path: string): string {
  return path.split(nodePath.sep).join('/');
}

/** Read without blocking: a FIFO named .gitignore must not hold a thread of the server forever. */
function readIgnore(dir: string): IgnoreMatcher | undefined {
  const read = readSmallTextFile(nodePath.join(dir, '.gitignore'), MAX_FILE_BYTES);
  return read.ok ? createIgnore(posix(dir), read.text) : undefined;
}

export async function findPlanFiles(folder: string, limit = MAX_WORKSPACE_PLANS): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string, matchers: readonly IgnoreMatcher[]): Promise<void> => {
    const own = readIgnore(dir);
    const active = own ? [...matchers, own] : matchers;
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return; // Unreadable folders are skipped, as git would.
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (found.length >= limit) return;
      const full = nodePath.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || isIgnoredByAny(active, posix(full), true)) continue;
        await visit(full, active);
      } else if (entry.isFile() && isPlanPath(entry.name) && !isIgnoredByAny(active, posix(full), false)) {
        found.push(full);
      }
    }
  };
  await visit(folder, []);
  return found;
}
