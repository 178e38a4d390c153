import { isScalar, type Node, type YAMLMap } from 'yaml';
import { insertMapEntry, scalarText } from '../edits';
import { KIND_NOUNS } from '../entities';
import { ruleOptions } from '../ruleSupport/options';
import { personCandidates, personPickFixes } from '../ruleSupport/personPicks';
import type { Fix } from '../types';
import { pairOf } from '../yamlNodes';
import type { Rule } from './types';

/**
 * Every phase, integration, risk and kpi has an `owner` key (its value is checked by
 * known-references and the schema). With `inherit: true` (the default) checklist items and
 * milestones take their phase's owner, so they are never reported on their own: a phase
 * without an owner is reported once, at the phase, and fixing it covers its items. With
 * `inherit: false` each item and milestone needs its own `owner`.
 *
 * The suggestions insert `owner:`, one per declared person (choosing a person is never a
 * fix). In a block-style phase it goes right after `kind`
 * (else `name`), where plans usually write it; elsewhere at the end of the mapping.
 */

const TASK_LENGTH = 60;

function shortTask(task: string): string {
  return task.length > TASK_LENGTH ? `${task.slice(0, TASK_LENGTH - 1).trimEnd()}…` : task;
}

function ownKey(map: YAMLMap, key: string): boolean {
  return map.items.some((pair) => isScalar(pair.key) && pair.key.value === key);
}

const OPTIONS = ruleOptions({
  inherit: {
    description: "`true`: checklist items and milestones without an owner inherit their phase's owner. `false`: each needs its own `owner`. Default: `true`.",
    type: 'boolean',
    default: true,
    examples: [false],
  },
});

export const ownerRequired: Rule = {
  meta: {
    id: 'owner-required',
    category: 'sponsorship',
    defaultSeverity: 'warning',
    description: "every phase, integration, risk and kpi has an owner; checklist items and milestones inherit their phase's unless `inherit` is false",
    hasSuggestions: true,
    messages: {
      missing: '{{kind}} "{{id}}" has no owner; add owner: with the person accountable for it',
      notInherited:
        '{{kind}} "{{id}}" in phase "{{phase}}" has no owner of its own, and owners are not inherited here (inherit: false); add owner: with the person accountable for it',
    },
    ...OPTIONS,
  },
  check({ plan, options, report }) {
    const candidates = personCandidates(plan);
    const lacksOwner = (map: YAMLMap) => !pairOf(plan.source.doc, map, 'owner');
    const fixesFor = (map: YAMLMap, afterKeys: readonly string[] = []): Fix[] => {
      const afterKey = afterKeys.find((key) => ownKey(map, key));
      return personPickFixes(candidates, (id) => `set owner to ${id}`, (id) => insertMapEntry(plan.source, map, 'owner', scalarText(id), afterKey));
    };
    const reportAt = (node: Node, map: YAMLMap, data: Record<string, string>, idPath: string, afterKeys?: readonly string[]) =>
      report({ messageId: data.phase ? 'notInherited' : 'missing', data, node, fixes: fixesFor(map, afterKeys), idPath, extra: { candidates } });

    const inherit = options.inherit !== false;
    for (const phase of plan.phases) {
      if (lacksOwner(phase.map)) reportAt(phase.idNode, phase.map, { kind: 'phase', id: phase.id }, phase.idPath, ['kind', 'name']);
      if (inherit) continue;
      for (const item of phase.checklist) {
        if (!lacksOwner(item.map)) continue;
        const id = item.entity?.id ?? shortTask(item.task?.value ?? `#${item.index + 1}`);
        reportAt(item.entity?.idNode ?? item.task?.node ?? item.map, item.map, { kind: 'checklist item', id, phase: phase.id }, item.idPath);
      }
      for (const milestone of phase.milestones) {
        if (lacksOwner(milestone.map)) reportAt(milestone.idNode, milestone.map, { kind: 'milestone', id: milestone.id, phase: phase.id }, milestone.idPath);
      }
    }
    for (const entity of [...plan.integrations, ...plan.risks, ...plan.kpis]) {
      if (lacksOwner(entity.map)) reportAt(entity.idNode, entity.map, { kind: KIND_NOUNS[entity.kind], id: entity.id }, entity.idPath);
    }
  },
};
