// The second half of `npm run package` (after `node esbuild.mjs --production`): builds
// crm-rollout.vsix with @vscode/vsce. package.json carries a "files" list for npm (the CLI and
// the server installed from Git), and vsce refuses "files" next to a .vscodeignore, so the
// extension is packaged from a staging copy whose package.json has no "files";
// .vscodeignore stays the one allow-list of what the .vsix holds.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'crm-rollout.vsix');
// Everything .vscodeignore may let through; it filters again inside the staging copy.
const ENTRIES = ['.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist', 'schemas', 'snippets', 'docs'];

const stage = mkdtempSync(path.join(tmpdir(), 'crm-rollout-vsix-'));
try {
  const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const entry of ENTRIES) {
    const from = path.join(repo, entry);
    if (existsSync(from)) cpSync(from, path.join(stage, entry), { recursive: true });
  }
  await createVSIX({ cwd: stage, packagePath: out, dependencies: false });
  console.log(`crm-rollout.vsix: ${(statSync(out).size / 1024).toFixed(0)} KiB`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
