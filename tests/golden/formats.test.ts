import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../server/src/cli/formatters/index';
import { runCli } from '../helpers/cli';

/**
 * One fixed plan (formats/plan.rollout.yaml: samples/small with an error, a warning, an info,
 * a waived finding and text every format must escape) and its exact report in every format,
 * beside it as formats/<format>.<ext>. Run with UPDATE_GOLDEN=1 to rewrite them, then review
 * the diff.
 */
const dir = path.join(__dirname, 'formats');
const GOLDEN_FILES: Record<string, string> = {
  stylish: 'stylish.txt',
  json: 'json.json',
  sarif: 'sarif.json',
  github: 'github.txt',
  junit: 'junit.xml',
  gitlab: 'gitlab.json',
  markdown: 'markdown.md',
};

describe('golden report formats', () => {
  it('has a golden file for every format --format accepts', () => {
    expect(Object.keys(GOLDEN_FILES).sort()).toEqual(Object.keys(FORMATTERS).sort());
  });

  for (const [format, file] of Object.entries(GOLDEN_FILES)) {
    it(`prints ${format} exactly as formats/${file}, with exit 1 for the plan's errors`, () => {
      const run = runCli(['lint', '--no-color', '--format', format, 'plan.rollout.yaml'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const goldenPath = path.join(dir, file);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenPath, run.stdout);
      expect(run.stdout).toBe(fs.readFileSync(goldenPath, 'utf8'));
    });
  }
});
