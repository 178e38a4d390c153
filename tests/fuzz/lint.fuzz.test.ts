import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits';
import { applySafeFixes, fixIsSound, fixUntilStable, MAX_FIX_PASSES } from '../../server/src/engine/fix';
import { parsedForCheck } from '../../server/src/engine/fixCheck';
import type { Finding } from '../../server/src/engine/types';
import { decodeText } from '../../server/src/platform/decode';
import { editedText, flowPlanText, lint, mutatedPlanText, planText } from './arbitraries';

/**
 * Property tests of the engine on generated input. The seed is fixed, so a run is the same
 * on every machine and a failure reproduces; the run counts keep the whole suite well
 * under a minute. A failing case is printed shrunk by fast-check, ready to become a test.
 */

const SEED = 20270301;
const run = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

const SAMPLES = ['small/acme', 'mid/northwind', 'enterprise/contoso', 'broken/kitchen-sink'].map((name) =>
  readFileSync(new URL(`../../samples/${name}.rollout.yaml`, import.meta.url), 'utf8'),
);

/** 0-based line and UTF-16 character of an offset, counted from the text itself. */
function positionIn(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Every finding lies inside the text, and its range is the position of its offsets. */
function expectInside(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    const [start, end] = f.offsets;
    expect(0 <= start && start <= end && end <= text.length, `${f.ruleId} offsets ${start}-${end} outside 0-${text.length}`).toBe(true);
    expect(f.range, `${f.ruleId}: ${f.message}`).toEqual({ start: positionIn(text, start), end: positionIn(text, end) });
  }
}

/** Lints and checks the invariants every lint result keeps, whatever the input. */
function lintChecked(text: string): Finding[] {
  const findings = lint(text);
  expectInside(text, findings);
  const crashed = findings.filter((f) => f.messageId === 'internalError');
  expect(crashed.map((f) => f.message)).toEqual([]);
  return findings;
}

const hasSyntaxError = (findings: readonly Finding[]) => findings.some((f) => f.ruleId === 'yaml-syntax');
const sameFinding = (a: Finding, b: Finding) => a.ruleId === b.ruleId && a.messageId === b.messageId && a.message === b.message;

describe('lint on generated input', () => {
  it('never throws on schema-shaped plans, and keeps every finding inside the text', () => {
    fc.assert(fc.property(fc.oneof(planText, flowPlanText), (text) => void lintChecked(text)), run(250));
  });

  it('never throws on mutated plans, and keeps every finding inside the text', () => {
    fc.assert(fc.property(mutatedPlanText, (text) => void lintChecked(text)), run(400));
  });

  it('never throws on random bytes decoded as an editor would', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => void lintChecked(decodeText(bytes))), run(400));
  });

  it('never throws on random text with YAML punctuation', () => {
    const punctuation = fc.string({ unit: fc.constantFrom('a', ':', '-', ' ', '\n', '\t', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '#', '"', "'", '%', '?', '<', '\r', 'é'), maxLength: 120 });
    fc.assert(fc.property(punctuation, (text) => void lintChecked(`plan: 1\nname: x\n${text}`)), run(600));
  });

  it('never throws on the samples under random edits', () => {
    fc.assert(fc.property(editedText(fc.constantFrom(...SAMPLES), 8), (text) => void lintChecked(text)), run(120));
  });
});

describe('quick fixes on generated plans', () => {
  /** At most this many fixes are tried per plan: each costs a lint. */
  const FIXES_PER_PLAN = 6;

  it('yield text that still parses and remove their own finding or keep the finding count', () => {
    // Whole plans in flow style too: insertions there must be written in flow style.
    const plans = fc.oneof(planText, flowPlanText, mutatedPlanText, editedText(fc.constantFrom(...SAMPLES), 3));
    fc.assert(
      fc.property(plans, fc.nat(), (text, pick) => {
        const before = lintChecked(text);
        const fixable = before.flatMap((finding) => (finding.fixes ?? []).map((fix) => ({ finding, fix })));
        const chosen = fixable.length <= FIXES_PER_PLAN ? fixable : Array.from({ length: FIXES_PER_PLAN }, (_, i) => fixable[(pick + i * 7) % fixable.length]);
        let checked: ReturnType<typeof parsedForCheck> | undefined;
        for (const { finding, fix } of chosen) {
          // The editor and --fix offer only the fixes that pass the re-parse check.
          if (!fixIsSound(text, fix, (checked ??= parsedForCheck(text)))) continue;
          const fixed = applyEdits(text, fix.edits);
          const after = lintChecked(fixed);
          const label = `fix "${fix.title}" of ${finding.ruleId} (${finding.message})`;
          if (!hasSyntaxError(before)) expect(after.filter((f) => f.ruleId === 'yaml-syntax').map((f) => f.message), label).toEqual([]);
          const ownGone = !after.some((f) => sameFinding(f, finding));
          expect(ownGone || after.length === before.length, `${label} left its finding and changed the count ${before.length} -> ${after.length}`).toBe(true);
        }
      }),
      run(80),
    );
    // Each run lints a plan up to seven times; the default 30 s is tight on a shared machine.
  }, 120_000);

  it('lint --fix reaches a fixed point within its pass limit', () => {
    const plans = fc.oneof(planText, flowPlanText, mutatedPlanText, editedText(fc.constantFrom(...SAMPLES), 3));
    fc.assert(
      fc.property(plans, (text) => {
        const result = fixUntilStable(text, lint);
        expect(result.passes).toBeLessThan(MAX_FIX_PASSES);
        // A fixed point: the findings left offer no safe fix that changes the text.
        expect(applySafeFixes(result.text, result.remaining).text).toBe(result.text);
      }),
      run(60),
    );
  });
});
