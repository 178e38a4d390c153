import { isSeq, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { isIndex, rootLocation, stepLocation, unescapeSegment, type Location } from './locatePath';
import { isJsonObject } from './schemaFiles';
import { asMap, deref, isMergeKey, keyName, pairOf } from './yamlNodes';

/**
 * Finding the paths a validation's errors name, sharing the work between errors: a plan with
 * 300,000 invalid items has a million errors, and scanning a mapping of N unknown keys once per
 * key cost O(N²). ajv reports errors in the order it walks the value, so the path of the last
 * error and its ancestors are kept (memory as deep as the path, not as large as the plan) and
 * the next path is reached from the longest of them that it starts with, one step per
 * segment. A large mapping's keys are indexed the first time one of them is looked up.
 */

/** Mappings with more pairs than this are indexed; a scan of fewer costs less than a Map. */
const INDEXED_MAP_SIZE = 16;

/** A path of the validated value: where it is in the YAML, its value, and its id path. */
export interface PathInfo {
  /** The keys and list indexes from the root, unescaped. */
  segments: readonly string[];
  location: Location;
  /** The JS value at the path (what ajv validated). */
  value: unknown;
  /** `phases/discovery/checklist/2`: ids where list items have them, for stable baselines. */
  idPath: string;
}

/** A list item's id, which its id path uses instead of its index. */
export function idOf(value: unknown): string | undefined {
  return isJsonObject(value) && typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
}

/** The value one step down, as idPathOf's walk reads it. */
function childValue(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return value[Number(segment)];
  return isJsonObject(value) ? value[segment] : undefined;
}

/** Whether `path` is `prefix` or under it (`/phases/1` is under `/phases`, `/phases10` is not). */
function isSameOrUnder(path: string, prefix: string): boolean {
  return path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '/');
}

export class SchemaPaths {
  /** The last path found and its ancestors, the root first, each with its instancePath. */
  private readonly chain: { path: string; info: PathInfo }[];
  private readonly keyIndexes = new Map<YAMLMap, Map<string, Pair>>();
  private readonly itemIndexes = new Map<YAMLMap, Map<unknown, number>>();

  constructor(
    private readonly doc: Document,
    root: unknown,
  ) {
    this.chain = [{ path: '', info: { segments: [], location: rootLocation(doc), value: root, idPath: '' } }];
  }

  /** The path an ajv `instancePath` names (`/phases/0/kind`). */
  at(instancePath: string): PathInfo {
    const { chain } = this;
    let kept = 1;
    while (kept < chain.length && isSameOrUnder(instancePath, chain[kept].path)) kept++;
    chain.length = kept;
    let current = chain[kept - 1];
    while (current.path.length < instancePath.length) {
      const next = instancePath.indexOf('/', current.path.length + 1);
      const end = next < 0 ? instancePath.length : next;
      const segment = unescapeSegment(instancePath.slice(current.path.length + 1, end));
      const parent = current.info;
      const location = stepLocation(this.doc, parent.location, segment, (map, key) => this.pairOf(map, key));
      current = { path: instancePath.slice(0, end), info: { segments: [...parent.segments, segment], location, ...this.idStep(parent, segment) } };
      chain.push(current);
    }
    return current.info;
  }

  /** The value and id path one step below `parent` (a key not on the YAML path, such as an unknown key's). */
  idStep(parent: Pick<PathInfo, 'segments' | 'value' | 'idPath'>, segment: string): { value: unknown; idPath: string } {
    const value = childValue(parent.value, segment);
    const part = isIndex(segment) ? (idOf(value) ?? segment) : segment;
    return { value, idPath: parent.segments.length === 0 ? part : `${parent.idPath}/${part}` };
  }

  /**
   * The pair for `key` in a mapping, through `<<` merges, as yamlNodes.pairOf finds it (the
   * mapping's own first pair with the key, else the first merged one), from an index of the
   * mapping's keys built on its first lookup.
   */
  pairOf(map: YAMLMap, key: string): Pair | undefined {
    if (map.items.length <= INDEXED_MAP_SIZE) return pairOf(this.doc, map, key);
    let index = this.keyIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const name = keyName(pair.key);
        if (name !== undefined && !index.has(name)) index.set(name, pair);
      }
      for (const pair of map.items) {
        if (!isMergeKey(pair.key)) continue;
        const target = deref(this.doc, pair.value);
        const sources = isSeq(target) ? (target as YAMLSeq).items : [pair.value];
        for (const source of sources) {
          for (const inner of asMap(this.doc, source)?.items ?? []) {
            const name = keyName(inner.key);
            if (name !== undefined && !index.has(name)) index.set(name, inner);
          }
        }
      }
      this.keyIndexes.set(map, index);
    }
    return index.get(key);
  }

  /** The position among a mapping's own pairs of the pair whose key is `keyNode`; -1 when none is. */
  itemIndex(map: YAMLMap, keyNode: unknown): number {
    if (map.items.length <= INDEXED_MAP_SIZE) return map.items.findIndex((pair) => pair.key === keyNode);
    let index = this.itemIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const [i, pair] of map.items.entries()) if (!index.has(pair.key)) index.set(pair.key, i);
      this.itemIndexes.set(map, index);
    }
    return index.get(keyNode) ?? -1;
  }
}
