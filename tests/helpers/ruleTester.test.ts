import { describe, expect, it } from 'vitest';
import type { Rule } from '../../server/src/engine/rules/types';
import { expectInvalid, expectValid, type InvalidCase } from './ruleTester';

/** The RuleTester fails the cases it should: a tester that always passes would prove nothing. */

const PLAN = 'plan: 1\nname: Pilot\n';

/**
 * Reports the plan's name; `fix` says whether it offers a fix that renames it, `suggest` whether
 * it suggests a new name; `declared` whether its meta declares them (default: it does).
 */
function nameRule(options: { messageId?: string; fix?: boolean; suggest?: boolean; declared?: boolean }): Rule {
  const declared = options.declared ?? true;
  return {
    meta: {
      id: 'test-name',
      category: 'integrity',
      defaultSeverity: 'warning',
      description: 'test rule',
      messages: { named: 'plan is named {{name}}' },
      fixable: declared && options.fix,
      hasSuggestions: declared && options.suggest,
    },
    check(context) {
      const name = context.plan.name;
      if (!name) return;
      const [start, end] = name.node.range ?? [0, 0];
      context.report({
        messageId: options.messageId ?? 'named',
        data: { name: name.value },
        node: name.node,
        fixes: [
          ...(options.fix ? [{ title: 'rename', kind: 'fix' as const, edits: [{ start, end, newText: 'Renamed' }] }] : []),
          ...(options.suggest ? [{ title: 'name it Suggested', kind: 'suggestion' as const, edits: [{ start, end, newText: 'Suggested' }] }] : []),
        ],
      });
    },
  };
}

const ERROR = { messageId: 'named', line: 2, column: 7, endLine: 2, endColumn: 12, message: 'plan is named Pilot' };
const invalid = (output: string | null): InvalidCase => ({ name: 'named', plan: PLAN, errors: [ERROR], output });

describe('RuleTester', () => {
  it('passes an invalid case whose findings, positions and output match', () => {
    expect(() => expectInvalid(nameRule({ fix: true }), invalid('plan: 1\nname: Renamed\n'))).not.toThrow();
    expect(() => expectInvalid(nameRule({}), invalid(null))).not.toThrow();
  });

  it('fails an invalid case that says output: null although a safe fix applies', () => {
    expect(() => expectInvalid(nameRule({ fix: true }), invalid(null))).toThrow(/a fix applies/);
  });

  it('never applies a suggestion to output, and checks the suggestions a case states', () => {
    const suggested = { title: 'name it Suggested', output: 'plan: 1\nname: Suggested\n' };
    expect(() => expectInvalid(nameRule({ suggest: true }), { ...invalid(null), errors: [{ ...ERROR, suggestions: [suggested] }] })).not.toThrow();
    expect(() => expectInvalid(nameRule({ suggest: true }), invalid('plan: 1\nname: Suggested\n'))).toThrow();
    expect(() => expectInvalid(nameRule({ suggest: true }), { ...invalid(null), errors: [{ ...ERROR, suggestions: [] }] })).toThrow(/suggestions/);
    expect(() => expectInvalid(nameRule({ suggest: true }), { ...invalid(null), errors: [{ ...ERROR, suggestions: [{ ...suggested, title: 'other' }] }] })).toThrow();
  });

  it('fails a rule that reports a fix or a suggestion its meta does not declare', () => {
    expect(() => expectInvalid(nameRule({ fix: true, declared: false }), invalid('plan: 1\nname: Renamed\n'))).toThrow(/fixable/);
    expect(() => expectInvalid(nameRule({ suggest: true, declared: false }), invalid(null))).toThrow(/hasSuggestions/);
  });

  it('fails an invalid case whose output is the unchanged plan', () => {
    expect(() => expectInvalid(nameRule({}), invalid(PLAN))).toThrow(/write `output: null`/);
  });

  it('fails an invalid case whose output differs from the fixed plan', () => {
    expect(() => expectInvalid(nameRule({ fix: true }), invalid('plan: 1\nname: Other\n'))).toThrow();
  });

  it('fails a finding whose messageId the rule does not declare, instead of using the id as message', () => {
    const rule = nameRule({ messageId: 'undeclared' });
    expect(() => expectInvalid(rule, { ...invalid(null), errors: [{ ...ERROR, messageId: 'undeclared', message: undefined }] })).toThrow(/messageId/);
  });

  it('fails an invalid case with a wrong range', () => {
    expect(() => expectInvalid(nameRule({}), { ...invalid(null), errors: [{ ...ERROR, endColumn: 11 }] })).toThrow();
  });

  it('fails an invalid case that lists no finding', () => {
    expect(() => expectInvalid(nameRule({}), { ...invalid(null), plan: 'plan: 1\n', errors: [] })).toThrow(/at least one finding/);
  });

  it('fails a valid case that gets a finding', () => {
    expect(() => expectValid(nameRule({}), { name: 'named', plan: PLAN })).toThrow();
    expect(() => expectValid(nameRule({}), { name: 'unnamed', plan: 'plan: 1\n' })).not.toThrow();
  });

  it('fails a case whose plan is not well-formed YAML', () => {
    expect(() => expectValid(nameRule({}), { name: 'broken', plan: 'plan: 1\nname: [Pilot\n' })).toThrow(/not well-formed YAML/);
  });
});
