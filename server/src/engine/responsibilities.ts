import type { Plan, Ref } from './model';

/**
 * What a person or team is named for in a plan, in a few words per role, for the editor's
 * hover: `executive sponsor`, `owner of phases "discovery", "go-live"`, `owner of 3
 * checklist items`. Checklist items and milestones that inherit their phase's owner are not
 * counted: only what names the id explicitly.
 */
export function responsibilitiesOf(plan: Plan, id: string): string[] {
  const is = (ref: Ref | undefined) => ref?.value === id;
  const out: string[] = [];
  if (is(plan.sponsor)) out.push('executive sponsor');
  if (is(plan.owner)) out.push('project owner');
  if (is(plan.governance?.crmOwner)) out.push('CRM owner after go-live');
  if (plan.governance?.dataStewards.some(is)) out.push('data steward');
  const owned = (noun: string, plural: string, ids: string[]) => {
    if (ids.length === 1) out.push(`owner of ${noun} "${ids[0]}"`);
    else if (ids.length > 1) out.push(`owner of ${plural} ${ids.map((x) => `"${x}"`).join(', ')}`);
  };
  owned('objective', 'objectives', plan.objectives.filter((o) => is(o.owner)).map((o) => o.id));
  owned('phase', 'phases', plan.phases.filter((p) => is(p.owner)).map((p) => p.id));
  owned('milestone', 'milestones', plan.phases.flatMap((p) => p.milestones).filter((m) => is(m.owner)).map((m) => m.id));
  owned('integration', 'integrations', plan.integrations.filter((i) => is(i.owner)).map((i) => i.id));
  owned('customization', 'customizations', plan.customizations.filter((c) => is(c.owner)).map((c) => c.id));
  owned('risk', 'risks', plan.risks.filter((r) => is(r.owner)).map((r) => r.id));
  owned('kpi', 'kpis', plan.kpis.filter((k) => is(k.owner)).map((k) => k.id));
  const items = plan.phases.flatMap((p) => p.checklist).filter((c) => is(c.owner)).length;
  if (items > 0) out.push(`owner of ${items} checklist item${items === 1 ? '' : 's'}`);
  const audiences = plan.phases.filter((p) => p.audiences.some(is)).map((p) => p.id);
  if (audiences.length > 0) out.push(`trained in ${audiences.map((x) => `"${x}"`).join(', ')}`);
  return out;
}
