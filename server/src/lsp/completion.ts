import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { dayFromIso, isoFromDay, WorkCalendar } from '../engine/calendar';
import { completionContext, type CompletionContext, type CursorPosition } from '../engine/completionContext';
import { entityIndex, KIND_NOUNS } from '../engine/entities';
import { allPeople, allTeams } from '../engine/model';
import { RULE_METAS } from '../engine/rules/index';
import type { SchemaKind } from '../engine/schemaFiles';
import {
  childSchema,
  descriptionOf,
  enumValues,
  examplesOf,
  propertiesOf,
  schemaAtPath,
  titleOf,
  typesOf,
  type PathSegment,
  type SchemaAt,
} from '../engine/schemaPath';
import { rangeFromOffsets } from '../engine/source';
import { CHECKLIST_TAGS } from '../engine/vocabulary';
import type { Analysis } from './project';
import { planSkeleton, skeletonItems } from './skeletons';
import { block, choice, escapeSnippet, item, markdown, order, type Shape, type Site } from './snippets';
import { maxOf, pushAll } from '../engine/arrays';

/**
 * Completion from the schema and the plan: keys valid at the cursor (with their
 * descriptions), enum values, the ids a reference may name (phases and milestones in `after`,
 * calendar ids in `calendar:`, declared wave numbers in a phase's `wave:`, people in
 * `owner`, objectives in `supports`, tags in `tags`), a date snippet on the next working day,
 * and skeletons for a new phase, milestone or checklist item (skeletons.ts). Multi-line
 * insertions carry their own indentation (`InsertTextMode.asIs`), computed from the cursor's
 * column (snippets.ts).
 */

interface CompletionOptions {
  /** The client understands snippet syntax; otherwise plain text is inserted. */
  snippets: boolean;
}

function schemaKindOf(role: Analysis['result']['role']): SchemaKind {
  return role === 'config' ? 'config' : role === 'plan' ? 'plan' : 'directory';
}

function keyInsertion(name: string, at: SchemaAt, site: Site, shape: Shape): string {
  if (site.ctx.inFlow) return `${name}: $0`;
  const types = typesOf(at);
  if (types.includes('object')) return block([`${name}:`, '  $0'], shape);
  if (types.includes('array')) {
    const itemAt = childSchema(at, 0);
    if (itemAt && typesOf(itemAt).includes('object')) return block([`${name}:`, '  - $0'], shape);
    return block([`${name}: [$0]`], shape);
  }
  const values = enumValues(at).filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v)).map(String);
  if (values.length > 1) return block([`${name}: ${choice(1, values, '')}`], shape);
  return block([`${name}: $0`], shape);
}

function keyDocumentation(at: SchemaAt): string | undefined {
  const description = descriptionOf(at);
  const examples = examplesOf(at).filter((e) => typeof e !== 'object');
  if (!description) return undefined;
  return examples.length > 0 ? `${description}\n\nExample: \`${String(examples[0])}\`` : description;
}

function keyItems(site: Site, mapPath: PathSegment[], siblingKeys: readonly string[], shape: Shape): CompletionItem[] {
  const last = mapPath[mapPath.length - 1];
  if (site.kind === 'config' && last === 'rules') return ruleIdItems(site, siblingKeys, shape);
  const at = schemaAtPath(site.kind, mapPath);
  if (!at) return [];
  return propertiesOf(at)
    .filter((p) => !siblingKeys.includes(p.name))
    .map((p, i) =>
      item(site, p.name, keyInsertion(p.name, p.at, site, shape), {
        kind: CompletionItemKind.Property,
        detail: titleOf(p.at) ?? (p.required ? 'required' : undefined),
        documentation: markdown(keyDocumentation(p.at)),
        sortText: `${p.required ? 0 : 1}${order(i)}`,
        filterText: p.name,
      }),
    );
}

function ruleIdItems(site: Site, siblingKeys: readonly string[], shape: Shape): CompletionItem[] {
  return RULE_METAS.filter((m) => !siblingKeys.includes(m.id)).map((meta, i) =>
    item(site, meta.id, block([`${meta.id}: ${choice(1, ['error', 'warning', 'info', 'off'], 'warning')}`], shape), {
      kind: CompletionItemKind.Property,
      detail: `rule · default ${meta.defaultSeverity}${meta.allOnly ? ' (all only)' : ''}`,
      documentation: markdown(meta.description),
      sortText: order(i),
    }),
  );
}

