import { isoFromDay } from '../calendar';
import { findTagHint, goLiveDate, itemsTagged, phasesOfKind } from '../definitions';
import { addToListKey, scalarText } from '../edits';
import type { ChecklistItem, Integration, Plan } from '../model';
import { firstTaggedIndex, insertItemFix, itemLabel, missedItemReport, type InsertionPoint } from '../ruleSupport/datedItems';
import { datedWithin, judge, type Deadline } from '../ruleSupport/deadlines';
import type { Schedule } from '../schedule';
import type { Fix } from '../types';
import { asSeq, valueOf } from '../yamlNodes';
import type { Rule } from './types';

function containsWords(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|\\W)${escaped}(?:$|\\W)`, 'i').test(text);
}

/** Whether an item's task text names `integration` as whole words: its id, or its system's full name. */
function mentions(item: ChecklistItem, integration: Integration): boolean {
  const task = item.task?.value;
  if (!task) return false;
  return containsWords(task, integration.id) || (integration.system !== undefined && containsWords(task, integration.system.value));
}

/** The testing phase a new test goes into: the first one that ends before G, else the first one. */
function testingTarget(plan: Plan, schedule: Schedule, goLive: number): InsertionPoint | undefined {
  const testing = phasesOfKind(plan, 'testing');
  const phase = testing.find((p) => (schedule.windowOf(p)?.end ?? Infinity) < goLive) ?? testing[0];
  // Integration tests come before user acceptance testing.
  return phase ? { phase, beforeIndex: firstTaggedIndex(phase, ['uat']) } : undefined;
}

export const integrationTested: Rule = {
  meta: {
    id: 'integration-tested',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'each integration is covered by an integration-test item whose refs name it, with its effective date before go-live (G)',
    hasSuggestions: true,
    messages: {
      missing:
        'integration "{{integration}}" has no item tagged integration-test that names it in refs and is due before go-live ({{goLive}}); test the data flow with {{system}} before launch{{hint}}',
      late: 'integration-test item {{item}} for "{{integration}}" {{when}}, not before go-live ({{goLive}}); test the integration before {{goLive}}',
    },
  },
  check({ plan, schedule, report }) {
    const goLive = goLiveDate(schedule);
    if (goLive === undefined) return;
    const deadline: Deadline = { day: goLive, relation: 'before' };
    const onTime = datedWithin(schedule, deadline);
    const tests = itemsTagged(plan, 'integration-test');
    for (const integration of plan.integrations) {
      const data = { integration: integration.id, goLive: isoFromDay(goLive) };
      const verdict = judge(tests.filter((t) => t.refs.some((r) => r.value === integration.id)), schedule, deadline);
      if (verdict.status === 'missed') {
        report(missedItemReport('late', verdict, schedule, deadline, ['integration-test'], data));
        continue;
      }
      if (verdict.status !== 'absent') continue;
      const fixes: Fix[] = [];
      // A test that already talks about this integration only lacks the ref: offer to add it (a guess from its text, so a suggestion).
      const unreferenced = tests.find((t) => onTime(t) && mentions(t, integration));
      let hint = '';
      if (unreferenced) {
        hint = `; item ${itemLabel(unreferenced)} is tagged integration-test but its refs do not name "${integration.id}"`;
        const { doc } = unreferenced.source;
        const refs = asSeq(doc, valueOf(doc, unreferenced.map, 'refs'));
        const edit = addToListKey(unreferenced.source, unreferenced.map, 'refs', refs, scalarText(integration.id));
        if (edit) fixes.push({ title: `add "${integration.id}" to the refs of ${itemLabel(unreferenced)}`, edits: [edit], kind: 'suggestion' });
      } else {
        const namesIt = (item: ChecklistItem) => item.refs.some((r) => r.value === integration.id) || mentions(item, integration);
        hint = findTagHint(plan, 'integration-test', (item) => onTime(item) && namesIt(item)) ?? '';
      }
      const target = testingTarget(plan, schedule, goLive);
      const system = integration.system?.value ?? integration.id;
      const insert = target && insertItemFix(schedule, target, { task: `Test the ${system} integration end to end`, tags: ['integration-test'], refs: [integration.id] }, deadline);
      if (insert) fixes.push(insert);
      report({
        messageId: 'missing',
        data: { ...data, system, hint },
        node: integration.idNode,
        fixes,
        idPath: integration.idPath,
      });
    }
  },
};
