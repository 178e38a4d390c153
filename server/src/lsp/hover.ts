import * as nodePath from 'node:path';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { isAlias, isScalar } from 'yaml';
import { isoFromDay } from '../engine/calendar';
import { nodeAt } from '../engine/cursor';
import { milestoneDate } from '../engine/definitions';
import { KIND_NOUNS } from '../engine/entities';
import type { Entity, Person, Phase, Plan } from '../engine/model';
import { declarationOf, directoryOccurrences, occurrenceAt, planOccurrences, type IdOccurrence } from '../engine/occurrences';
import { responsibilitiesOf } from '../engine/responsibilities';
import { ruleMeta } from '../engine/rules/index';
import { ruleDocUrl } from '../engine/ruleDocs';
import type { Schedule } from '../engine/schedule';
import type { SchemaKind } from '../engine/schemaFiles';
import { descriptionOf, schemaAtPath, titleOf } from '../engine/schemaPath';
import { nodeOffsets, rangeFromOffsets } from '../engine/source';
import type { Analysis } from './project';

/**
 * Hover: for an id, what it names (a person's name, role and what they are responsible for;
 * a phase's scheduled window, slack and whether it is critical); for a key or value, the
 * schema's description; for a place with a diagnostic, a link to each rule's page.
 */

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function list(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

function personLines(entity: Entity, plan: Plan | undefined, plansImporting: readonly Analysis[]): string[] {
  const lines: string[] = [];
  const person = entity.kind === 'person' ? (entity as Person) : undefined;
  lines.push(`**${KIND_NOUNS[entity.kind]}** ${code(entity.id)}${person?.name ? ` — ${person.name.value}` : ''}`);
  const facts = [person?.role?.value, person?.team ? `team ${person.team.value}` : undefined, person?.email?.value].filter(Boolean);
  if (facts.length > 0) lines.push(facts.join(' · '));
  if (plan && entity.source !== plan.source) lines.push(`declared in ${nodePath.basename(entity.source.path)}`);
  if (plan) {
    const roles = responsibilitiesOf(plan, entity.id);
    lines.push(roles.length > 0 ? list(roles) : 'named nowhere in this plan');
  } else {
    for (const other of plansImporting) {
      const otherPlan = other.result.plan;
      if (!otherPlan) continue;
      const roles = responsibilitiesOf(otherPlan, entity.id);
      if (roles.length > 0) lines.push(`in ${nodePath.basename(other.path)}:\n${list(roles)}`);
    }
  }
  return lines;
}

function phaseLines(entity: Phase, plan: Plan, schedule: Schedule | undefined): string[] {
  const phase = plan.phases.find((p) => p === entity) ?? plan.phases.find((p) => p.id === entity.id);
  if (!phase) return [`**phase** ${code(entity.id)}`];
  const kind = phase.phaseKind ? ` (${phase.phaseKind.value})` : '';
  const lines = [`**phase** ${code(phase.id)}${phase.name ? ` — ${phase.name.value}` : ''}${kind}`];
  const window = schedule?.windowOf(phase);
  if (window) {
    lines.push(`${isoFromDay(window.start)} → ${isoFromDay(window.end)} · ${window.workingDays} working day${window.workingDays === 1 ? '' : 's'}`);
    lines.push(window.critical ? 'on the critical path' : `slack ${window.slack} working day${window.slack === 1 ? '' : 's'}`);
  } else {
    lines.push('not scheduled: give it a `start`, an `after` or a `calendar.start`');
  }
  const facts = [phase.owner ? `owner ${phase.owner.value}` : undefined, phase.after.length ? `after ${phase.after.map((a) => a.value).join(', ')}` : undefined];
  if (phase.checklist.length > 0) facts.push(`checklist ${phase.checklist.filter((c) => c.done).length}/${phase.checklist.length} done`);
  const shown = facts.filter(Boolean);
  if (shown.length > 0) lines.push(shown.join(' · '));
  return lines;
}

function entityLines(entity: Entity, plan: Plan | undefined, schedule: Schedule | undefined, plansImporting: readonly Analysis[]): string[] {
  if (entity.kind === 'person' || entity.kind === 'team') return personLines(entity, plan, plansImporting);
  if (entity.kind === 'phase' && plan) return phaseLines(entity as Phase, plan, schedule);
  const head = `**${KIND_NOUNS[entity.kind]}** ${code(entity.id)}`;
  if (!plan) return [head];
  switch (entity.kind) {
    case 'objective': {
      const o = plan.objectives.find((x) => x === entity);
      const facts = [o?.metric?.value, o?.target !== undefined ? `target ${o.target.value}` : undefined, o?.due ? `due ${o.due.value}` : undefined].filter(Boolean);
      return [`${head}${o?.statement ? ` — ${o.statement.value}` : ''}`, ...(facts.length ? [facts.join(' · ')] : [])];
    }
    case 'milestone': {
      const m = plan.phases.flatMap((p) => p.milestones).find((x) => x === entity);
      const day = m && schedule ? milestoneDate(m, schedule) : undefined;
      const facts = [day !== undefined ? isoFromDay(day) : undefined, m?.gate ? 'go/no-go gate' : undefined, m ? `in phase ${m.phase.id}` : undefined].filter(Boolean);
      return [`${head}${m?.name ? ` — ${m.name.value}` : ''}`, ...(facts.length ? [facts.join(' · ')] : [])];
    }
    case 'integration': {
      const i = plan.integrations.find((x) => x === entity);
      return [`${head}${i?.system ? ` — ${i.system.value}` : ''}${i?.direction ? ` (${i.direction.value})` : ''}`];
    }
    default:
      return [head];
  }
}

function findingLines(analysis: Analysis, offset: number): string[] {
  return analysis.result.findings
    .filter((f) => f.offsets[0] <= offset && offset <= f.offsets[1])
    .map((f) => `${code(f.ruleId)}: ${ruleMeta(f.ruleId)?.description ?? 'see the rule page'} — [rule documentation](${ruleDocUrl(f.ruleId)})`);
}

function schemaKindOf(analysis: Analysis): SchemaKind {
  const role = analysis.result.role;
  return role === 'config' ? 'config' : role === 'plan' ? 'plan' : 'directory';
}

export function hover(analysis: Analysis, offset: number, plansImporting: readonly Analysis[]): Hover | null {
  const { result } = analysis;
  const { source } = result;
  const sections: string[] = [];
  let range: [number, number] | undefined;

  let occurrence: IdOccurrence | undefined;
  if (result.plan) occurrence = occurrenceAt(planOccurrences(result.plan), source.path, offset);
  else if (result.role === 'directory' && source.doc.contents) occurrence = occurrenceAt(directoryOccurrences(source), source.path, offset);
  if (occurrence) {
    const entity = occurrence.entity ?? (result.plan ? declarationOf(result.plan, occurrence.id) : undefined);
    if (entity) {
      sections.push(entityLines(entity, result.plan, result.schedule, plansImporting).join('\n\n'));
      range = nodeOffsets(occurrence.node);
    }
  }

  const at = sections.length === 0 && source.doc.contents ? nodeAt(source, offset) : undefined;
  // Only a key or a scalar value has a description to show; whitespace inside a block does not.
  if (at && at.path.length > 0 && (isScalar(at.node) || isAlias(at.node))) {
    const schema = schemaAtPath(schemaKindOf(analysis), at.path);
    const description = schema ? descriptionOf(schema) : undefined;
    if (schema && description) {
      const key = [...at.path].reverse().find((s) => typeof s === 'string');
      const title = titleOf(schema);
      sections.push(`**${key ?? 'item'}**${title && title !== key ? ` — ${title}` : ''}\n\n${description}`);
      range = nodeOffsets(at.node);
    }
  }

  const findings = findingLines(analysis, offset);
  if (findings.length > 0) sections.push(findings.join('\n\n'));
  if (sections.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: range ? rangeFromOffsets(source, range[0], range[1]) : undefined,
  };
}
