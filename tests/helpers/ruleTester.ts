import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { applySafeFixes } from '../../server/src/engine/fix';
import { lintText } from '../../server/src/engine/lint';
import { RULES } from '../../server/src/engine/rules/index';
import type { Rule } from '../../server/src/engine/rules/types';
import type { Finding } from '../../server/src/engine/types';

export const PLAN_PATH = '/work/plan.rollout.yaml';

export interface RuleCase {
  name: string;
  plan: string;
  /** Other files by absolute path (imports). */
  files?: Record<string, string>;
  options?: Record<string, unknown>;
  asOf?: string;
}

/** One finding an invalid case expects, in the order the rule reports them. */
export interface ExpectedFinding {
  messageId: string;
  /** 1-based, like an editor shows them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message?: string | RegExp;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
  /** The plan after applying every safe fix once; `null` states that no safe fix applies. */
  output: string | null;
}

export interface RuleTable {
  valid: RuleCase[];
  invalid: InvalidCase[];
}

/**
 * Lints a case's plan through the same pipeline as every front end (engine `lintText`: parse,
 * schema, imports, scheduling, waivers, disable comments) with only `rule` switched on, and
 * returns the rule's own findings. A plan that is not well-formed YAML fails the case; schema
 * findings are left out, because rules also run on plans the schema rejects (some cases test that).
 */
export function runRule(rule: Rule, c: RuleCase): Finding[] {
  const fs = new MemoryFileSystem({ [PLAN_PATH]: c.plan, ...(c.files ?? {}) });
  const settings = new Map([[rule.meta.id, { severity: rule.meta.defaultSeverity, options: { ...(rule.meta.defaultOptions ?? {}), ...(c.options ?? {}) } }]]);
  const all = lintText(PLAN_PATH, c.plan, { fs, asOf: c.asOf, only: { rules: [rule], settings } }).findings;
  const syntax = all.filter((f) => f.ruleId === 'yaml-syntax').map((f) => f.message);
  expect(syntax, 'the test plan is not well-formed YAML').toEqual([]);
  const findings = all.filter((f) => f.ruleId === rule.meta.id);
  for (const f of findings) {
    expect(Object.keys(rule.meta.messages), `messageId "${f.messageId}" is not in the rule's meta.messages`).toContain(f.messageId);
  }
  return findings;
}

function expectFindings(findings: readonly Finding[], expected: readonly ExpectedFinding[]): void {
  const actual = findings.map((f) => ({
    messageId: f.messageId,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  }));
  expect(actual).toEqual(expected.map(({ messageId, line, column, endLine, endColumn }) => ({ messageId, line, column, endLine, endColumn })));
  expected.forEach((e, i) => {
    expect(findings[i].message).not.toMatch(/\{\{/);
    if (typeof e.message === 'string') expect(findings[i].message).toBe(e.message);
    else if (e.message) expect(findings[i].message).toMatch(e.message);
  });
}

function expectOutput(c: InvalidCase, findings: readonly Finding[]): void {
  const fixed = applySafeFixes(c.plan, findings).text;
  if (c.output === null) {
    expect(fixed, 'a safe fix applies: state the fixed plan as `output`').toBe(c.plan);
    return;
  }
  expect(c.output, '`output` equals the plan: write `output: null` when no safe fix applies').not.toBe(c.plan);
  expect(fixed).toBe(c.output);
}

/** Fails unless the valid case gets no finding of the rule. */
export function expectValid(rule: Rule, c: RuleCase): void {
  expect(runRule(rule, c).map((f) => f.message)).toEqual([]);
}

/** Fails unless the invalid case gets exactly its listed findings and its fixed `output`. */
export function expectInvalid(rule: Rule, c: InvalidCase): void {
  expect(c.errors.length, 'an invalid case lists at least one finding').toBeGreaterThan(0);
  const findings = runRule(rule, c);
  expectFindings(findings, c.errors);
  expectOutput(c, findings);
}

/**
 * ESLint-style table test, in tests/rules/<id>.test.ts: valid plans get no finding of the
 * rule; invalid ones exactly the listed findings, and `output` after the safe fixes.
 */
export function testRule(rule: Rule, cases: RuleTable): void {
  describe(rule.meta.id, () => {
    it('is the registered rule, tested in the file named after it', () => {
      expect(RULES, `rule "${rule.meta.id}" is not in rules/index.ts`).toContain(rule);
      expect(path.basename(expect.getState().testPath ?? '')).toBe(`${rule.meta.id}.test.ts`);
    });
    for (const c of cases.valid) it(`accepts: ${c.name}`, () => expectValid(rule, c));
    for (const c of cases.invalid) it(`reports: ${c.name}`, () => expectInvalid(rule, c));
  });
}
