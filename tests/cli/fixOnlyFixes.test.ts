import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecklistItems, buildPlan } from '../../server/src/engine/model';
import { parseSource } from '../../server/src/engine/parse';
import { runCli, tempTree } from '../helpers/cli';

/**
 * rules.md 1.1, "Fixes and suggestions": `lint --fix` applies fixes only, never a suggestion,
 * so it never adds plan content someone has to plan for real, never picks a person and never
 * records progress. Checked on a copy of every sample, with every rule on and an as-of date so
 * that `overdue` and `critical-overdue` run too.
 */

const repoRoot = path.resolve(__dirname, '../..');
const samplesDir = path.join(repoRoot, 'samples');

function copyOfSamples(): string {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(samplesDir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(samplesDir);
  // Every rule on, whatever the samples' own configuration says.
  files['.crm-rollout.yaml'] = 'extends: all\n';
  return tempTree(files);
}

const PLANS = ['small/acme.rollout.yaml', 'mid/northwind.rollout.yaml', 'enterprise/contoso.rollout.yaml', 'broken/kitchen-sink.rollout.yaml', 'broken/waves.rollout.yaml'];

/** What only a person can add: plan content, people and progress. */
function contentOf(text: string) {
  const parsed = parseSource('/plan.rollout.yaml', text);
  const plan = buildPlan(parsed.source);
  const items = allChecklistItems(plan);
  return {
    phases: plan.phases.length,
    checklistItems: items.length,
    itemsDone: items.filter((item) => item.done).length,
    milestones: plan.phases.reduce((n, p) => n + p.milestones.length, 0),
    objectives: plan.objectives.length,
    kpis: plan.kpis.length,
    budgetLines: plan.budget?.lines.length ?? 0,
    people: plan.people.length,
    sponsor: plan.sponsor?.value,
    owner: plan.owner?.value,
    dataStewards: plan.governance?.dataStewards.map((s) => s.value) ?? [],
  };
}

describe('lint --fix applies fixes only', () => {
  it('adds no phase, checklist item, milestone, objective, kpi, budget line, person or progress to any sample', () => {
    const dir = copyOfSamples();
    const before = PLANS.map((p) => fs.readFileSync(path.join(dir, p), 'utf8'));
    runCli(['lint', '--fix', '--as-of', '2027-06-01', ...PLANS], dir);
    const after = PLANS.map((p) => fs.readFileSync(path.join(dir, p), 'utf8'));
    expect(after.map(contentOf)).toEqual(before.map(contentOf));
  });

  it('fixes the broken kitchen-sink sample (it has fixes to apply) and a second run changes nothing', () => {
    const dir = copyOfSamples();
    const broken = 'broken/kitchen-sink.rollout.yaml';
    const original = fs.readFileSync(path.join(dir, broken), 'utf8');
    const first = runCli(['lint', '--fix', '--as-of', '2027-06-01', broken], dir);
    expect(first.stderr).toMatch(/^fixed \d+ problems? in broken\/kitchen-sink\.rollout\.yaml\n$/);
    const once = fs.readFileSync(path.join(dir, broken), 'utf8');
    expect(once).not.toBe(original);
    const second = runCli(['lint', '--fix', '--as-of', '2027-06-01', broken], dir);
    expect(second.stderr).toBe('');
    expect(fs.readFileSync(path.join(dir, broken), 'utf8')).toBe(once);
  });

  it('changes nothing on a second run over a copy of every sample', () => {
    const dir = copyOfSamples();
    runCli(['lint', '--fix', '--as-of', '2027-06-01', ...PLANS], dir);
    const once = PLANS.map((p) => fs.readFileSync(path.join(dir, p), 'utf8'));
    const second = runCli(['lint', '--fix', '--as-of', '2027-06-01', ...PLANS], dir);
    expect(second.stderr).toBe('');
    expect(PLANS.map((p) => fs.readFileSync(path.join(dir, p), 'utf8'))).toEqual(once);
  });

  it('leaves the clean samples as they are', () => {
    const dir = copyOfSamples();
    const clean = PLANS.filter((p) => !p.startsWith('broken/'));
    const before = clean.map((p) => fs.readFileSync(path.join(dir, p), 'utf8'));
    runCli(['lint', '--fix', ...clean], dir);
    expect(clean.map((p) => fs.readFileSync(path.join(dir, p), 'utf8'))).toEqual(before);
  });
});
