import type { Phase, Plan } from './model';

/** Done checklist items out of all checklist items, with whether the whole is complete. */
export interface Progress {
  done: number;
  total: number;
  /** A phase with `actual.end` is complete whatever its checklist says. */
  complete: boolean;
}

export interface PlanProgress {
  plan: Progress;
  phases: Map<Phase, Progress>;
  /** Keyed by wave number; phases without a wave are counted only in the plan's total. */
  waves: Map<number, Progress>;
}

/** A phase's progress: the share of its checklist items that are done (plan-format.md, Progress). */
export function phaseProgress(phase: Phase): Progress {
  const total = phase.checklist.length;
  const complete = phase.actual?.end !== undefined;
  const done = complete ? total : phase.checklist.filter((item) => item.done).length;
  return { done, total, complete: complete || (total > 0 && done === total) };
}

function sum(parts: Progress[]): Progress {
  const done = parts.reduce((n, p) => n + p.done, 0);
  const total = parts.reduce((n, p) => n + p.total, 0);
  return { done, total, complete: parts.length > 0 && parts.every((p) => p.complete) };
}

/** Progress of every phase, every wave and the whole plan, in one pass over the phases. */
export function planProgress(plan: Plan): PlanProgress {
  const phases = new Map<Phase, Progress>();
  const byWave = new Map<number, Progress[]>();
  for (const phase of plan.phases) {
    const progress = phaseProgress(phase);
    phases.set(phase, progress);
    const wave = phase.wave?.value;
    if (wave === undefined) continue;
    const parts = byWave.get(wave);
    if (parts) parts.push(progress);
    else byWave.set(wave, [progress]);
  }
  const waves = new Map([...byWave].map(([wave, parts]) => [wave, sum(parts)] as const));
  return { plan: sum([...phases.values()]), phases, waves };
}
