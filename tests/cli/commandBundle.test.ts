import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * package.json's bins are run as programs (`npx crm-rollout`, `crm-rollout-language-server`),
 * not through `node`: the bundles the build writes (scripts/bundle.mjs, run for the tests by
 * tests/lsp/globalSetup.ts) must start with a hashbang and be executable, even in a fresh clone
 * where npm linked the bins before dist/ existed.
 */
const ROOT = path.resolve(__dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; version: string };

describe('the command bundles', () => {
  it.each(Object.entries(PACKAGE.bin))('%s (%s) runs as a program', (_name, file) => {
    const output = execFileSync(path.join(ROOT, file), ['--version'], { encoding: 'utf8' });
    expect(output.trim()).toBe(PACKAGE.version);
  });
});

describe("yaml's token log switch in the bundles", () => {
  it.each(Object.entries(PACKAGE.bin))('%s (%s) reads LOG_TOKENS once, not for every token it parses', (_name, file) => {
    const bundle = readFileSync(path.join(ROOT, file), 'utf8');
    // scripts/bundle.mjs: reading process.env costs a call into the OS; per token it was a fifth of a large import's lint.
    expect(bundle).not.toContain('if (node_process.env.LOG_TOKENS)');
    expect(bundle).toContain('LOG_TOKENS = node_process.env.LOG_TOKENS;');
    expect(bundle).toContain('if (LOG_TOKENS)');
  });

  it('still logs tokens when LOG_TOKENS is set, as yaml documents', () => {
    // A plan indented with tabs: outside the engine's fast parse path (engine/fastParse.ts),
    // so yaml's own parser reads it.
    const dir = path.join(ROOT, 'tests', 'corpus', 'files');
    const run = spawnSync(path.join(ROOT, PACKAGE.bin['crm-rollout']), ['lint', '--format', 'json', 'tabs.rollout.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LOG_TOKENS: '1' } });
    // The plan has findings (exit 1); the token log comes before the report either way.
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\| /m);
  });
});
