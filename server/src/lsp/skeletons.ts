import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { dayFromIso, isoFromDay, WorkCalendar } from '../engine/calendar';
import { allPeople } from '../engine/model';
import { schemaAtPath, type PathSegment } from '../engine/schemaPath';
import { CHECKLIST_TAGS, PHASE_KINDS } from '../engine/vocabulary';
import { block, choice, escapeSnippet, item, type Shape, type Site } from './snippets';

/**
 * Skeletons offered where a new phase, milestone or checklist item starts, with tab stops
 * for what must be filled in: the owner is a choice of the plan's people, `after` defaults
 * to the phase before, kinds and tags are choices from the vocabulary.
 */

/** Skeletons for a new item of `phases`, `milestones` or `checklist`, chosen by the item's schema. */
export function skeletonItems(site: Site, seqPath: PathSegment[], index: number, shape: Shape): CompletionItem[] {
  const at = schemaAtPath(site.kind, [...seqPath, index]);
  const plan = site.plan;
  const peopleIds = plan ? allPeople(plan).map((p) => p.id) : [];
  const owner = (n: number) => choice(n, peopleIds, 'owner');
  const make = (label: string, lines: string[], detail: string) =>
    item(site, label, block(lines, shape), { kind: CompletionItemKind.Snippet, detail, sortText: `0${label}` });
  switch (at?.defName) {
    case 'phase': {
      const previous = plan?.phases.filter((p) => p.index < index).pop();
      const lines = ['id: ${1:new-phase}', 'name: ${2:New phase}', `kind: ${choice(3, PHASE_KINDS, 'planning')}`, `owner: ${owner(4)}`];
      if (previous) lines.push(`after: [\${5:${escapeSnippet(previous.id)}}]`);
      lines.push('duration: ${6:2w}', 'checklist:', '  - { task: ${7:First task}, tags: [${8:tag}] }', 'milestones:', '  - { id: ${9:new-phase-done}, name: ${10:Phase done} }');
      return [make('phase', lines, 'new phase skeleton')];
    }
    case 'milestone':
      return [make('milestone', ['id: ${1:new-milestone}', 'name: ${2:Milestone name}', `owner: ${owner(3)}`, 'gate: ${4|true,false|}', 'criteria:', '  - ${5:What must hold to pass}'], 'new milestone skeleton')];
    case 'checklistItem':
      return [
        make('checklist item', ['task: ${1:What needs doing}', `owner: ${owner(2)}`, `tags: [${choice(3, CHECKLIST_TAGS, 'tag')}]`], 'new checklist item skeleton'),
        make('checklist item (one line)', [`{ task: \${1:What needs doing}, tags: [${choice(2, CHECKLIST_TAGS, 'tag')}] }`], 'new checklist item on one line'),
      ];
    default:
      return [];
  }
}

/** A whole plan, for an empty plan file. */
export function planSkeleton(site: Site): CompletionItem {
  const lines = [
    'plan: 1',
    'name: ${1:CRM rollout}',
    'organization: { name: ${2:Organisation}, size: ${3|small,mid,enterprise|} }',
    'sponsor: ${4:sponsor-id}',
    'owner: ${5:owner-id}',
    'calendar:',
    `  start: \${6:${isoFromDay(new WorkCalendar().nextAfter(dayFromIso(site.asOf) ?? 0))}}`,
    'people:',
    '  - { id: ${4:sponsor-id}, name: ${7:Sponsor name} }',
    '  - { id: ${5:owner-id}, name: ${8:Owner name} }',
    'objectives:',
    '  - { id: ${9:first-objective}, statement: ${10:What the rollout must achieve} }',
    'phases:',
    '  - id: ${11:discovery}',
    '    name: ${12:Discovery and planning}',
    '    kind: planning',
    '    owner: ${5:owner-id}',
    '    duration: ${13:4w}',
  ];
  return item(site, 'plan', block(lines, { dash: true, space: false, column: 0 }), { kind: CompletionItemKind.Snippet, detail: 'new plan skeleton', sortText: '0plan' });
}
