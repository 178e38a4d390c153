import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
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
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
  /** The text after applying every safe fix once; omit for rules without safe fixes. */
  output?: string;
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
  plan.importedCalendars = imports.calendars;
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
        expect(actual).toEqual(c.errors.map(({ message: _message, ...position }) => position));
        c.errors.forEach((e, i) => {
          expect(findings[i].message).not.toMatch(/\{\{/);
          if (typeof e.message === 'string') expect(findings[i].message).toBe(e.message);
          else if (e.message) expect(findings[i].message).toMatch(e.message);
        });
        if (c.output !== undefined) expect(applySafeFixes(c.plan, findings).text).toBe(c.output);
      });
    }
  });
}
