import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

/**
 * Golden files of `crm-rollout diff base.rollout.yaml <case>.rollout.yaml` in text, json and
 * markdown (with its before/after Mermaid charts). Each head version changes one group of
 * things (its first comment says which). UPDATE_GOLDEN=1 rewrites them; review the diff.
 */
const dir = path.join(__dirname, 'golden');
const AS_OF = '2027-01-11';
const FORMATS: [string, string][] = [
  ['text', 'txt'],
  ['json', 'json'],
  ['markdown', 'md'],
];
const heads = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.rollout.yaml') && f !== 'base.rollout.yaml')
  .sort();

describe('golden plan diffs', () => {
  it('has a head version for every group of changes', () => {
    expect(heads).toEqual(['entities.rollout.yaml', 'gates.rollout.yaml', 'same.rollout.yaml', 'schedule.rollout.yaml', 'sponsor.rollout.yaml', 'testing-removed.rollout.yaml']);
  });

  for (const head of heads) {
    for (const [format, extension] of FORMATS) {
      const golden = `${head.replace('.rollout.yaml', '')}.diff.${extension}`;
      it(`diff --format ${format} base.rollout.yaml ${head} matches ${golden}`, () => {
        const run = runCli(['diff', '--as-of', AS_OF, '--format', format, 'base.rollout.yaml', head], dir);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        const file = path.join(dir, golden);
        if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, run.stdout);
        expect(run.stdout).toBe(fs.readFileSync(file, 'utf8'));
      });
    }
  }
});
