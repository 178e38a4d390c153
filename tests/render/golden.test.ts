import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../server/src/platform/nodeFileSystem';
import { lintFile } from '../../server/src/engine/lint';
import { buildTimeline } from '../../server/src/engine/timeline';
import { renderTimeline } from '../../server/src/cli/timelineCommand';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';
import { withoutFindings } from './timelineOf';
import { runCli } from '../helpers/cli';

/**
 * Golden files of every timeline export of one fixed plan, as of a fixed date. Run with
 * UPDATE_GOLDEN=1 to rewrite them, then review the diff (and look at the SVG and HTML).
 */
const dir = path.join(__dirname, 'golden');
const PLAN = 'fjord.rollout.yaml';
const AS_OF = '2027-02-22';

function matchGolden(name: string, actual: string): void {
  const file = path.join(dir, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

const CASES: [string, string[]][] = [
  ['fjord.mmd', []],
  ['fjord.svg', ['--format', 'svg']],
  ['fjord.dark.svg', ['--format', 'svg', '--theme', 'dark']],
  ['fjord.html', ['--format', 'html']],
  ['fjord.json', ['--format', 'json']],
  ['fjord.csv', ['--format', 'csv']],
];

describe('golden timeline exports', () => {
  for (const [golden, args] of CASES) {
    it(`crm-rollout timeline ${args.join(' ') || '(mermaid)'} matches ${golden}`, () => {
      const run = runCli(['timeline', '--as-of', AS_OF, ...args, PLAN], dir);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`crm-rollout: note: "${PLAN}" has 1 error; run crm-rollout lint ${PLAN} to see them\n`);
      matchGolden(golden, run.stdout);
    });
  }

  it('renders the vscode theme (classes only, for the webview) as in fjord.vscode.svg', () => {
    const result = lintFile(path.join(dir, PLAN), { fs: new NodeFileSystem(), asOf: AS_OF, root: dir });
    if ('error' in result) throw new Error(result.error);
    matchGolden('fjord.vscode.svg', renderTimelineSvg({ ...buildTimeline(result, AS_OF), path: PLAN }, { theme: 'vscode' }));
  });
});

/**
 * Golden exports of a version 1.1 plan (waves.rollout.yaml): three waves on three country
 * calendars, a milestone dependency, ss and fs dependencies with lags, a worked Saturday. Drawn
 * without findings, so a new rule elsewhere does not change them.
 */
describe('golden timeline exports of a plan with waves, calendars and lagged dependencies', () => {
  const result = lintFile(path.join(dir, 'waves.rollout.yaml'), { fs: new NodeFileSystem(), asOf: AS_OF, root: dir });
  if ('error' in result) throw new Error(result.error);
  const data = withoutFindings({ ...buildTimeline(result, AS_OF), path: 'waves.rollout.yaml' });
  for (const [golden, format] of [['waves.mmd', 'mermaid'], ['waves.svg', 'svg'], ['waves.html', 'html'], ['waves.json', 'json'], ['waves.csv', 'csv']] as const) {
    it(`renders ${format} as in ${golden}`, () => matchGolden(golden, renderTimeline(data, format)));
  }
});
