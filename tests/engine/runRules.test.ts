import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import type { Rule } from '../../server/src/engine/rules/types';

const PLAN_PATH = '/w/plan.rollout.yaml';
const PLAN = 'plan: 1\nname: Pilot\n';

function lintWith(rule: Rule) {
  const settings = new Map([[rule.meta.id, { severity: rule.meta.defaultSeverity, options: {} }]]);
  return lintText(PLAN_PATH, PLAN, { fs: new MemoryFileSystem({ [PLAN_PATH]: PLAN }), only: { rules: [rule], settings } }).findings;
}

describe('runRules', () => {
  it('turns a report with a messageId the rule does not declare into an internal error, never a message made of the id', () => {
    const rule: Rule = {
      meta: { id: 'test-rule', category: 'integrity', defaultSeverity: 'info', description: 'test rule', messages: { declared: 'declared message' } },
      check: (context) => context.report({ messageId: 'undeclared', node: context.plan.name?.node }),
    };
    expect(lintWith(rule).map((f) => [f.ruleId, f.messageId, f.message])).toEqual([
      ['test-rule', 'internalError', 'rule "test-rule" failed on this plan (reported messageId "undeclared", which its meta.messages does not declare); please report this bug'],
    ]);
  });

  it('fills a declared message template from the report data', () => {
    const rule: Rule = {
      meta: { id: 'test-rule', category: 'integrity', defaultSeverity: 'info', description: 'test rule', messages: { named: 'plan is named {{name}}' } },
      check: (context) => context.report({ messageId: 'named', data: { name: context.plan.name?.value ?? '' }, node: context.plan.name?.node }),
    };
    expect(lintWith(rule).map((f) => [f.messageId, f.message, f.range.start.line, f.range.start.character])).toEqual([['named', 'plan is named Pilot', 1, 6]]);
  });
});
