import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayText, escapeMarkdown } from '../../server/src/render/escape';
import { onlyRulesConfig, runCli, tempTree } from '../helpers/cli';

/**
 * Hostile input, output half: no value or file name from a plan can forge a line of a
 * human-readable report (a GitHub workflow command, a second finding), send a terminal
 * control sequence, or mention someone in a PR comment. Machine formats keep exact values.
 */

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A sponsor id that is not declared, so known-references quotes it in its message. */
const FORGED_ID = 'x\\n::error file=README.md,line=1::Forged\\n::stop-commands::halt\\e]0;pwned\\a\\e[2J@octocat';
const FORGED_VALUE = 'x\n::error file=README.md,line=1::Forged\n::stop-commands::halt\x1b]0;pwned\x07\x1b[2J@octocat';
const PLAN = `plan: 1\nname: Pilot\nsponsor: "${FORGED_ID}"\npeople:\n  - { id: dana, name: Dana Whitfield }\n`;

function workspace(files: Record<string, string>): string {
  const root = tempTree({ '.crm-rollout.yaml': onlyRulesConfig(['known-references']), ...files });
  fs.mkdirSync(path.join(root, '.git'));
  made.push(root);
  return root;
}

/** Every line a runner or terminal would read as a command or a control sequence. */
function forgedLines(output: string): string[] {
  return output.split('\n').filter((line) => /^::(?:error|warning|notice|stop-commands)|[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(line));
}

describe('displayText', () => {
  it('shows line breaks, controls and bidirectional overrides as visible escapes', () => {
    expect(displayText('a\nb\r\tc\x1b[2J\u0085\u009b\u2028\u202edone')).toBe('a\\nb\\r\\tc\\x1b[2J\\x85\\x9b\\u2028\\u202edone');
  });

  it('leaves ordinary text, including non-Latin letters and emoji, as it is', () => {
    expect(displayText('Müller · Zürich → 東京 ✔ 🚀')).toBe('Müller · Zürich → 東京 ✔ 🚀');
  });
});

describe('escapeMarkdown', () => {
  it('breaks @ mentions so a PR comment notifies no one', () => {
    expect(escapeMarkdown('ask @octocat and @org/team')).toBe('ask @&#8203;octocat and @&#8203;org/team');
  });

  it('keeps a table row on one line and shows the line break', () => {
    expect(escapeMarkdown('one\ntwo|three')).toBe('one\\\\ntwo\\|three');
  });
});

describe('a value with line breaks, workflow commands and escape sequences', () => {
  it('stays on its finding line in stylish, github and markdown output, shown with visible escapes', () => {
    const root = workspace({ 'p.rollout.yaml': PLAN });
    for (const format of ['stylish', 'github', 'markdown']) {
      const run = runCli(['lint', 'p.rollout.yaml', '--format', format, '--no-color'], root);
      expect(run.code, format).toBe(1);
      expect(forgedLines(run.stdout), format).toEqual(format === 'github' ? [expect.stringMatching(/^::error file=p\.rollout\.yaml,/)] : []);
      expect(run.stdout, format).toContain('::error file=README.md');
      expect(run.stdout, format).toMatch(/x\\\\?n::error file=README\.md/);
    }
  });

  it('writes no live @ mention into the markdown report', () => {
    const root = workspace({ 'p.rollout.yaml': PLAN });
    const run = runCli(['lint', 'p.rollout.yaml', '--format', 'markdown'], root);
    expect(run.stdout).not.toMatch(/@octocat/);
    expect(run.stdout).toContain('@&#8203;octocat');
  });

  it('keeps the exact value in the json report', () => {
    const root = workspace({ 'p.rollout.yaml': PLAN });
    const run = runCli(['lint', 'p.rollout.yaml', '--format', 'json'], root);
    const findings = (JSON.parse(run.stdout) as { findings: { message: string }[] }).findings;
    expect(findings[0].message).toContain(FORGED_VALUE);
  });

  it('stays on one line in the stylish report that --output prints to the terminal', () => {
    const root = workspace({ 'p.rollout.yaml': PLAN });
    const run = runCli(['lint', 'p.rollout.yaml', '--format', 'sarif', '--output', 'report.sarif', '--no-color'], root);
    expect(forgedLines(run.stdout)).toEqual([]);
    expect(JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'report.sarif'), 'utf8')))).toContain(JSON.stringify(FORGED_VALUE).slice(1, -1));
  });
});

describe('a file name with a line break and an escape sequence', () => {
  it('is shown escaped in stylish output and terminal messages', () => {
    const name = 'evil\n::error::x\x1b[31m.rollout.yaml';
    const root = workspace({ [name]: PLAN });
    const run = runCli(['lint', '.', '--no-color'], root);
    expect(forgedLines(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('evil\\n::error::x\\x1b[31m.rollout.yaml');
    const missing = runCli(['lint', 'nope\n::error::y.rollout.yaml'], root);
    expect(missing.code).toBe(2);
    expect(forgedLines(missing.stderr)).toEqual([]);
  });
});
