import { isScalar, type Node } from 'yaml';
import { declaredEntities, entityIndex, planReferences } from './entities';
import { readDirectory, type Entity, type EntityKind, type Plan } from './model';
import { nodeOffsets, type SourceFile } from './source';
import { asMap } from './yamlNodes';

/**
 * Every place an id is written: where it is declared (`id: sam`, a `teams:` entry) and where
 * it is used (`owner: sam`, `after: [discovery]`). Go to definition, find references and
 * rename are lookups in this list; across files they compare ids and the file that declares
 * them, never text.
 */

export interface IdOccurrence {
  id: string;
  role: 'declaration' | 'reference';
  /** The scalar holding the id. */
  node: Node;
  source: SourceFile;
  /** For a declaration: what it declares. */
  entity?: Entity;
  /** For a reference: the key it is written under (`owner`, `after`, `refs`...). */
  field?: string;
  /** For a reference: the kinds it may name; empty means any declared id. */
  accepts?: EntityKind[];
}

/** Declarations visible to the plan (its own and imported ones) and the plan's references. */
export function planOccurrences(plan: Plan): IdOccurrence[] {
  const out: IdOccurrence[] = declaredEntities(plan).map((entity) => ({
    id: entity.id,
    role: 'declaration',
    node: entity.idNode,
    source: entity.source,
    entity,
  }));
  for (const { ref, accepts, field } of planReferences(plan)) {
    out.push({ id: ref.value, role: 'reference', node: ref.node, source: ref.source, field, accepts });
  }
  return out;
}

/** The people and teams a directory file (or a plan read as one) declares itself. */
export function directoryOccurrences(source: SourceFile): IdOccurrence[] {
  const { people, teams } = readDirectory(source, asMap(source.doc, source.doc.contents), true);
  return [...people, ...teams].map((entity) => ({ id: entity.id, role: 'declaration', node: entity.idNode, source, entity }));
}

/** Offsets of the id's own characters: inside the quotes of a quoted scalar. */
export function idOffsets(occurrence: Pick<IdOccurrence, 'node' | 'source'>): [number, number] | undefined {
  const offsets = nodeOffsets(occurrence.node);
  if (!offsets) return undefined;
  const node = occurrence.node;
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) return [offsets[0] + 1, Math.max(offsets[0] + 1, offsets[1] - 1)];
  return offsets;
}

/** The occurrence written at an offset of a file, if any (ends count as inside). */
export function occurrenceAt(occurrences: readonly IdOccurrence[], path: string, offset: number): IdOccurrence | undefined {
  return occurrences.find((o) => {
    if (o.source.path !== path) return false;
    const range = nodeOffsets(o.node);
    return !!range && range[0] <= offset && offset <= range[1];
  });
}

/** The declaration an id resolves to in a plan: its first declaration, as the rules see it. */
export function declarationOf(plan: Plan, id: string): Entity | undefined {
  return entityIndex(plan).get(id);
}
