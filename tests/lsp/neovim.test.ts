import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Neovim snippet in docs/language-server.md, run as written in a real headless Neovim
 * (Debian's, 0.7) against the built server: the documentation cannot drift from what works.
 */
const root = path.resolve(__dirname, '../..');

function documentedSnippet(): string {
  const doc = fs.readFileSync(path.join(root, 'docs/language-server.md'), 'utf8');
  const match = /<!-- neovim-0\.7-snippet -->\s*```lua\n([^]*?)```/.exec(doc);
  if (!match) throw new Error('docs/language-server.md has no <!-- neovim-0.7-snippet --> lua block');
  return match[1];
}

const CHECK = `
vim.cmd('edit plan.rollout.yaml')
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format('%d:%d %s\\n', d.lnum + 1, d.col + 1, tostring(d.code)))
end
vim.cmd('qa!')
`;

describe('the documented Neovim set-up', () => {
  it("shows the server's diagnostics for the broken sample in a real Neovim", () => {
    const nvim = ['/usr/bin/nvim', '/usr/local/bin/nvim'].find((p) => fs.existsSync(p));
    if (!nvim) throw new Error('Neovim is not installed: apt-get install -y neovim (.ci/run does this)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-nvim-'));
    fs.copyFileSync(path.join(root, 'samples/broken/kitchen-sink.rollout.yaml'), path.join(dir, 'plan.rollout.yaml'));
    fs.mkdirSync(path.join(dir, 'bin'));
    const server = path.join(dir, 'bin/crm-rollout-language-server');
    fs.writeFileSync(server, `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'dist/server.js')}" "$@"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'init.lua'), documentedSnippet());
    fs.writeFileSync(path.join(dir, 'check.lua'), CHECK);
    const out = execFileSync(nvim, ['--headless', '-u', 'init.lua', '-c', 'luafile check.lua'], {
      cwd: dir,
      env: { ...process.env, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` },
      timeout: 60_000,
      encoding: 'utf8',
    });
    const lines = out.trim().split('\n');
    expect(lines).toContain('42:7 executive-sponsor');
    expect(lines).toContain('144:5 schema');
  });
});
