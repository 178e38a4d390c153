import { execFileSync } from 'node:child_process';
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
