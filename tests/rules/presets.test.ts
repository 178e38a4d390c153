import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { RULES_MD } from './contract';

/** The same plan linted under each preset shows the severities rules.md defines. */
const brokenPlan = fs.readFileSync(path.resolve(__dirname, '../../samples/broken/kitchen-sink.rollout.yaml'), 'utf8');
const SPEC = new Map(RULES_MD.map(([id, , severity, allOnly]) => [id, { severity, allOnly }]));
const RAISE = { error: 'error', warning: 'error', info: 'warning' } as const;

function expectedSeverity(preset: string, id: string): string {
  const spec = SPEC.get(id)!;
  if (preset === 'all') return spec.severity;
  if (spec.allOnly) return 'off';
  return preset === 'strict' ? RAISE[spec.severity] : spec.severity;
}

function lintUnder(preset: string) {
  const fs = new MemoryFileSystem({ '/w/.crm-rollout.yaml': `extends: ${preset}\n`, '/w/plan.rollout.yaml': brokenPlan });
  return lintText('/w/plan.rollout.yaml', brokenPlan, { fs }).findings.filter((f) => SPEC.has(f.ruleId));
}

describe('presets on the broken sample', () => {
  const byPreset = Object.fromEntries(['recommended', 'strict', 'all'].map((p) => [p, lintUnder(p)]));

  for (const preset of ['recommended', 'strict', 'all']) {
    it(`${preset}: every finding has the severity rules.md gives its rule under ${preset}`, () => {
      const findings = byPreset[preset];
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.map((f) => [f.ruleId, f.severity])).toEqual(findings.map((f) => [f.ruleId, expectedSeverity(preset, f.ruleId)]));
    });
  }

  it('strict reports the same problems as recommended, only more severely', () => {
    const key = (f: { ruleId: string; offsets: [number, number] }) => `${f.ruleId}@${f.offsets[0]}`;
    expect(byPreset.strict.map(key)).toEqual(byPreset.recommended.map(key));
  });

  it('all reports at least what recommended reports, plus the all-only rules', () => {
    const rec = new Set(byPreset.recommended.map((f) => `${f.ruleId}@${f.offsets[0]}`));
    const all = byPreset.all.map((f) => `${f.ruleId}@${f.offsets[0]}`);
    expect([...rec].every((k) => all.includes(k))).toBe(true);
    const allOnlyFired = byPreset.all.filter((f) => SPEC.get(f.ruleId)?.allOnly);
    expect(byPreset.recommended.some((f) => SPEC.get(f.ruleId)?.allOnly)).toBe(false);
    expect(allOnlyFired.length).toBeGreaterThan(0);
    expect(allOnlyFired.every((f) => f.severity === SPEC.get(f.ruleId)!.severity)).toBe(true);
  });
});
