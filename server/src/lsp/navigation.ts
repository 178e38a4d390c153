import { ErrorCodes, ResponseError, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import {
  declarationOf,
  directoryOccurrences,
  idOffsets,
  occurrenceAt,
  planOccurrences,
  type IdOccurrence,
} from '../engine/occurrences';
import { nodeOffsets, rangeFromOffsets } from '../engine/source';
import type { Analysis } from './project';

/**
 * Go to definition, find references and rename for ids of people, teams, phases, objectives,
 * integrations and every other declared id, across files:
 *
 * - an id declared in the plan itself lives in that plan only;
 * - an id declared in an imported directory file (a shared people file) is the same id in
 *   every plan that imports that file, so its references are collected from all of them
 *   (open plans and, once scanned, the workspace's plans);
 * - from inside the directory file, the plans importing it are where its ids are used.
 */

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface Target {
  /** The occurrence under the cursor. */
  at: IdOccurrence;
  id: string;
  /** The declaration the id resolves to, if any. */
  declaration?: IdOccurrence;
}

function occurrencesOfFile(analysis: Analysis): IdOccurrence[] {
  const { result } = analysis;
  if (result.plan) return planOccurrences(result.plan);
  if (result.role === 'directory' && result.source.doc.contents) return directoryOccurrences(result.source);
  return [];
}

function targetAt(analysis: Analysis, offset: number): Target | undefined {
  const occurrences = occurrencesOfFile(analysis);
  const at = occurrenceAt(occurrences, analysis.path, offset);
  if (!at) return undefined;
  if (at.role === 'declaration') return { at, id: at.id, declaration: at };
  const plan = analysis.result.plan;
  const entity = plan ? declarationOf(plan, at.id) : undefined;
  const declaration = entity ? occurrences.find((o) => o.role === 'declaration' && o.entity === entity) : undefined;
  return { at, id: at.id, declaration };
}

function key(o: IdOccurrence): string {
  return `${o.source.path}:${nodeOffsets(o.node)?.[0] ?? -1}`;
}

function importsFile(analysis: Analysis, path: string): boolean {
  return analysis.result.imports?.files.some((f) => f.path === path) ?? false;
}

/** Every place the target id is written, in every file that shares its declaration. */
function allOccurrences(target: Target, origin: Analysis, plans: readonly Analysis[]): IdOccurrence[] {
  const declaredIn = target.declaration?.source.path;
  const found = new Map<string, IdOccurrence>();
  const add = (o: IdOccurrence) => found.set(key(o), o);
  const sharedFile = declaredIn !== undefined && (origin.result.role === 'directory' ? declaredIn === origin.path : declaredIn !== origin.path);
  if (!sharedFile) {
    // Declared in this plan, or not declared at all: the id belongs to this plan alone.
    for (const o of occurrencesOfFile(origin)) if (o.id === target.id) add(o);
    return [...found.values()];
  }
  if (origin.result.role === 'directory') for (const o of occurrencesOfFile(origin)) if (o.id === target.id) add(o);
  for (const plan of [origin, ...plans]) {
    if (plan.result.role !== 'plan' || !plan.result.plan || !importsFile(plan, declaredIn)) continue;
    const resolved = declarationOf(plan.result.plan, target.id);
    if (!resolved || resolved.source.path !== declaredIn) continue;
    for (const o of planOccurrences(plan.result.plan)) {
      if (o.id !== target.id) continue;
      if (o.role === 'reference' || o.source.path === declaredIn) add(o);
    }
  }
  return [...found.values()];
}

function rangeOf(o: IdOccurrence, inner = false): Range {
  const offsets = (inner ? idOffsets(o) : nodeOffsets(o.node)) ?? [0, 0];
  return rangeFromOffsets(o.source, offsets[0], offsets[1]);
}

export function definition(analysis: Analysis, offset: number, uriOf: (path: string) => string): Location[] {
  const target = targetAt(analysis, offset);
  if (!target?.declaration) return [];
  return [{ uri: uriOf(target.declaration.source.path), range: rangeOf(target.declaration, true) }];
}

export function references(analysis: Analysis, offset: number, includeDeclaration: boolean, plans: readonly Analysis[], uriOf: (path: string) => string): Location[] {
  const target = targetAt(analysis, offset);
  if (!target) return [];
  return allOccurrences(target, analysis, plans)
    .filter((o) => includeDeclaration || o.role === 'reference')
    .map((o) => ({ uri: uriOf(o.source.path), range: rangeOf(o, true) }));
}

export function prepareRename(analysis: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const target = targetAt(analysis, offset);
  if (!target) return null;
  return { range: rangeOf(target.at, true), placeholder: target.id };
}

export function rename(analysis: Analysis, offset: number, newName: string, plans: readonly Analysis[], uriOf: (path: string) => string): WorkspaceEdit | null {
  const target = targetAt(analysis, offset);
  if (!target) return null;
  if (!ID_PATTERN.test(newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `"${newName}" is not a valid id; ids are lower-case words joined by hyphens, such as "data-migration"`);
  }
  if (newName === target.id) return { changes: {} };
  const occurrences = allOccurrences(target, analysis, plans);
  const taken = [analysis, ...plans].some((a) => a.result.plan && declarationOf(a.result.plan, newName) && occurrences.some((o) => a.path === o.source.path));
  if (taken) throw new ResponseError(ErrorCodes.InvalidParams, `id "${newName}" is already declared; ids must be unique across the plan and its imports`);
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrences) {
    const uri = uriOf(o.source.path);
    (changes[uri] ??= []).push({ range: rangeOf(o), newText: newName });
  }
  return { changes };
}