interface Candidate {
  value: string;
  detail?: string;
  documentation?: string;
  kind: CompletionItemKind;
}

function phaseIdAt(ctx: CompletionContext, path: readonly PathSegment[]): string | undefined {
  if (path[0] !== 'phases') return undefined;
  return ctx.ids.find((entry) => entry.depth === 2)?.id;
}

function referenceCandidates(site: Site, at: SchemaAt, path: readonly PathSegment[]): Candidate[] {
  const plan = site.plan;
  const key = [...path].reverse().find((s): s is string => typeof s === 'string');
  const people = (): Candidate[] =>
    plan
      ? allPeople(plan).map((p) => ({
          value: p.id,
          detail: [p.name?.value, p.role?.value].filter(Boolean).join(' · ') || 'person',
          kind: CompletionItemKind.Reference,
        }))
      : [];
  const teams = (): Candidate[] => (plan ? allTeams(plan).map((t) => ({ value: t.id, detail: 'team', kind: CompletionItemKind.Reference })) : []);
  switch (at.defName) {
    case 'personRef':
      return key === 'owner' ? [...people(), ...teams()] : people();
    case 'teamRef':
      return teams();
    case 'phaseRef':
    case 'dependency': {
      const self = phaseIdAt(site.ctx, path);
      const phases = (plan?.phases ?? [])
        .filter((p) => p.id !== self)
        .map((p) => ({ value: p.id, detail: [p.name?.value, p.phaseKind?.value].filter(Boolean).join(' · ') || 'phase', kind: CompletionItemKind.Reference }));
      if (at.defName === 'phaseRef') return phases;
      const milestones = (plan?.phases ?? [])
        .filter((p) => p.id !== self)
        .flatMap((p) => p.milestones.map((m) => ({ value: m.id, detail: `${m.name?.value ?? 'milestone'} · milestone of ${p.id}`, kind: CompletionItemKind.Reference })));
      return [...phases, ...milestones];
    }
    case 'calendarRef':
      return plan
        ? [...plan.calendars, ...plan.importedCalendars].map((c) => ({ value: c.id, detail: c.name?.value ?? 'calendar', kind: CompletionItemKind.Reference }))
        : [];
    case 'objectiveRef':
      return (plan?.objectives ?? []).map((o) => ({ value: o.id, detail: o.statement?.value ?? 'objective', kind: CompletionItemKind.Reference }));
    case 'tag':
      return CHECKLIST_TAGS.map((tag) => ({ value: tag, detail: 'checklist tag', kind: CompletionItemKind.EnumMember }));
    default:
      break;
  }
  // Once `waves` is declared, a phase's `wave:` must be one of them (known-references).
  if (key === 'wave' && path[0] === 'phases' && plan) {
    const seen = new Set<number>();
    return plan.waves
      .filter((w) => !seen.has(w.wave.value) && seen.add(w.wave.value))
      .map((w) => ({ value: String(w.wave.value), detail: [w.name?.value, w.calendar ? `calendar ${w.calendar.value}` : undefined].filter(Boolean).join(' · ') || 'wave', kind: CompletionItemKind.EnumMember }));
  }
  if (key === 'refs' && plan) {
    return [...entityIndex(plan).values()].map((e) => ({ value: e.id, detail: KIND_NOUNS[e.kind], kind: CompletionItemKind.Reference }));
  }
  return [];
}

