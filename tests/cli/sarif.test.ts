import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { sarifValidator } from '../helpers/sarif';

/** Our SARIF against the OASIS SARIF 2.1.0 JSON schema (tests/helpers/sarif.ts). */
const repoRoot = path.resolve(__dirname, '../..');

describe('SARIF output', () => {
  const validate = sarifValidator();

  it('of the samples (including the broken one) is valid SARIF 2.1.0', () => {
    const run = runCli(['lint', '--format', 'sarif', 'samples'], repoRoot);
    const log = JSON.parse(run.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it('is rejected by the validator when a level is not a SARIF level (the check is real)', () => {
    const log = JSON.parse(runCli(['lint', '--format', 'sarif', 'samples/broken'], repoRoot).stdout);
    log.runs[0].results[0].level = 'loud';
    expect(validate(log)).toBe(false);
  });
});
