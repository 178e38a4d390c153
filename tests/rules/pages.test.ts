import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_RULES } from '../../server/src/engine/coreRules';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { RULES } from '../../server/src/engine/rules/index';
import type { Rule } from '../../server/src/engine/rules/types';
import type { Finding } from '../../server/src/engine/types';
import { rulePageExamples, type PageExample } from '../helpers/rulePages';

/** Runs the failing and passing example of every rule page (docs/rules/<id>.md). */
const docsDir = path.resolve(__dirname, '../../docs/rules');
const PLAN_PATH = '/docs/plan.rollout.yaml';

/** The example through the whole pipeline with only the page's rule on (core findings always run). */
function findingsOf(id: string, example: PageExample): Finding[] {
  const rule: Rule | undefined = RULES.find((r) => r.meta.id === id);
  const files = Object.fromEntries(Object.entries(example.files).map(([name, text]) => [path.posix.join('/docs', name), text]));
  const settings = new Map(rule ? [[id, { severity: rule.meta.defaultSeverity, options: { ...(rule.meta.defaultOptions ?? {}) } }]] : []);
  const result = lintText(PLAN_PATH, example.plan, {
    fs: new MemoryFileSystem({ [PLAN_PATH]: example.plan, ...files }),
    asOf: example.asOf,
    root: '/docs',
    only: { rules: rule ? [rule] : [], settings },
  });
  return [...result.findings, ...result.configFindings].filter((f) => f.ruleId === id);
}

/**
 * Pages whose examples are bytes, not YAML text (a Windows-1252 file cannot be shown in a
 * Markdown page): their cases run as files in tests/corpus/fixSafety.test.ts and
 * tests/platform/decode.test.ts instead.
 */
const BYTE_LEVEL_PAGES = new Set(['encoding']);

describe('rule pages', () => {
  for (const id of [...RULES.map((r) => r.meta.id), ...CORE_RULES.map((m) => m.id)].filter((id) => !BYTE_LEVEL_PAGES.has(id))) {
    describe(`docs/rules/${id}.md`, () => {
      const examples = rulePageExamples(fs.readFileSync(path.join(docsDir, `${id}.md`), 'utf8'));

      it('has a failing example that gets the findings its page shows', () => {
        expect(examples.failing, 'a "## Failing example" section with a yaml block').toBeDefined();
        const { messages } = examples.failing!;
        expect(messages.length, 'a text block with the message of each finding').toBeGreaterThan(0);
        const actual = findingsOf(id, examples.failing!).map((f) => f.message);
        for (const message of messages) expect(actual, 'the findings of the failing example').toContain(message);
      });

      it('has a passing example without a finding of this rule', () => {
        expect(examples.passing, 'a "## Passing example" section with a yaml block').toBeDefined();
        expect(findingsOf(id, examples.passing!).map((f) => f.message)).toEqual([]);
      });
    });
  }
});
