import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { buildCorpusWorkspace, CASES } from './corpus';

interface JsonFinding {
  rule: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

describe('the CLI on the bad-input corpus', () => {
  let ws: ReturnType<typeof buildCorpusWorkspace>;
  beforeAll(() => {
    ws = buildCorpusWorkspace();
  });
  afterAll(() => ws.dispose());

  for (const c of CASES) {
    it(`exits ${c.exitCode} on ${c.name} and says why`, () => {
      const run = runCli(['lint', c.file, '--format', 'json', '--no-color'], ws.root);
      expect(run.code).toBe(c.exitCode);
      if (c.exitCode === 2) {
        // An unreadable path is a usage error: one line on stderr, no report.
        expect(run.stderr).toContain(c.says);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        return;
      }
      const report = JSON.parse(run.stdout) as { findings: JsonFinding[] };
      const finding = report.findings.find((f) => f.message.includes(c.says));
      expect(finding, `no finding says "${c.says}"; got ${JSON.stringify(report.findings.map((f) => f.message))}`).toBeDefined();
      if (c.at) expect(finding).toMatchObject(c.at);
    });
  }

  it('lints a folder that contains a symbolic link to itself, and ends', () => {
    const run = runCli(['lint', 'links', '--format', 'json'], ws.root);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { file: string; message: string }[] };
    expect(report.findings.map((f) => f.file)).toEqual(['links/imports-loop.rollout.yaml']);
    expect(report.findings[0].message).toContain('symbolic link loop');
  });
});