function dateItems(site: Site, path: readonly PathSegment[], shape: Shape): CompletionItem[] {
  const calendar = site.schedule?.calendar ?? new WorkCalendar();
  const today = dayFromIso(site.asOf);
  if (today === undefined) return [];
  const dates: { day: number; detail: string }[] = [{ day: calendar.nextAfter(today), detail: 'next working day' }];
  const phaseId = phaseIdAt(site.ctx, path);
  const phase = phaseId ? site.plan?.phases.find((p) => p.id === phaseId) : undefined;
  if (phase && site.schedule && path.length === 3 && path[2] === 'start') {
    const ends = phase.after
      .map((a) => site.schedule!.phaseById.get(a.value))
      .map((p) => (p ? site.schedule!.windowOf(p)?.end : undefined))
      .filter((d): d is number => d !== undefined);
    if (ends.length > 0) dates.push({ day: calendar.nextAfter(maxOf(ends)), detail: 'first working day after its prerequisites end' });
  }
  return dates.map(({ day, detail }, i) => {
    const [y, m, d] = isoFromDay(day).split('-');
    return item(site, isoFromDay(day), block([`\${1:${y}}-\${2:${m}}-\${3:${d}}`], shape), {
      kind: CompletionItemKind.Snippet,
      detail,
      filterText: isoFromDay(day),
      sortText: `0${i}`,
      preselect: i === 0,
    });
  });
}

function valueItems(site: Site, path: PathSegment[], shape: Shape): CompletionItem[] {
  const at = schemaAtPath(site.kind, path);
  if (!at) return [];
  const candidates: Candidate[] = [];
  const description = descriptionOf(at);
  for (const value of enumValues(at)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) candidates.push({ value: String(value), documentation: description, kind: CompletionItemKind.EnumMember });
  }
  if (typesOf(at).includes('boolean') && candidates.length === 0) {
    candidates.push({ value: 'true', kind: CompletionItemKind.Value }, { value: 'false', kind: CompletionItemKind.Value });
  }
  pushAll(candidates, referenceCandidates(site, at, path));
  if (at.defName === 'duration' || at.defName === 'currency') {
    for (const example of examplesOf(at)) if (typeof example === 'string') candidates.push({ value: example, detail: titleOf(at), kind: CompletionItemKind.Value });
  }
  const items = candidates.map((c, i) =>
    item(site, c.value, block([escapeSnippet(c.value)], shape), {
      kind: c.kind,
      detail: c.detail,
      documentation: markdown(c.documentation),
      sortText: `1${order(i)}`,
    }),
  );
  if (at.defName === 'date') items.unshift(...dateItems(site, path, shape));
  return items;
}

// ---------------------------------------------------------------------------------------

function resolveUnder(kind: SchemaKind, position: CursorPosition): CursorPosition | undefined {
  if (position.kind !== 'under') return position;
  const at = schemaAtPath(kind, position.path);
  if (!at) return undefined;
  const types = typesOf(at);
  if (types.includes('array')) return { kind: 'item', path: position.path, index: 0, dash: false };
  if (types.includes('object')) return { kind: 'key', path: position.path, siblingKeys: [] };
  return undefined;
}

export function completions(analysis: Analysis, offset: number, options: CompletionOptions): CompletionItem[] {
  const ctx = completionContext(analysis.text, offset);
  if (!ctx) return [];
  const { result } = analysis;
  const kind = schemaKindOf(result.role);
  const position = resolveUnder(kind, ctx.position);
  if (!position) return [];
  const site: Site = {
    ctx,
    range: rangeFromOffsets(result.source, ctx.replace[0], ctx.replace[1]),
    kind,
    plan: result.plan ?? analysis.lastPlan?.plan,
    schedule: result.schedule ?? analysis.lastPlan?.schedule,
    asOf: analysis.settings.asOf,
    snippets: options.snippets,
  };
  const shape: Shape = { dash: true, space: ctx.needsSpace, column: ctx.column };
  switch (position.kind) {
    case 'key': {
      const items = keyItems(site, position.path, position.siblingKeys, shape);
      if (kind === 'plan' && position.path.length === 0 && position.siblingKeys.length === 0 && analysis.text.trim() === ctx.prefix) items.unshift(planSkeleton(site));
      return items;
    }
    case 'value':
      return valueItems(site, position.path, shape);
    case 'item': {
      const itemShape: Shape = { dash: position.dash, space: false, column: ctx.column };
      const itemPath = [...position.path, position.index];
      const at = schemaAtPath(kind, itemPath);
      if (!at) return [];
      if (typesOf(at).includes('object')) {
        return [...skeletonItems(site, position.path, position.index, itemShape), ...keyItems(site, itemPath, [], itemShape)];
      }
      return valueItems(site, itemPath, itemShape);
    }
    default:
      return [];
  }
}
