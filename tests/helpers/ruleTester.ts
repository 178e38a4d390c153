import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { applyEdits } from '../../server/src/engine/edits';
import { applySafeFixes } from '../../server/src/engine/fix';
import { resolveImports } from '../../server/src/engine/imports';
import { buildPlan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import { runRules } from '../../server/src/engine/runRules';
import type { Rule } from '../../server/src/engine/rules/types';
import { buildSchedule } from '../../server/src/engine/scheduler';
import { dayFromIso } from '../../server/src/engine/calendar';
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
   * after applying it alone. Omitted: not checked; `[]`: the finding offers none.
   */
  suggestions?: ExpectedSuggestion[];
}

export interface ExpectedSuggestion {
  title: string;
  output: string;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
  /** The text after applying every fix once (never a suggestion); omit for rules without fixes. */
  output?: string | null;
}

/** Runs one rule alone on a plan, with real parsing, imports and scheduling. */
export function runRule(rule: Rule, c: RuleCase): Finding[] {
  const fs = new MemoryFileSystem({ [PLAN_PATH]: c.plan, ...(c.files ?? {}) });
  const parsed = parseSource(PLAN_PATH, c.plan);
  if (parsed.fatal) throw new Error(`test plan does not parse: ${parsed.findings.map((f) => f.message).join('; ')}`);
  const plan = buildPlan(parsed.source);
  const imports = resolveImports(parsed.source, fs);
  plan.importedPeople = imports.people;
  plan.importedTeams = imports.teams;
  plan.importedHolidays = imports.holidays;
  const schedule = buildSchedule(plan);
  const settings = new Map([[rule.meta.id, { severity: rule.meta.defaultSeverity, options: { ...(rule.meta.defaultOptions ?? {}), ...(c.options ?? {}) } }]]);
  return runRules({
    plan,
    schedule,
    rules: [rule],
    settings,
    asOfDay: c.asOf ? dayFromIso(c.asOf) : undefined,
    importNodeFor: imports.entryFor,
  });
}

/** A finding's suggestions as a case states them: title, and the plan with that suggestion alone applied. */
export function suggestionsOf(plan: string, finding: Finding): ExpectedSuggestion[] {
  return (finding.fixes ?? []).filter((f) => f.kind === 'suggestion').map((f) => ({ title: f.title, output: applyEdits(plan, f.edits) }));
}

/** As ESLint's RuleTester: a rule that reports fixes declares `fixable`, one that reports suggestions `hasSuggestions`. */
function expectKindsDeclared(rule: Rule, findings: readonly Finding[]): void {
  const kinds = new Set(findings.flatMap((f) => (f.fixes ?? []).map((x) => x.kind)));
  if (kinds.has('fix')) expect(rule.meta.fixable, `${rule.meta.id} reports a fix, so its meta says fixable`).toBe(true);
  if (kinds.has('suggestion')) expect(rule.meta.hasSuggestions, `${rule.meta.id} reports a suggestion, so its meta says hasSuggestions`).toBe(true);
}

/** ESLint-style table test: valid plans have no findings; invalid ones exactly the listed ones. */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`accepts: ${c.name}`, () => {
        expect(runRule(rule, c).map((f) => f.message)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`reports: ${c.name}`, () => {
        const findings = runRule(rule, c);
        const actual = findings.map((f) => ({
          messageId: f.messageId,
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        }));
        expect(actual).toEqual(c.errors.map(({ messageId, line, column, endLine, endColumn }) => ({ messageId, line, column, endLine, endColumn })));
        c.errors.forEach((e, i) => {
          expect(findings[i].message).not.toMatch(/\{\{/);
          if (typeof e.message === 'string') expect(findings[i].message).toBe(e.message);
          else if (e.message) expect(findings[i].message).toMatch(e.message);
          if (e.suggestions) expect(suggestionsOf(c.plan, findings[i])).toEqual(e.suggestions);
        });
        expectKindsDeclared(rule, findings);
        if (c.output !== undefined) expect(applySafeFixes(c.plan, findings).text).toBe(c.output ?? c.plan);
      });
    }
  });
}
