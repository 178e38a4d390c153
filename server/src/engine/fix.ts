import type { Document } from 'yaml';
import { applyEdits } from './edits';
import { checkFix, parsedForCheck } from './fixCheck';
import type { Finding, Fix, TextEdit } from './types';
import { pushAll } from './arrays';

/**
 * Applying safe fixes: edits are composed, not concatenated. One pass takes the first safe fix
 * of each finding unless it touches the place an earlier chosen fix edits (two insertions at the
 * same point, or at points only blank space apart, would land in an undefined order: the later
 * one waits for the next pass, which computes it against the new text). The chosen fixes are
 * then checked together by parsing the result (fixCheck.ts); when that fails, they are checked in
 * halves, so one bad fix is dropped without losing the others.
 */

export interface AppliedFixes {
  text: string;
  applied: { finding: Finding; fix: Fix }[];
  /** Fixes refused because the edited text failed the check; never applied. */
  dropped: { finding: Finding; fix: Fix }[];
}

/** Whether two edits touch the same place: shared text, or insertion points only blank space apart. */
function samePlace(text: string, a: TextEdit, b: TextEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  if (a.start !== a.end && b.start !== b.end) return false;
  const [from, to] = a.end <= b.start ? [a.end, b.start] : [b.end, a.start];
  return from <= to && !/\S/.test(text.slice(from, to));
}

/** Parses at most this many candidate texts per pass: bounded work even when many fixes fail. */
const CHECKS_PER_PASS = 32;

interface Candidate {
  finding: Finding;
  fix: Fix;
}

interface Checker {
  text: string;
  before: Document.Parsed;
  checksLeft: number;
  dropped: Candidate[];
}

function editsOf(candidates: readonly Candidate[]): TextEdit[] {
  return candidates.flatMap((c) => c.fix.edits);
}

function passes(checker: Checker, candidates: readonly Candidate[]): boolean {
  checker.checksLeft--;
  const edits = editsOf(candidates);
  return checkFix(checker.before, applyEdits(checker.text, edits), edits) === 'ok';
}

/** The candidates that pass the check, found by halving; undecided ones (budget spent) wait. */
function passing(checker: Checker, candidates: readonly Candidate[]): Candidate[] {
  if (candidates.length === 0 || checker.checksLeft <= 0) return [];
  if (passes(checker, candidates)) return [...candidates];
  if (candidates.length === 1) {
    checker.dropped.push(candidates[0]);
    return [];
  }
  const middle = candidates.length >> 1;
  const left = passing(checker, candidates.slice(0, middle));
  const right = passing(checker, candidates.slice(middle));
  if (left.length === 0 || right.length === 0) return [...left, ...right];
  // Each half passed alone; together they must pass too, else the first half goes first.
  return checker.checksLeft > 0 && passes(checker, [...left, ...right]) ? [...left, ...right] : left;
}

/** Applies the first safe fix of each finding that can go in this pass and passes the check. */
export function applySafeFixes(text: string, findings: readonly Finding[]): AppliedFixes {
  const chosen: Candidate[] = [];
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.kind === 'fix');
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => taken.some((t) => samePlace(text, t, e)))) continue;
    pushAll(taken, fix.edits);
    chosen.push({ finding, fix });
  }
  if (chosen.length === 0) return { text, applied: [], dropped: [] };
  const checker: Checker = { text, before: parsedForCheck(text), checksLeft: CHECKS_PER_PASS, dropped: [] };
  const applied = passing(checker, chosen);
  return { text: applied.length ? applyEdits(text, editsOf(applied)) : text, applied, dropped: checker.dropped };
}

/** Whether `fix`, applied alone to `text`, passes the check: what the editor offers. */
export function fixIsSound(text: string, fix: Fix, before: Document.Parsed = parsedForCheck(text)): boolean {
  return fix.edits.length > 0 && checkFix(before, applyEdits(text, fix.edits), fix.edits) === 'ok';
}

export interface FixLoopResult {
  text: string;
  applied: { finding: Finding; fix: Fix }[];
  passes: number;
  /** Findings left after the last pass. */
  remaining: Finding[];
  /** Problems really fixed: applied fixes whose finding is gone at the end. */
  fixed: number;
  /** Distinct fixes refused by the check (a YAML error, no effect, or a change elsewhere). */
  dropped: number;
}

/**
 * Passes `fixUntilStable` makes at most. Fixes that insert at the same place (the missing
 * phases of a skeletal plan) land one per pass, and the fuzz suite (tests/fuzz) found plans
 * that need a dozen passes; the bound only stops two fixes that undo each other.
 */
export const MAX_FIX_PASSES = 30;

function findingKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.message}`;
}

/** Applied fixes whose finding no longer occurs, counting repeated messages one by one. */
function countFixed(applied: readonly Candidate[], remaining: readonly Finding[]): number {
  const left = new Map<string, number>();
  for (const f of remaining) left.set(findingKey(f), (left.get(findingKey(f)) ?? 0) + 1);
  let fixed = 0;
  for (const { finding } of applied) {
    const key = findingKey(finding);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else fixed++;
  }
  return fixed;
}

/** Re-lints and re-fixes until the text stops changing (bounded, in case two fixes fight). */
export function fixUntilStable(text: string, lint: (text: string) => Finding[], maxPasses = MAX_FIX_PASSES): FixLoopResult {
  let current = text;
  const applied: FixLoopResult['applied'] = [];
  const dropped = new Set<string>();
  let findings = lint(current);
  let passes = 0;
  while (passes < maxPasses) {
    const pass = applySafeFixes(current, findings);
    for (const d of pass.dropped) dropped.add(`${findingKey(d.finding)}\u0000${d.fix.title}`);
    if (pass.applied.length === 0 || pass.text === current) break;
    passes++;
    pushAll(applied, pass.applied);
    current = pass.text;
    findings = lint(current);
  }
  return { text: current, applied, passes, remaining: findings, fixed: countFixed(applied, findings), dropped: dropped.size };
}
