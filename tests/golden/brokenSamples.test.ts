import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

/**
 * The broken samples' exact stylish output (samples/broken/*.rollout.yaml, under the samples'
 * own `recommended` configuration), produced with an as-of date so that `overdue` and
 * `critical-overdue` run as they do in the editor. Run with UPDATE_GOLDEN=1 to rewrite
 * samples/broken.stylish, then review the diff.
 */
const repoRoot = path.resolve(__dirname, '../..');
const AS_OF = '2027-03-15';
const goldenPath = path.join(__dirname, 'samples', 'broken.stylish');

/** The rules rules.md's "Version 1.1 changes" adds or changes. */
const RULES_1_1 = [
  'critical-overdue',
  'sponsor-not-owner',
  'rollback-plan',
  'wave-calendar',
  'migration-backup',
  'migration-trial',
  'migration-validation',
  'data-cleansing',
  'migration-mapping',
  'phase-order',
  'training-coverage',
  'objective-timing',
  'overdue',
];

/** The 1-based line of the waves sample that is `text`. */
function lineOf(text: string): number {
  return fs.readFileSync(path.join(repoRoot, 'samples/broken/waves.rollout.yaml'), 'utf8').split('\n').indexOf(text) + 1;
}

describe('the broken samples', () => {
  const run = runCli(['lint', '--no-color', '--as-of', AS_OF, 'samples/broken'], repoRoot);
  const actual = `${run.stdout}exit ${run.code}\n`;

  it(`print exactly samples/broken.stylish with --as-of ${AS_OF}`, () => {
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenPath, actual);
    expect(actual).toBe(fs.readFileSync(goldenPath, 'utf8'));
  });

  it('show each rule that version 1.1 added or changed at least once', () => {
    const shown = new Set([...actual.matchAll(/\[([a-z-]+)\]$/gm)].map((m) => m[1]));
    expect(RULES_1_1.filter((id) => !shown.has(id))).toEqual([]);
  });

  it('name wave 3 (France) in one migration-backup, one migration-trial and one migration-validation finding, at its data-migration phase', () => {
    const safeguards = actual.split('\n').filter((line) => line.includes('waves.rollout.yaml:') && /\[migration-(backup|trial|validation)\]$/.test(line));
    expect(safeguards).toHaveLength(3);
    for (const line of safeguards) {
      expect(line).toMatch(/^ {2}samples\/broken\/waves\.rollout\.yaml:\d+:9 +(error|warning) +wave 3 \(France\) migrates on 2027-05-21 /);
    }
    // All three at the id of the phase "fr-data", where a person adds the missing items.
    expect(new Set(safeguards.map((line) => line.split(/\s+/)[1]))).toEqual(new Set([`samples/broken/waves.rollout.yaml:${lineOf('  - id: fr-data')}:9`]));
  });
});
