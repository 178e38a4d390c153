import * as nodePath from 'node:path';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { isAlias, isScalar } from 'yaml';
import { dayFromIso, isoFromDay } from '../engine/calendar';
import { nodeAt } from '../engine/cursor';
import { milestoneDate } from '../engine/definitions';
import { KIND_NOUNS } from '../engine/entities';
import type { Entity, Person, Phase, Plan } from '../engine/model';
import { declarationOf, directoryOccurrences, occurrenceAt, planOccurrences, type IdOccurrence } from '../engine/occurrences';
import { responsibilitiesOf } from '../engine/responsibilities';
import { ruleMeta } from '../engine/rules/index';
import { ruleDocUrl } from '../engine/ruleDocs';
import type { PhaseWindow, Schedule } from '../engine/schedule';
import { buildSchedule } from '../engine/scheduler';
import { buildTimeline } from '../engine/timeline';
import { variance } from '../engine/variance';
import { slipText } from '../render/timelineSlip';
import type { SchemaKind } from '../engine/schemaFiles';
import { descriptionOf, schemaAtPath, titleOf } from '../engine/schemaPath';
import { nodeOffsets, rangeFromOffsets } from '../engine/source';
import type { Analysis } from './project';
import type { SettingBaseline, SettingBaselines } from './settingBaseline';

/**
 * Hover: for an id, what it names (a person's name, role and what they are responsible for;
 * a phase's scheduled window, its calendar, its float and the critical chains it lies on, and
 * its planned and forecast dates when the plan records progress, and its dates in the
 * `crm-rollout.baseline` setting's version of the plan with the slip); for a key or value, the
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

function days(n: number): string {
  return `${n} working day${n === 1 || n === -1 ? '' : 's'}`;
}

/** `calendar France (de) · of wave 2`: the calendar the phase's dates are counted on, and why. */
function calendarLine(window: PhaseWindow, phase: Phase): string {
  const c = window.calendar;
  const name = c.id === undefined ? 'the plan\'s calendar' : c.label === c.id ? code(c.id) : `${c.label} (${code(c.id)})`;
  const via = c.via === 'wave' ? ` · of wave ${phase.wave?.value}` : c.via === 'phase' ? ' · its own `calendar:`' : '';
  return `calendar ${name}${via}`;
}

/**
 * Its float, and for a critical phase the critical chains it lies on (several when chains tie),
 * from the same timeline the preview draws.
 */
function floatLines(window: PhaseWindow, chains: readonly string[][]): string[] {
  const float = `float ${days(window.slack)}`;
  if (!window.critical) return [window.phase.actual?.end && window.slack <= 0 ? `${float} · complete` : float];
  const on = chains.filter((chain) => chain.includes(window.phase.id)).map((chain) => code(chain.join(' → ')));
  const why = window.slack < 0 ? 'critical: a fixed date its prerequisites cannot meet' : 'critical: any delay moves the plan\'s end or a fixed date';
  if (on.length === 0) return [`${float} · ${why}`];
  return [`${float} · ${why}`, `on the critical chain${on.length === 1 ? '' : 's'} ${on.join(', ')}`];
}

/** `planned … · forecast …` when the plan records progress (`actual` dates) and the forecast differs. */
function forecastLine(phase: Phase, planned: PhaseWindow, forecast: Schedule | undefined): string | undefined {
  const f = forecast?.windowOf(phase);
  if (!f) return undefined;
  const span = (w: PhaseWindow) => `${isoFromDay(w.start)} → ${isoFromDay(w.end)}`;
  const state = phase.actual?.end ? 'finished' : phase.actual?.start ? 'started' : undefined;
  return `planned ${span(planned)} · forecast ${span(f)}${state ? ` (${state})` : ''}`;
}

/**
 * `baseline \`v1.0\` 2027-05-03 → 2027-05-28 · ends +5d (5 working days later)`: the phase in the
 * `crm-rollout.baseline` setting's version of the plan, and how far the schedule shown (the
 * forecast, else the planned one) ends from it, in working days of the phase's calendar as the
 * status report counts them. Nothing without the setting; one line when it cannot be used.
 */
