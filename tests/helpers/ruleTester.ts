import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
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
  /**
   * The finding's suggestions (ESLint's `suggestions`), in order: each one's title and the plan
   * after applying that suggestion alone. Omitted: not checked; `[]`: the finding offers none.
   */
  suggestions?: ExpectedSuggestion[];
}

/** A suggestion as a case states it: its title (what it inserts) and the plan with it applied. */
export interface ExpectedSuggestion {
  title: string;
  output: string;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
  /** The plan after applying every fix once (suggestions never); `null` states that no fix applies. */
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

/** A finding's suggestions as a case states them: title, and the plan with that suggestion alone applied. */
export function suggestionsOf(plan: string, finding: Finding): ExpectedSuggestion[] {
  return (finding.fixes ?? []).filter((f) => f.kind === 'suggestion').map((f) => ({ title: f.title, output: applyEdits(plan, f.edits) }));
}

function expectSuggestions(plan: string, findings: readonly Finding[], expected: readonly ExpectedFinding[]): void {
  expected.forEach((e, i) => {
    if (e.suggestions) expect(suggestionsOf(plan, findings[i]), `the suggestions of finding ${i + 1}`).toEqual(e.suggestions);
  });
}

/** As in ESLint's RuleTester: a rule that reports a fix declares `fixable`, one that reports a suggestion `hasSuggestions`. */
function expectKindsDeclared(rule: Rule, findings: readonly Finding[]): void {
  const kinds = new Set(findings.flatMap((f) => (f.fixes ?? []).map((x) => x.kind)));
  if (kinds.has('fix')) expect(rule.meta.fixable, `${rule.meta.id} reports a fix, so its meta says fixable`).toBe(true);
  if (kinds.has('suggestion')) expect(rule.meta.hasSuggestions, `${rule.meta.id} reports a suggestion, so its meta says hasSuggestions`).toBe(true);
}

function expectOutput(c: InvalidCase, findings: readonly Finding[]): void {
  const fixed = applySafeFixes(c.plan, findings).text;
  if (c.output === null) {
    expect(fixed, 'a fix applies: state the fixed plan as `output`').toBe(c.plan);
    return;
  }
  expect(c.output, '`output` equals the plan: write `output: null` when no fix applies').not.toBe(c.plan);
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
  expectSuggestions(c.plan, findings, c.errors);
  expectKindsDeclared(rule, findings);
  expectOutput(c, findings);
}

/**
 * ESLint-style table test, in tests/rules/<id>.test.ts: valid plans get no finding of the
 * rule; invalid ones exactly the listed findings, their `suggestions` where stated, and `output`
 * after the fixes (never the suggestions).
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
