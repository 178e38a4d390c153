import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../server/src/cli/formatters/index';
import { RULE_METAS } from '../../server/src/engine/rules/index';
import { runCli } from '../helpers/cli';
import { sarifValidator } from '../helpers/sarif';

/**
 * One fixed plan (formats/plan.rollout.yaml: samples/small with an error, a warning, an info,
 * a waived finding and text every format must escape) and its exact report in every format,
 * beside it as formats/<format>.<ext>. Run with UPDATE_GOLDEN=1 to rewrite them, then review
 * the diff. The SARIF golden leaves out the rule catalogue (tool.driver.rules, one entry per
 * registered rule), so what a reviewer reads is the results; the catalogue and the log's
 * validity are asserted below it.
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

type SarifLog = { runs: { tool: { driver: { rules?: { id: string }[] } }; results: { ruleId: string; ruleIndex?: number }[] }[] };

/** The SARIF log without its rule catalogue, as the golden holds it. */
function withoutCatalogue(text: string): string {
  const log = JSON.parse(text) as SarifLog;
  for (const run of log.runs) delete run.tool.driver.rules;
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** What the golden file of `format` holds of the output. */
const goldenView = (format: string, stdout: string) => (format === 'sarif' ? withoutCatalogue(stdout) : stdout);

const sarifOfPlan = () => JSON.parse(runCli(['lint', '--no-color', '--format', 'sarif', 'plan.rollout.yaml'], dir).stdout) as SarifLog;

describe('golden report formats', () => {
  it('has a golden file for every format --format accepts', () => {
    expect(Object.keys(GOLDEN_FILES).sort()).toEqual(Object.keys(FORMATTERS).sort());
  });

  for (const [format, file] of Object.entries(GOLDEN_FILES)) {
    const what = format === 'sarif' ? 'sarif (without the rule catalogue)' : format;
    it(`prints ${what} exactly as formats/${file}, with exit 1 for the plan's errors`, () => {
      const run = runCli(['lint', '--no-color', '--format', format, 'plan.rollout.yaml'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const goldenPath = path.join(dir, file);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenPath, goldenView(format, run.stdout));
      expect(goldenView(format, run.stdout)).toBe(fs.readFileSync(goldenPath, 'utf8'));
    });
  }

  it('prints a valid SARIF 2.1.0 log for the plan, rule catalogue included', () => {
    const validate = sarifValidator();
    expect(validate(sarifOfPlan()), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('lists every registered rule once in the SARIF rule catalogue, and each result points at its rule', () => {
    const [run] = sarifOfPlan().runs;
    const catalogue = (run.tool.driver.rules ?? []).map((r) => r.id);
    expect(catalogue).toEqual(RULE_METAS.map((m) => m.id));
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) expect(catalogue[result.ruleIndex ?? -1]).toBe(result.ruleId);
  });
});
