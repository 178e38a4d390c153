import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { isAlias } from 'yaml';
import { isIndex, locate, nonEmptyOffsets, pathSegments, valueOffsets, type Location } from './locatePath';
import { isJsonObject, validatorFor, type JsonSchema, type SchemaKind } from './schemaFiles';
import { describeKeyword, idOf, type ErrorSite } from './schemaMessages';
import { rangeFromOffsets, type SourceFile } from './source';
import type { Finding, RelatedLocation } from './types';

/**
 * JSON Schema validation of plans, directory files and the linter configuration, with
 * messages a plan author can act on and ranges on the narrowest YAML node.
 *
 * Where the findings point:
 * - an unknown key: the key scalar;
 * - a missing required key: the first key of the mapping that lacks it (the line where the
 *   `- id: x` item or the section starts), or the whole mapping when it is empty (`{}`);
 * - a wrong value: the value scalar; when the value is empty (`key:`) or a whole block
 *   (a mapping or list where something else belongs), the key, which is narrower;
 * - a value reached through an alias (`likelihood: *level`): the alias where it is used, with
 *   a related location at the anchored value. When several paths reach the same node (a
 *   shared anchor, a `<<` merge), the identical findings are reported once.
 *
 * An empty directory or configuration file is valid (nothing declared, all defaults); an
 * empty plan is not, since a plan needs `plan` and `name`.
 */

/**
 * Validates `value`, the JS value of `source.doc` (`doc.toJS({ maxAliasCount })`), against
 * the schema of `kind`. Findings have rule id `schema`, severity `error`, one finding per
 * problem, on the narrowest node (see the module comment). `validate` is the build-time
 * compiled validator of the kind; tests pass ajv's run-time one to compare them.
 */
export function validateAgainstSchema(kind: SchemaKind, source: SourceFile, value: unknown, validate: ValidateFunction = validatorFor(kind)): Finding[] {
  if (value == null && kind !== 'plan') return [];
  if (validate(value)) return [];
  const findings = selectErrors(validate.errors ?? []).map((error) => describe(kind, source, value, error));
  return uniqueFindings(findings);
}

// Choosing which of ajv's errors to show

/** Keywords whose own error only repeats what the failing branch already says. */
const SILENT_KEYWORDS = new Set(['if']);

/** Keywords that judge a value; a value gets one such error, the most specific one. */
const VALUE_KEYWORD_PRIORITY = ['const', 'enum', 'format', 'pattern', 'minLength', 'minimum', 'exclusiveMinimum'];

/** Whether `path` is one of `ancestors` or under one: a walk up its segments, so E errors cost O(E), not O(E × ancestors). */
function isSameOrUnderAny(path: string, ancestors: ReadonlySet<string>): boolean {
  for (let current = path; ; current = current.slice(0, current.lastIndexOf('/'))) {
    if (ancestors.has(current)) return true;
    if (current === '') return false;
  }
}

/**
 * One error per problem: `if` errors go (the branch error says it better), nothing is said
 * about a value or its contents once its type is wrong, one value error per value, and
 * structural errors are deduplicated by path, keyword and key.
 */
function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const chosen = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (SILENT_KEYWORDS.has(error.keyword)) continue;
    if (error.keyword !== 'type' && isSameOrUnderAny(error.instancePath, typeErrorPaths)) continue;
    const valueRank = VALUE_KEYWORD_PRIORITY.indexOf(error.keyword);
    if (valueRank >= 0) {
      const key = `${error.instancePath}|value`;
      const previous = chosen.get(key);
      if (!previous || valueRank < VALUE_KEYWORD_PRIORITY.indexOf(previous.keyword)) chosen.set(key, error);
      continue;
    }
    const which = error.params.additionalProperty ?? error.params.missingProperty ?? '';
    const key = `${error.instancePath}|${error.keyword}|${String(which)}`;
    if (!chosen.has(key)) chosen.set(key, error);
  }
  return [...chosen.values()];
}

/** Aliases and merges make several paths reach one node: report each identical finding once. */
function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.offsets[0]}:${f.offsets[1]}:${f.messageId}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.offsets[0] - b.offsets[0] || a.offsets[1] - b.offsets[1]);
}

/** `phases/discovery/checklist/2`: ids where list items have them, for stable baselines. */
function idPathOf(value: unknown, segments: readonly string[]): string {
  const parts: string[] = [];
  let current = value;
  for (const segment of segments) {
    current = Array.isArray(current) ? current[Number(segment)] : isJsonObject(current) ? current[segment] : undefined;
    parts.push(isIndex(segment) ? idOf(current) ?? segment : segment);
  }
  return parts.join('/');
}

function relatedAnchor(source: SourceFile, location: Location): RelatedLocation[] | undefined {
  const { node } = location;
  if (!isAlias(node)) return undefined;
  const target = node.resolve(source.doc);
  const offsets = nonEmptyOffsets(target);
  if (!offsets) return undefined;
  return [{ file: source.path, range: rangeFromOffsets(source, offsets[0], offsets[1]), message: `the value of alias "*${node.source}" is defined here` }];
}

function describe(kind: SchemaKind, source: SourceFile, value: unknown, error: ErrorObject): Finding {
  const segments = pathSegments(error.instancePath);
  const location = locate(source.doc, segments);
  const last = segments.length - 1;
  const site: ErrorSite = {
    source,
    error,
    segments,
    location,
    schema: error.parentSchema as JsonSchema | undefined,
    key: segments[last],
    listKey: isIndex(segments[last]) ? segments.slice(0, last).reverse().find((s) => !isIndex(s)) : undefined,
  };
  const described = describeKeyword(site);
  const offsets = described.offsets ?? valueOffsets(source.text, location);
  const finding: Finding = {
    ruleId: 'schema',
    messageId: described.messageId,
    severity: 'error',
    message: described.message,
    file: source.path,
    range: rangeFromOffsets(source, offsets[0], offsets[1]),
    offsets,
    data: { schema: kind, instancePath: error.instancePath, keyword: error.keyword, ...described.data },
    // An unknown key's path ends at its map; adding the key keeps two typos in one map apart.
    idPath: idPathOf(value, error.keyword === 'additionalProperties' ? [...segments, String(error.params.additionalProperty)] : segments),
  };
  const related = described.offsets ? undefined : relatedAnchor(source, location);
  if (related) finding.related = related;
  if (described.fixes && described.fixes.length > 0) finding.fixes = described.fixes;
  return finding;
}
