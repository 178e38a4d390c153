import { applyEdits } from './edits';
import type { Finding, Fix, TextEdit } from './types';

export interface AppliedFixes {
  text: string;
  applied: { finding: Finding; fix: Fix }[];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point are allowed only from the same fix; any shared span is an overlap.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies the first fix (never a suggestion) of each finding whose edits do not overlap an already chosen
 * fix, in one pass. Callers loop until nothing changes (see fixUntilStable).
 */
export function applySafeFixes(text: string, findings: readonly Finding[]): AppliedFixes {
  const chosen: TextEdit[] = [];
  const applied: AppliedFixes['applied'] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.kind === 'fix');
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
    chosen.push(...fix.edits);
    applied.push({ finding, fix });
  }
  return { text: applied.length ? applyEdits(text, chosen) : text, applied };
}

export interface FixLoopResult {
  text: string;
  applied: { finding: Finding; fix: Fix }[];
  passes: number;
  /** Findings left after the last pass. */
  remaining: Finding[];
}

/**
 * Passes `fixUntilStable` makes at most. Fixes that insert at the same place (the missing
 * phases of a skeletal plan) land one per pass, and the fuzz suite (tests/fuzz) found plans
 * that need a dozen passes; the bound only stops two fixes that undo each other.
 */
export const MAX_FIX_PASSES = 30;

/** Re-lints and re-fixes until the text stops changing (bounded, in case two fixes fight). */
export function fixUntilStable(text: string, lint: (text: string) => Finding[], maxPasses = MAX_FIX_PASSES): FixLoopResult {
  let current = text;
  const applied: FixLoopResult['applied'] = [];
  let findings = lint(current);
  let passes = 0;
  while (passes < maxPasses) {
    const pass = applySafeFixes(current, findings);
    if (pass.applied.length === 0 || pass.text === current) break;
    passes++;
    applied.push(...pass.applied);
    current = pass.text;
    findings = lint(current);
  }
  return { text: current, applied, passes, remaining: findings };
}
