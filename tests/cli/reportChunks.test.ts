import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineDocument, buildBaseline, serializeBaseline } from '../../server/src/cli/baseline';
import { palette } from '../../server/src/cli/color';
import { FORMATTERS } from '../../server/src/cli/formatters/index';
import { github } from '../../server/src/cli/formatters/github';
import { gitlabChunks, gitlabDocument } from '../../server/src/cli/formatters/gitlab';
import { jsonDocument, jsonReportChunks } from '../../server/src/cli/formatters/json';
import { junitChunks } from '../../server/src/cli/formatters/junit';
import { markdown } from '../../server/src/cli/formatters/markdown';
import { sarifChunks, sarifLog } from '../../server/src/cli/formatters/sarif';
import { stylish } from '../../server/src/cli/formatters/stylish';
import { jsonChunks, StreamedArray } from '../../server/src/cli/jsonChunks';
import { main } from '../../server/src/cli/main';
import { oneBased, pieces, PIECE_LENGTH, summarize, type FileReport, type FormatContext, type LintReport, type ReportedFinding } from '../../server/src/cli/report';
import { RULE_METAS } from '../../server/src/engine/rules/index';
import type { Severity } from '../../server/src/engine/types';
import { tempTree } from '../helpers/cli';

/**
 * The formats write their reports in pieces (jsonChunks.ts, report.ts `pieces`) so that no
 * report has to be one string. These tests hold the pieces to what one string was: the JSON
 * formats to `JSON.stringify(document, null, 2) + '\n'` of the same data, JUnit to its
 * one-string rendering, on values JSON and XML must escape and on reports of many findings.
 */

const context: FormatContext = { color: palette(false), rules: RULE_METAS, toolVersion: '0.0.0' };

/** Strings JSON escapes or must carry exactly: quotes, backslashes, controls, non-ASCII, astral, lone surrogates. */
const NASTY = ['"quoted" and \\back\\slashed', 'tab\tnew\nline\r\u0000\u0001\u001f\u007f', 'é ü 中文 😀 \u2028\u2029', 'lone \ud800 high, lone \udfff low, pair \ud83d\ude00', '</script> & <b>'];

/** The document with every streamed array read into an array: what JSON.stringify can write. */
function materialized(value: unknown): unknown {
  if (value instanceof StreamedArray) return [...value.items].map(materialized);
  if (Array.isArray(value)) return value.map(materialized);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialized(v)]));
  return value;
}

const oneString = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const joined = (chunks: Iterable<string>) => [...chunks].join('');

function finding(i: number, severity: Severity, message: string, idPath?: string): ReportedFinding {
  return {
    ruleId: i % 3 === 0 ? 'schema' : i % 3 === 1 ? 'known-tags' : 'not-a-registered-rule',
    messageId: 'm',
    severity,
    message,
    range: { start: { line: i, character: i % 7 }, end: { line: i + (i % 2), character: 9 } },
    offsets: [i, i + 7],
    ...(idPath ? { idPath } : {}),
    ...(i % 4 === 0 ? { fixes: [{ kind: 'fix' as const }] } : {}),
  };
}

/** A report of `perFile` findings in each of three files (one with an awkward name), waived findings and a clean file. */
function manyFindings(perFile: number): LintReport {
  const severities: Severity[] = ['error', 'warning', 'info'];
  const files: FileReport[] = ['plans/a.rollout.yaml', 'plans/b "q" \\ é.rollout.yaml', 'plans/😀 c.rollout.yaml'].map((display, n) => ({
    path: `/w/${display}`,
    display,
    findings: Array.from({ length: perFile }, (_, i) => finding(i, severities[(i + n) % 3], `${NASTY[i % NASTY.length]} #${i}`, i % 2 ? `phases/p${i}/${NASTY[i % NASTY.length]}` : undefined)),
    waived: Array.from({ length: 3 }, (_, i) => ({
      finding: finding(i, 'warning', `waived ${NASTY[i]}`, `phases/w${i}`),
      waiver: { target: `w${i}`, reason: NASTY[(i + 1) % NASTY.length], owner: 'kim', ...(i % 2 ? { until: '2999-12-31' } : {}) },
    })),
    baselined: n,
  }));
  files.push({ path: '/w/clean.rollout.yaml', display: 'clean.rollout.yaml', findings: [] });
  return summarize(files);
}

