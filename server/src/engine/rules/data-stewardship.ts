import { phasesOfKind } from '../definitions';
import { scalarText } from '../edits';
import { keyNodeOf, type Plan } from '../model';
import { setGovernanceEntry } from '../planEdits';
import { personCandidates, personPickFixes } from '../ruleSupport/personPicks';
import type { Fix } from '../types';
import type { Report, Rule } from './types';

/** Why the plan needs a steward, or undefined when it moves no data. */
function migrationReason(plan: Plan): string | undefined {
  const replaces = plan.crm?.replaces ?? [];
  if (replaces.length > 0) {
    const names = replaces.map((r) => `"${r.value}"`);
    return `the plan replaces ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]}`;
  }
  const phase = phasesOfKind(plan, 'data-migration')[0];
  return phase ? `the plan migrates data in phase "${phase.id}"` : undefined;
}

/** The narrowest node of a missing or empty `governance.data_stewards`. */
function locate(plan: Plan): Pick<Report, 'node'> {
  const governance = plan.governance;
  if (!governance) return { node: plan.name?.node ?? plan.root };
  const value = governance.dataStewardsNode;
  if (value?.range && value.range[0] < value.range[1]) return { node: value };
  return { node: keyNodeOf(plan.source, governance.map, 'data_stewards') ?? keyNodeOf(plan.source, plan.root!, 'governance') ?? governance.map };
}

export const dataStewardship: Rule = {
  meta: {
    id: 'data-stewardship',
    category: 'data',
    defaultSeverity: 'warning',
    description: 'when the plan migrates data (a data-migration phase or crm.replaces), governance.data_stewards names at least one person',
    hasSuggestions: true,
    messages: {
      missing: '{{reason}}, but governance.data_stewards names no one; name the people who keep the CRM data accurate{{suggestion}}',
    },
  },
  check({ plan, report }) {
    const reason = migrationReason(plan);
    if (!reason || (plan.governance?.dataStewards.length ?? 0) > 0) return;
    const phase = phasesOfKind(plan, 'data-migration')[0];
    const owner = phase?.owner?.value;
    const title = (id: string) => `add data_stewards: [${id}]`;
    const editFor = (id: string) => setGovernanceEntry(plan, 'data_stewards', `[${scalarText(id)}]`);
    let fixes: Fix[];
    if (owner) {
      // The owner of the first data-migration phase already answers for the data.
      const edit = editFor(owner);
      fixes = edit ? [{ title: title(owner), edits: [edit], kind: 'suggestion' }] : [];
    } else {
      fixes = personPickFixes(personCandidates(plan), title, editFor);
    }
    report({
      messageId: 'missing',
      data: { reason, suggestion: owner ? `, such as "${owner}", who owns data-migration phase "${phase.id}"` : '' },
      ...locate(plan),
      fixes,
      idPath: 'governance/data_stewards',
    });
  },
};
