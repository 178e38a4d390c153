import { isoFromDay } from '../calendar';
import { findTagHint, itemsTagged, phasesOfKind } from '../definitions';
import { flowMapText } from '../edits';
import type { ChecklistItem, Phase, Plan } from '../model';
import { insertChecklistItem } from '../planEdits';
import { judge } from '../ruleSupport/deadlines';
import type { Schedule } from '../schedule';
import type { Fix } from '../types';
import { pairOf } from '../yamlNodes';
import type { Rule } from './types';

/**
 * Only while `crm.product` is absent (the vendor is not chosen yet): an item tagged
 * vendor-selection in a planning or design phase has ED before the first configuration phase
 * starts (the earliest start among configuration phases), else before G.
 *
 * Decisions where rules.md is silent: silent without a planning or design phase
 * (required-phases reports it); with neither a configuration phase nor a go-live date, such an
 * item only has to exist; an item whose ED cannot be known (its phase cannot be scheduled)
 * counts, as the rule cannot show it late. The suggestion inserts the item into the first planning
 * phase in file order (else the first design phase), with a `due` on the last working day
 * before the deadline when that phase ends too late, as a suggestion. A late item gets none:
 * moving its date or the configuration is a choice.
 */

const ITEM_TASK = 'Evaluate CRM vendors against the requirements and select the product';
const SELECTION_KINDS = new Set(['planning', 'design']);

/** The day the vendor must be chosen by (strictly before it), with words for the message. */
interface SelectionDeadline {
  day: number;
  what: string;
}

function inSelectionPhase(item: ChecklistItem): boolean {
  return SELECTION_KINDS.has(item.phase.phaseKind?.value ?? '');
}

/** The start of the first configuration phase, else G, with words for the message. */
function deadlineOf(plan: Plan, schedule: Schedule): SelectionDeadline | undefined {
  let first: { phase: Phase; start: number } | undefined;
  for (const phase of phasesOfKind(plan, 'configuration')) {
    const start = schedule.windowOf(phase)?.start;
    if (start !== undefined && (!first || start < first.start)) first = { phase, start };
  }
  if (first) return { day: first.start, what: `the first configuration phase "${first.phase.id}" starts (${isoFromDay(first.start)})` };
  const goLive = schedule.goLives[0];
  const goLiveStart = goLive ? schedule.windowOf(goLive)?.start : undefined;
  if (goLive && goLiveStart !== undefined) return { day: goLiveStart, what: `go-live "${goLive.id}" starts (${isoFromDay(goLiveStart)})` };
  return undefined;
}

function insertItemFix(schedule: Schedule, phase: Phase, deadline: SelectionDeadline | undefined): Fix[] {
  const window = schedule.windowOf(phase);
  const item: Record<string, string | string[]> = { task: ITEM_TASK, tags: ['vendor-selection'] };
  if (deadline && window && window.end >= deadline.day) {
    const due = schedule.calendar.previousBefore(deadline.day);
    if (due >= window.start) item.due = isoFromDay(due);
  }
  const edit = insertChecklistItem(phase, flowMapText(item));
  return edit ? [{ title: `add a vendor-selection item to "${phase.id}"`, edits: [edit], kind: 'suggestion' }] : [];
}

export const vendorSelection: Rule = {
  meta: {
    id: 'vendor-selection',
    category: 'objectives',
    defaultSeverity: 'warning',
    description: 'while crm.product is absent, a planning or design phase selects the vendor before configuration starts (else before go-live)',
    hasSuggestions: true,
    messages: {
      missing:
        'no CRM product is chosen yet (crm.product is absent) and no planning or design phase has an item tagged vendor-selection; evaluate vendors and select one in "{{phase}}" before {{deadline}}{{detail}}',
      late: 'vendor selection "{{task}}" is due {{due}}, not before {{deadline}}; move it earlier so that the product is chosen before work depends on it',
    },
  },
  check({ plan, schedule, report }) {
    if (plan.crm && pairOf(plan.source.doc, plan.crm.map, 'product')) return;
    const target = phasesOfKind(plan, 'planning')[0] ?? phasesOfKind(plan, 'design')[0];
    if (!target) return;
    const deadline = deadlineOf(plan, schedule);
    const tagged = itemsTagged(plan, 'vendor-selection');
    const candidates = tagged.filter(inSelectionPhase);
    if (candidates.length === 0) {
      const elsewhere = tagged[0];
      const detail = elsewhere
        ? `; item "${elsewhere.task?.value ?? elsewhere.idPath}" is tagged vendor-selection but its phase "${elsewhere.phase.id}" is not a planning or design phase`
        : (findTagHint(plan, 'vendor-selection') ?? '');
      report({
        messageId: 'missing',
        data: { phase: target.id, deadline: deadline?.what ?? 'configuration starts', detail },
        node: target.idNode,
        fixes: insertItemFix(schedule, target, deadline),
        idPath: target.idPath,
      });
      return;
    }
    if (!deadline) return;
    // Silent when some candidate is on time or undated (it might be); else the earliest one is late.
    const verdict = judge(candidates, schedule, { day: deadline.day, relation: 'before' });
    if (verdict.status !== 'missed') return;
    const { item, day } = verdict;
    report({
      messageId: 'late',
      data: { task: item.task?.value ?? item.idPath, due: isoFromDay(day), deadline: deadline.what },
      node: item.due?.node ?? item.task?.node ?? item.map,
      idPath: item.idPath,
    });
  },
};