describe('jsonChunks', () => {
  const samples: Record<string, unknown> = {
    'a string of every kind of escape': NASTY.join(''),
    'numbers, booleans and null': [0, -1.5, 1e21, 2 ** 53, true, false, null],
    'empty containers': { a: [], b: {}, c: [[], [{}]], d: '' },
    'values JSON leaves out of objects and writes as null in arrays': { keep: 1, gone: undefined, fn: () => 1, list: [undefined, () => 1, 2] },
    'keys that need escaping': Object.fromEntries(NASTY.map((key, i) => [key, i])),
    'deep nesting': { a: { b: [{ c: [1, { d: [NASTY[0]] }] }] } },
    'a lone value': NASTY[3],
  };
  for (const [name, value] of Object.entries(samples)) {
    it(`writes ${name} exactly as JSON.stringify(x, null, 2) + '\\n'`, () => {
      expect(joined(jsonChunks(value))).toBe(oneString(value));
    });
  }

  it('writes a streamed array, empty or not, at any depth, as the array it yields', () => {
    const items = () => NASTY.map((text, i) => ({ text, i, nested: { list: [text, i], empty: [] } }));
    const doc = () => ({ top: 1, streamed: new StreamedArray(items()), inner: [{ deeper: new StreamedArray(items()) }], none: new StreamedArray([]), after: 'x' });
    expect(joined(jsonChunks(doc()))).toBe(oneString(materialized(doc())));
    expect(joined(jsonChunks(new StreamedArray(items())))).toBe(oneString(items()));
    expect(joined(jsonChunks(new StreamedArray([undefined, 1])))).toBe(oneString([undefined, 1]));
  });

  it('refuses a streamed array where JSON.stringify would have to write it, instead of writing it wrong', () => {
    expect(() => joined(jsonChunks(new StreamedArray([{ inside: new StreamedArray([1]) }])))).toThrow(/StreamedArray/);
  });

  it('takes each item of a streamed array only when it writes it', () => {
    let taken = 0;
    function* counted() {
      for (let i = 0; i < 3; i++) {
        taken++;
        yield i;
      }
    }
    const chunks = jsonChunks({ list: new StreamedArray(counted()) });
    chunks.next();
    expect(taken).toBe(0);
    for (let step = chunks.next(); !step.done && taken < 2; step = chunks.next());
    expect(taken).toBe(2);
  });
});