function baselineLine(phase: Phase, shown: Schedule, ref: string, setting: SettingBaseline): string | undefined {
  if (setting.problem !== undefined) return `no baseline: ${setting.problem} (\`crm-rollout.baseline\`)`;
  const { baseline } = setting;
  if (!baseline) return undefined;
  const label = `baseline ${code(ref)}`;
  const before = baseline.schedule.phaseById.get(phase.id);
  const was = before && baseline.schedule.windowOf(before);
  if (!was) return `${label}: not in that version of the plan`;
  const slip = variance(baseline.schedule, shown).phases.find((v) => v.phase === phase)?.days ?? 0;
  const ends = slip === 0 ? 'ends on time' : `ends ${slipText(slip)} (${days(Math.abs(slip))} ${slip > 0 ? 'later' : 'earlier'})`;
  return `${label} ${isoFromDay(was.start)} → ${isoFromDay(was.end)} · ${ends}`;
}

function phaseLines(entity: Phase, plan: Plan, schedule: Schedule | undefined, view: PhaseView): string[] {
  const phase = plan.phases.find((p) => p === entity) ?? plan.phases.find((p) => p.id === entity.id);
  if (!phase) return [`**phase** ${code(entity.id)}`];
  const kind = phase.phaseKind ? ` (${phase.phaseKind.value})` : '';
  const lines = [`**phase** ${code(phase.id)}${phase.name ? ` — ${phase.name.value}` : ''}${kind}`];
  const window = schedule?.windowOf(phase);
  if (schedule && window) {
    lines.push(`${isoFromDay(window.start)} → ${isoFromDay(window.end)} · ${days(window.workingDays)}`);
    const forecast = view.forecast();
    if (forecast) {
      const line = forecastLine(phase, window, forecast);
      if (line) lines.push(line);
    }
    const againstBaseline = baselineLine(phase, forecast ?? schedule, view.ref, view.baseline());
    if (againstBaseline) lines.push(againstBaseline);
    lines.push(calendarLine(window, phase));
    const shown = forecast?.windowOf(phase) ?? window;
    lines.push(...floatLines(shown, shown.critical ? view.chains(forecast ? 'forecast' : 'planned') : []));
  } else {
    lines.push('not scheduled: give it a `start`, an `after` or a `calendar.start`');
  }
  const facts = [phase.owner ? `owner ${phase.owner.value}` : undefined, phase.after.length ? `after ${phase.after.map((a) => a.value).join(', ')}` : undefined];
  if (phase.checklist.length > 0) facts.push(`checklist ${phase.checklist.filter((c) => c.done).length}/${phase.checklist.length} done`);
  const shown = facts.filter(Boolean);
  if (shown.length > 0) lines.push(shown.join(' · '));
  return lines;
}

function entityLines(entity: Entity, plan: Plan | undefined, schedule: Schedule | undefined, plansImporting: readonly Analysis[], view: PhaseView): string[] {
  if (entity.kind === 'person' || entity.kind === 'team') return personLines(entity, plan, plansImporting);
  if (entity.kind === 'phase' && plan) return phaseLines(entity as Phase, plan, schedule, view);
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

/**
 * What a phase hover needs beyond the planned schedule, computed only when a phase is hovered:
 * the forecast (only for a plan that records `actual` dates; its as-of date is the editor's
 * `asOf` setting) and the critical chains of the schedule shown.
 */
interface PhaseView {
  forecast(): Schedule | undefined;
  chains(which: 'planned' | 'forecast'): string[][];
  /** The `crm-rollout.baseline` setting and what it resolves to. */
  ref: string;
  baseline(): SettingBaseline;
}

function phaseView(analysis: Analysis, baselines: SettingBaselines): PhaseView {
  const { plan } = analysis.result;
  const asOf = dayFromIso(analysis.settings.asOf);
  let forecast: Schedule | undefined | null = null;
  return {
    forecast() {
      if (forecast === null) forecast = plan && asOf !== undefined && plan.phases.some((p) => p.actual) ? buildSchedule(plan, { mode: 'forecast', asOf }) : undefined;
      return forecast;
    },
    chains(which) {
      const schedule = which === 'forecast' ? this.forecast() : analysis.result.schedule;
      return schedule ? buildTimeline({ ...analysis.result, schedule }, analysis.settings.asOf).criticalChains : [];
    },
    ref: analysis.settings.baseline,
    baseline: () => baselines.of(analysis),
  };
}

function schemaKindOf(analysis: Analysis): SchemaKind {
  const role = analysis.result.role;
  return role === 'config' ? 'config' : role === 'plan' ? 'plan' : 'directory';
}

export function hover(analysis: Analysis, offset: number, plansImporting: readonly Analysis[], baselines: SettingBaselines): Hover | null {
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
      sections.push(entityLines(entity, result.plan, result.schedule, plansImporting, phaseView(analysis, baselines)).join('\n\n'));
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
