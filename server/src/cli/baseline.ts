import * as path from 'node:path';
import { readSmallTextFile } from '../platform/safeRead';
import { UsageError } from './args';
import { jsonChunks, StreamedArray } from './jsonChunks';
import type { FileReport, ReportedFinding } from './report';

/**
 * A baseline: the findings a team has accepted for now, so `lint --baseline FILE` reports only
 * new ones while old ones are paid down.
 *
 * A finding's key is its rule, its file (relative to the baseline file's folder, forward
 * slashes) and its idPath, or its message when it has none: never a line number, so edits
 * elsewhere in the plan do not invalidate the baseline. Each key has a count, so a second
 * finding with the same key is still reported. When a file has more findings of a key than
 * the baseline allows, the first ones in file order are the baselined ones.
 *
 * The file is JSON, sorted by file, rule and key, with no timestamps, so it changes only when
 * the findings do and diffs well in review.
 */

const BASELINE_VERSION = 1;
/** A baseline is JSON the tool wrote; past this size it is something else. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

interface BaselineEntry {
  file: string;
  rule: string;
  /** Exactly one of idPath and message is set. */
  idPath?: string;
  message?: string;
  count: number;
}

export interface Baseline {
  version: number;
  entries: BaselineEntry[];
}

function keyOf(file: string, rule: string, idPath: string | undefined, message: string | undefined): string {
  return JSON.stringify([file, rule, idPath === undefined ? 'm' : 'i', idPath ?? message]);
}

function findingKey(file: string, f: ReportedFinding): string {
  return f.idPath ? keyOf(file, f.ruleId, f.idPath, undefined) : keyOf(file, f.ruleId, undefined, f.message);
}

function entryKey(e: BaselineEntry): string {
  return keyOf(e.file, e.rule, e.idPath, e.message);
}

/** A report's path relative to the baseline's folder, with forward slashes. */
function baselinePath(baselineFile: string, file: string): string {
  return path.relative(path.dirname(baselineFile), file).split(path.sep).join('/');
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  const keyed = typeof e.idPath === 'string' ? e.message === undefined : typeof e.message === 'string';
  return typeof e.file === 'string' && typeof e.rule === 'string' && keyed && Number.isInteger(e.count) && (e.count as number) > 0;
}

export function readBaseline(file: string, shownAs: string): Baseline {
  const read = readSmallTextFile(file, MAX_BASELINE_BYTES);
  if (!read.ok && read.reason === 'tooLarge') throw new UsageError(`baseline "${shownAs}" is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB; regenerate it with --update-baseline`);
  if (!read.ok && read.reason === 'special') throw new UsageError(`baseline "${shownAs}" is not a regular file; name a JSON file written by --update-baseline`);
  if (!read.ok) throw new UsageError(`baseline "${shownAs}" cannot be read; create it with --update-baseline`);
  const text = read.text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`baseline "${shownAs}" is not valid JSON (${(error as Error).message}); regenerate it with --update-baseline`);
  }
  const record = data as { version?: unknown; findings?: unknown };
  if (record?.version !== BASELINE_VERSION || !Array.isArray(record.findings) || !record.findings.every(isEntry)) {
    throw new UsageError(`baseline "${shownAs}" is not a crm-rollout baseline (version ${BASELINE_VERSION}); regenerate it with --update-baseline`);
  }
  return { version: BASELINE_VERSION, entries: record.findings };
}

/**
 * Hides baselined findings, one report at a time in file order (so a long run can stream its
 * reports): when a file has more findings of a key than the baseline allows, the first ones
 * are hidden. `unused` counts the entries of the files seen that matched nothing.
 */
export class BaselineFilter {
  private readonly remaining = new Map<string, number>();
  private readonly linted = new Set<string>();

  constructor(
    private readonly baseline: Baseline,
    private readonly baselineFile: string,
  ) {
    for (const e of baseline.entries) this.remaining.set(entryKey(e), (this.remaining.get(entryKey(e)) ?? 0) + e.count);
  }