/** JUnit as one string, the way it was written before it was chunked: every line joined with '\n'. */
function junitOneString(report: LintReport): string {
  const attr = (s: string) =>
    text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
  const text = (s: string) =>
    s
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
  let tests = 0;
  let failures = 0;
  const suites = report.files.map((file) => {
    const name = attr(file.display);
    const groups = new Map<string, ReportedFinding[]>();
    for (const f of file.findings) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
    const cases: string[] = groups.size === 0 ? [`    <testcase name="crm-rollout" classname="${name}"/>`] : [];
    for (const [ruleId, findings] of groups) {
      cases.push(`    <testcase name="${attr(ruleId)}" classname="${name}">`);
      for (const f of findings) {
        const { line, column } = oneBased(f);
        cases.push(`      <failure type="${f.severity}" message="${attr(f.message)}">${text(`${line}:${column} ${f.severity} ${f.message}`)}</failure>`);
      }
      cases.push('    </testcase>');
    }
    tests += Math.max(1, groups.size);
    failures += groups.size;
    return [`  <testsuite name="${name}" tests="${Math.max(1, groups.size)}" failures="${groups.size}" errors="0" skipped="0">`, ...cases, '  </testsuite>'].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="crm-rollout" tests="${tests}" failures="${failures}" errors="0">`, ...suites, '</testsuites>', ''].join('\n');
}

describe('report formats in pieces', () => {
  for (const size of [0, 1, 2_000]) {
    it(`write the same bytes as one string, for ${size} findings a file with waived and baselined ones`, () => {
      const report = manyFindings(size);
      expect(joined(jsonReportChunks(report, context))).toBe(oneString(materialized(jsonDocument(report))));
      expect(joined(sarifChunks(report, context))).toBe(oneString(materialized(sarifLog(report, context))));
      expect(joined(gitlabChunks(report, context))).toBe(oneString(materialized(gitlabDocument(report))));
      expect(joined(junitChunks(report, context))).toBe(junitOneString(report));
      expect(joined(FORMATTERS.stylish.render(report, context))).toBe(stylish(report, context));
      expect(joined(FORMATTERS.github.render(report, context))).toBe(github(report, context));
      expect(joined(FORMATTERS.markdown.render(report, context))).toBe(markdown(report, context));
    });
  }

  it('writes a baseline of many entries as one string would', () => {
    const baseline = buildBaseline(manyFindings(2_000).files, '/w/baseline.json');
    expect(baseline.entries.length).toBeGreaterThan(1_000);
    expect(joined(serializeBaseline(baseline))).toBe(oneString(materialized(baselineDocument(baseline))));
  });

  it('keeps every piece of every format small, however many findings the report has', () => {
    /** One finding's text is a few hundred characters here; no piece may hold more than a few of them. */
    const BOUND = 2_048;
    const report = manyFindings(3_000);
    for (const [format, { render }] of Object.entries(FORMATTERS)) {
      const chunks = [...render(report, context)];
      const total = chunks.reduce((n, c) => n + c.length, 0);
      if (format === 'markdown' || format === 'stylish' || format === 'github') continue; // capped per kind of finding, not per finding
      expect(total, format).toBeGreaterThan(100 * BOUND);
      expect(Math.max(...chunks.map((c) => c.length)), format).toBeLessThanOrEqual(BOUND);
    }
  });
});

describe('pieces', () => {
  it('joins small chunks into pieces of about PIECE_LENGTH, losing and adding nothing', () => {
    const chunks = Array.from({ length: 5_000 }, (_, i) => `${NASTY[i % NASTY.length]}${i}\n`);
    const out = [...pieces(chunks)];
    expect(out.join('')).toBe(chunks.join(''));
    expect(out.length).toBeGreaterThan(1);
    expect(out.length).toBeLessThan(chunks.length / 100);
    for (const piece of out) expect(piece.length).toBeLessThanOrEqual(PIECE_LENGTH + Math.max(...chunks.map((c) => c.length)));
  });

  it('never ends a piece between the halves of a surrogate pair, so each piece encodes to the same UTF-8 as the whole', () => {
    const chunks = ['ab\ud83d', '\ude00cd', '\ud83d', '\ude00'];
    const out = [...pieces(chunks, 3)];
    expect(out.join('')).toBe(chunks.join(''));
    expect(Buffer.concat(out.map((p) => Buffer.from(p, 'utf8')))).toEqual(Buffer.from(chunks.join(''), 'utf8'));
  });
});

/** A plan of `n` phases, each with a misspelt tag (known-tags) and odd text, every third one waived. */
function generatedPlan(n: number): string {
  const phases = Array.from(
    { length: n },
    (_, i) => `  - { id: p${i}, name: "P \\"${i}\\" \\\\ é 😀 \\x01", kind: planning, checklist: [{ task: "Task \\"${i}\\" \\t\\x07 \\ud800", tags: ["bakup\\"${i}\\\\\\x02\\x07\\ud800"] }] }\n`,
  );
  const waivers = Array.from({ length: n }, (_, i) => i)
    .filter((i) => i % 3 === 0)
    .map((i) => `  - { rule: known-tags, target: p${i}, reason: "accepted \\"for now\\"", owner: kim, until: 2999-12-31 }\n`);
  return `plan: 1\nname: Many findings\ncalendar: { start: 2027-01-11 }\npeople:\n  - { id: kim, name: Kim Novak }\nphases:\n${phases.join('')}x-waivers:\n${waivers.join('')}`;
}

/** The CLI in-process, keeping each write to stdout apart. */
function runWrites(argv: string[], cwd: string): { code: number; writes: string[]; stderr: string } {
  const writes: string[] = [];
  let stderr = '';
  const code = main(argv, { cwd, stdout: { write: (s: string) => void writes.push(s), isTTY: false }, stderr: { write: (s: string) => void (stderr += s) } });
  return { code, writes, stderr };
}

describe('crm-rollout lint writes big reports in pieces', () => {
  const dir = tempTree({ 'many.rollout.yaml': generatedPlan(600) });

  for (const format of ['json', 'sarif', 'gitlab'] as const) {
    it(`--format ${format} prints JSON.stringify's text of its own data, in pieces, and --output writes the same bytes`, () => {
      const run = runWrites(['lint', '--format', format, 'many.rollout.yaml'], dir);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const text = run.writes.join('');
      expect(text).toBe(oneString(JSON.parse(text)));
      expect(text).toMatch(/\\ud800/);
      expect(text).toMatch(/\\u0007/);
      expect(run.writes.length).toBeGreaterThan(2);
      for (const piece of run.writes) expect(piece.length).toBeLessThanOrEqual(PIECE_LENGTH + 2_048);
      const file = path.join(dir, `out.${format}`);
      runWrites(['lint', '--format', format, '--output', file, 'many.rollout.yaml'], dir);
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
      if (format === 'json') expect((JSON.parse(text) as { waived: unknown[] }).waived.length).toBe(200);
    });
  }

  it('--update-baseline writes the baseline as JSON.stringify would, and the baselined run agrees', () => {
    const first = runWrites(['lint', '--baseline', 'base.json', '--update-baseline', '--format', 'json', 'many.rollout.yaml'], dir);
    expect(first.stderr).toMatch(/^wrote base\.json with \d+ findings\n$/);
    const text = fs.readFileSync(path.join(dir, 'base.json'), 'utf8');
    expect(text).toBe(oneString(JSON.parse(text)));
    const again = runWrites(['lint', '--baseline', 'base.json', '--format', 'json', 'many.rollout.yaml'], dir);
    const report = JSON.parse(again.writes.join('')) as { summary: { baselined: number }; findings: unknown[] };
    expect(report.findings).toEqual([]);
    expect(report.summary.baselined).toBe((JSON.parse(text) as { findings: { count: number }[] }).findings.reduce((n, e) => n + e.count, 0));
  });
});
