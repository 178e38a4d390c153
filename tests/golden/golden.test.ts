import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

/**
 * actionlint-style golden files: each plan here has the exact expected stylish output beside
 * it (`<name>.stylish`). Run with UPDATE_GOLDEN=1 to rewrite them, then review the diff.
 */
const dir = __dirname;
const plans = fs.readdirSync(dir).filter((f) => f.endsWith('.rollout.yaml')).sort();

describe('golden stylish output', () => {
  it('has golden plans to check', () => {
    expect(plans.length).toBeGreaterThanOrEqual(5);
  });
  for (const plan of plans) {
    it(`matches ${plan.replace('.rollout.yaml', '.stylish')}`, () => {
      const run = runCli(['lint', '--no-color', plan], dir);
      const actual = `${run.stdout}exit ${run.code}\n`;
      const goldenPath = path.join(dir, plan.replace('.rollout.yaml', '.stylish'));
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenPath, actual);
      expect(actual).toBe(fs.readFileSync(goldenPath, 'utf8'));
    });
  }
});
