import { isoFromDay } from '../calendar';
import { findTagHint, goLiveDate, hasTag, phasesOfKind } from '../definitions';
import { firstTaggedIndex, insertItemFix } from '../ruleSupport/datedItems';
import type { Rule } from './types';

type ScopeTag = 'functional-test' | 'performance-test';

/** What each required kind of test is for (the message) and the item its fix inserts. */
const SCOPE: Record<ScopeTag, { advice: string; task: string }> = {
  'functional-test': {
    advice: 'test that the configured processes work as intended before users accept them',
    task: 'Functional test of the configured processes',
  },
  'performance-test': {
    advice: 'an enterprise rollout also tests speed under production data volumes and user numbers',
    task: 'Performance test with production data volumes and user numbers',
  },
};

export const testingScope: Rule = {
  meta: {
    id: 'testing-scope',
    category: 'data',
    defaultSeverity: 'info',
    allOnly: true,
    description: 'testing phases that end before go-live hold a functional-test item, and in enterprise plans also a performance-test item',
    hasSuggestions: true,
    messages: {
      missing: 'no testing phase that ends before go-live ({{goLive}}) holds an item tagged {{tag}}; {{advice}}{{hint}}',
    },
  },
  check({ plan, schedule, report }) {
    const goLive = goLiveDate(schedule);
    if (goLive === undefined) return;
    // Testing that runs into go-live is phase-order's finding; with none ending before G there is nothing to check here.
    const phases = phasesOfKind(plan, 'testing').filter((p) => {
      const end = schedule.windowOf(p)?.end;
      return end !== undefined && end < goLive;
    });
    if (phases.length === 0) return;
    const required: ScopeTag[] = plan.organization?.size?.value === 'enterprise' ? ['functional-test', 'performance-test'] : ['functional-test'];
    const target = phases[0];
    for (const tag of required) {
      if (phases.some((p) => p.checklist.some((item) => hasTag(item, tag)))) continue;
      // These tests come before user acceptance testing.
      const fix = insertItemFix(schedule, { phase: target, beforeIndex: firstTaggedIndex(target, ['uat']) }, { task: SCOPE[tag].task, tags: [tag] });
      report({
        messageId: 'missing',
        data: { goLive: isoFromDay(goLive), tag, advice: SCOPE[tag].advice, hint: findTagHint(plan, tag, (item) => phases.includes(item.phase)) ?? '' },
        node: target.idNode,
        fixes: fix ? [fix] : undefined,
        idPath: target.idPath,
      });
    }
  },
};
