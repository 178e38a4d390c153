import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_METAS, RULES } from '../../server/src/engine/rules/index';
import { renderConfigSchema } from '../../scripts/configSchema';
import { README_RULES_END, README_RULES_START, renderReadmeRules, renderRuleIndex, ruleSummaryLine, SUMMARY_LINE } from '../../scripts/ruleIndex';
import { RULES_MD } from './contract';

/** Keeps the registry, the rule pages, the rule tests and the spec's catalogue in step (ESLint's meta-test). */
const root = path.resolve(__dirname, '../..');
const docsDir = path.join(root, 'docs/rules');
const testsDir = path.join(root, 'tests/rules');
const registered = new Set(RULE_METAS.map((m) => m.id));
/** Tests in tests/rules that are about all rules rather than one. */
const NOT_RULE_TESTS = new Set(['meta.test.ts', 'presets.test.ts', 'pages.test.ts']);

describe('rule registry', () => {
  it('registers every rule id of rules.md with its category, default severity and all-only flag', () => {
    const actual = RULES_MD.map(([id]) => {
      const meta = RULE_METAS.find((m) => m.id === id);
      return meta ? [meta.id, meta.category, meta.defaultSeverity, meta.allOnly === true] : [id, 'not registered'];
    });
    expect(actual).toEqual(RULES_MD.map((row) => [...row]));
  });

  it('registers no rule id that the catalogue does not list (core ids included)', () => {
    const catalogue = new Set(RULES_MD.map(([id]) => id));
    expect(RULE_METAS.map((m) => m.id).filter((id) => !catalogue.has(id))).toEqual([]);
  });

  it('registers no rule id twice', () => {
    expect(RULE_METAS.length).toBe(registered.size);
  });

  for (const meta of RULE_METAS) {
    describe(meta.id, () => {
      it('has a doc page', () => {
        expect(fs.existsSync(path.join(docsDir, `${meta.id}.md`)), `docs/rules/${meta.id}.md`).toBe(true);
      });

      it('says on its page whether it offers fixes and suggestions, as its meta does (npm run docs rewrites the line)', () => {
        const file = path.join(docsDir, `${meta.id}.md`);
        const page = fs.readFileSync(file, 'utf8');
        const expected = ruleSummaryLine(meta);
        if (process.env.UPDATE_DOCS && SUMMARY_LINE.test(page)) fs.writeFileSync(file, page.replace(SUMMARY_LINE, expected));
        expect(fs.readFileSync(file, 'utf8').match(SUMMARY_LINE)?.[0]).toBe(expected);
      });

      it('has at least one message, each lowercase and free of trailing punctuation', () => {
        const messages = Object.values(meta.messages);
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) expect(m).toMatch(/^(\{\{|[a-z"'])[^]*[^.]$/);
      });
    });
  }

  for (const rule of RULES) {
    it(`${rule.meta.id} has a test file with valid and invalid cases`, () => {
      const file = path.join(testsDir, `${rule.meta.id}.test.ts`);
      expect(fs.existsSync(file), `tests/rules/${rule.meta.id}.test.ts`).toBe(true);
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toMatch(/testRule\(/);
      expect(text, 'a valid case').toMatch(/\bvalid:\s*\[\s*\{/);
      expect(text, 'an invalid case').toMatch(/\binvalid:\s*\[\s*\{/);
    });

    it(`${rule.meta.id} has an invalid case for every messageId it declares`, () => {
      const text = fs.readFileSync(path.join(testsDir, `${rule.meta.id}.test.ts`), 'utf8');
      const untested = Object.keys(rule.meta.messages).filter((id) => !text.includes(`messageId: '${id}'`));
      expect(untested).toEqual([]);
    });
  }

  it('has no doc page for an unknown rule', () => {
    const pages = fs.readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
    expect(pages.filter((id) => !registered.has(id))).toEqual([]);
  });

  it('has no rule test file for an unknown rule', () => {
    const tests = fs.readdirSync(testsDir).filter((f) => f.endsWith('.test.ts') && !NOT_RULE_TESTS.has(f));
    expect(tests.map((f) => f.replace(/\.test\.ts$/, '')).filter((id) => !registered.has(id))).toEqual([]);
  });

  it("keeps the README's rule count and table in step with the registry (npm run docs regenerates them)", () => {
    const file = path.join(root, 'README.md');
    const readme = fs.readFileSync(file, 'utf8');
    const start = readme.indexOf(README_RULES_START);
    const end = readme.indexOf(README_RULES_END);
    expect(start, 'README rule markers').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const expected = renderReadmeRules(RULE_METAS);
    if (process.env.UPDATE_DOCS) fs.writeFileSync(file, readme.slice(0, start) + expected + readme.slice(end + README_RULES_END.length));
    const current = fs.readFileSync(file, 'utf8');
    expect(current.slice(current.indexOf(README_RULES_START), current.indexOf(README_RULES_END) + README_RULES_END.length)).toBe(expected);
  });

  it('keeps docs/rules/README.md in step with the registry (npm run docs regenerates it)', () => {
    const expected = renderRuleIndex(RULE_METAS);
    const file = path.join(docsDir, 'README.md');
    if (process.env.UPDATE_DOCS) fs.writeFileSync(file, expected);
    expect(fs.readFileSync(file, 'utf8')).toBe(expected);
  });

  it('keeps the rule options of schemas/config.schema.json in step with the registry (npm run docs regenerates them)', () => {
    const file = path.join(root, 'schemas/config.schema.json');
    const text = fs.readFileSync(file, 'utf8');
    const expected = renderConfigSchema(JSON.parse(text), RULE_METAS);
    if (process.env.UPDATE_DOCS) fs.writeFileSync(file, expected);
    expect(fs.readFileSync(file, 'utf8')).toBe(expected);
  });

  for (const meta of RULE_METAS.filter((m) => m.optionsSchema)) {
    it(`${meta.id} declares a default for each option, equal to its defaultOptions`, () => {
      const properties = meta.optionsSchema!.properties as Record<string, { default?: unknown }>;
      const declared = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, property.default]));
      const defaults = meta.defaultOptions ?? {};
      for (const name of Object.keys(defaults)) expect(Object.keys(properties), `option "${name}" of defaultOptions`).toContain(name);
      for (const [name, value] of Object.entries(declared)) if (value !== undefined) expect(value, `default of "${name}"`).toEqual(defaults[name]);
    });
  }
});
