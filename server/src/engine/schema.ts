import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { isAlias } from 'yaml';
import { isIndex, nonEmptyOffsets, valueOffsets, type Location } from './locatePath';
import { validatorFor, type JsonSchema, type SchemaKind } from './schemaFiles';
import { describeKeyword, type ErrorSite } from './schemaMessages';
import { SchemaPaths } from './schemaPaths';
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
  const errors = selectErrors(validate.errors ?? []);
  // The validator keeps its last errors until its next call: a million of them, for nothing.
  validate.errors = null;
  const context: DescribeContext = { kind, source, paths: new SchemaPaths(source.doc, value), messages: new Map() };
  const findings: Finding[] = [];
  // Taken off the end of the reversed list, each error is let go once described: a huge
  // plan's million errors would otherwise stay as long as its findings.
  errors.reverse();
  for (let error = errors.pop(); error; error = errors.pop()) findings.push(describe(context, error));
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
  const typeErrorPaths = new Set<string>();
  for (const error of errors) if (error.keyword === 'type') typeErrorPaths.add(error.instancePath);
  const chosen = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (SILENT_KEYWORDS.has(error.keyword)) continue;
    if (error.keyword !== 'type' && typeErrorPaths.size > 0 && isSameOrUnderAny(error.instancePath, typeErrorPaths)) continue;
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

/**
 * Aliases and merges make several paths reach one node: each identical finding is reported
 * once, the first of them, and all in the order of their ranges. Sorting first (a stable sort)
 * leaves identical findings side by side, so only findings on the same range are compared.
 */
function uniqueFindings(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.offsets[0] - b.offsets[0] || a.offsets[1] - b.offsets[1]);
  const unique: Finding[] = [];
  let sameRange = new Set<string>();
  for (const [i, f] of findings.entries()) {
    const previous = findings[i - 1];
    const next = findings[i + 1];
    const startsRange = !previous || previous.offsets[0] !== f.offsets[0] || previous.offsets[1] !== f.offsets[1];
    const alone = startsRange && (!next || next.offsets[0] !== f.offsets[0] || next.offsets[1] !== f.offsets[1]);
    if (alone) {
      unique.push(f);
      continue;
    }
    if (startsRange) sameRange = new Set();
    const key = `${f.messageId}\u0000${f.message}`;
    if (sameRange.has(key)) continue;
    sameRange.add(key);
    unique.push(f);
  }
  return unique;
}

function relatedAnchor(source: SourceFile, location: Location): RelatedLocation[] | undefined {
  const { node } = location;
  if (!isAlias(node)) return undefined;
  const target = node.resolve(source.doc);
  const offsets = nonEmptyOffsets(target);
  if (!offsets) return undefined;
  return [{ file: source.path, range: rangeFromOffsets(source, offsets[0], offsets[1]), message: `the value of alias "*${node.source}" is defined here` }];
}

/** What describing one validation's errors shares: the file, its paths, and one string per distinct message. */
interface DescribeContext {
  kind: SchemaKind;
  source: SourceFile;
  paths: SchemaPaths;
  /** Many findings say the same thing ("a phase is missing \"id\"; ..."): they hold one string. */
  messages: Map<string, string>;
}

function shared(messages: Map<string, string>, message: string): string {
  const known = messages.get(message);
  if (known !== undefined) return known;
  messages.set(message, message);
  return message;
}

function describe(context: DescribeContext, error: ErrorObject): Finding {
  const { kind, source, paths } = context;
  const at = paths.at(error.instancePath);
  const { segments, location } = at;
  const last = segments.length - 1;
  const site: ErrorSite = {
    source,
    error,
    segments,
    location,
    paths,
    schema: error.parentSchema as JsonSchema | undefined,
    key: segments[last],
    listKey: isIndex(segments[last]) ? listKeyOf(segments) : undefined,
  };
  const described = describeKeyword(site);
  const offsets = described.offsets ?? valueOffsets(source.text, location);
  const data = { schema: kind, instancePath: error.instancePath, keyword: error.keyword };
  const finding: Finding = {
    ruleId: 'schema',
    messageId: described.messageId,
    severity: 'error',
    message: shared(context.messages, described.message),
    file: source.path,
    range: rangeFromOffsets(source, offsets[0], offsets[1]),
    offsets,
    data: described.data ? { ...data, ...described.data } : data,
    // An unknown key's path ends at its map; adding the key keeps two typos in one map apart.
    idPath: error.keyword === 'additionalProperties' ? paths.idStep(at, String(error.params.additionalProperty)).idPath : at.idPath,
  };
  const related = described.offsets ? undefined : relatedAnchor(source, location);
  if (related) finding.related = related;
  if (described.fixes && described.fixes.length > 0) finding.fixes = described.fixes;
  return finding;
}

/** The key of the list the last segment indexes: the nearest segment before it that is not an index. */
function listKeyOf(segments: readonly string[]): string | undefined {
  for (let i = segments.length - 2; i >= 0; i--) if (!isIndex(segments[i])) return segments[i];
  return undefined;
}