  filter(report: FileReport): FileReport {
    const rel = baselinePath(this.baselineFile, report.path);
    this.linted.add(rel);
    let baselined = 0;
    const findings = report.findings.filter((f) => {
      const key = findingKey(rel, f);
      const left = this.remaining.get(key) ?? 0;
      if (left === 0) return true;
      this.remaining.set(key, left - 1);
      baselined++;
      return false;
    });
    return { ...report, findings, baselined: (report.baselined ?? 0) + baselined };
  }

  /** Findings of the baseline that no longer occur; only entries of files linted this run can be known to be unused. */
  unused(): number {
    return this.baseline.entries.filter((e) => this.linted.has(e.file)).reduce((n, e) => n + Math.min(e.count, this.remaining.get(entryKey(e)) ?? 0), 0);
  }
}

/** Hides baselined findings; returns the reports and how many baseline entries matched nothing. */
export function applyBaseline(reports: readonly FileReport[], baseline: Baseline, baselineFile: string): { reports: FileReport[]; unused: number } {
  const filter = new BaselineFilter(baseline, baselineFile);
  const out = reports.map((report) => filter.filter(report));
  return { reports: out, unused: filter.unused() };
}

/**
 * The baseline for these reports. Entries of files not linted this run are kept from
 * `previous`, so updating after linting part of a repository does not forget the rest.
 */
export function buildBaseline(reports: readonly FileReport[], baselineFile: string, previous?: Baseline): Baseline {
  const counts = new Map<string, BaselineEntry>();
  const linted = new Set(reports.map((r) => baselinePath(baselineFile, r.path)));
  const add = (entry: BaselineEntry) => {
    const key = entryKey(entry);
    const existing = counts.get(key);
    if (existing) existing.count += entry.count;
    else counts.set(key, { ...entry });
  };
  for (const e of previous?.entries ?? []) if (!linted.has(e.file)) add(e);
  for (const report of reports) {
    const file = baselinePath(baselineFile, report.path);
    for (const f of report.findings) add(f.idPath ? { file, rule: f.ruleId, idPath: f.idPath, count: 1 } : { file, rule: f.ruleId, message: f.message, count: 1 });
  }
  const text = (e: BaselineEntry) => e.idPath ?? e.message ?? '';
  const entries = [...counts.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.idPath ? 'i' : 'm', b.idPath ? 'i' : 'm') || compare(text(a), text(b)),
  );
  return { version: BASELINE_VERSION, entries };
}

/** Code-unit order, not locale order: the file must sort the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function* entriesAsWritten(entries: readonly BaselineEntry[]) {
  for (const e of entries) yield { file: e.file, rule: e.rule, ...(e.idPath !== undefined ? { idPath: e.idPath } : { message: e.message }), count: e.count };
}

/** The baseline file's JSON, as data with its entries streamed (jsonChunks.ts). */
export function baselineDocument(baseline: Baseline) {
  return { version: baseline.version, tool: 'crm-rollout', findings: new StreamedArray(entriesAsWritten(baseline.entries)) };
}

/**
 * The baseline file's text in pieces, so a baseline of a million findings is never one string.
 * A baseline larger than a run may read back (`maxBytes`, the reading limit) is a usage error
 * while it is written, so no run writes a baseline the next run refuses.
 */
export function* serializeBaseline(baseline: Baseline, maxBytes = MAX_BASELINE_BYTES): Generator<string, void, undefined> {
  let bytes = 0;
  for (const piece of jsonChunks(baselineDocument(baseline))) {
    bytes += Buffer.byteLength(piece, 'utf8');
    if (bytes > maxBytes) {
      const count = baseline.entries.reduce((sum, e) => sum + e.count, 0).toLocaleString('en-US');
      throw new UsageError(
        `a baseline of these ${count} findings would be larger than the ${maxBytes / 1024 / 1024} MiB a baseline may be, so no run could read it back; fix, waive or turn off the most frequent findings first, then update the baseline`,
      );
    }
    yield piece;
  }
}
