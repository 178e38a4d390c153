import { signedWorkingDays } from './float';
import type { Phase } from './model';
import type { Schedule } from './schedule';

/** How far a phase's forecast end is from its baseline (or planned) end. */
export interface PhaseVariance {
  phase: Phase;
  baselineEnd: number;
  forecastEnd: number;
  /** Working days of the phase's calendar; positive means later. */
  days: number;
}

/** How far a wave's forecast go-live is from its baseline (or planned) go-live. */
export interface WaveVariance {
  wave?: number;
  name?: string;
  baseline: number;
  forecast: number;
  /** Working days of the go-live phase's calendar; positive means later. */
  days: number;
}

export interface Variance {
  phases: PhaseVariance[];
  waves: WaveVariance[];
}

/**
 * Variance of a forecast against a baseline schedule: the plan itself read without `actual`, or
 * an earlier version of it (plan-format.md, Baselines). Phases and waves are matched by id and
 * wave number; those the baseline does not have are left out.
 */
export function variance(baseline: Schedule, forecast: Schedule): Variance {
  const phases: PhaseVariance[] = [];
  for (const window of forecast.windows) {
    const before = baseline.phaseById.get(window.phase.id);
    const was = before && baseline.windowOf(before);
    if (!was) continue;
    const days = signedWorkingDays(window.calendar.work, was.end, window.end);
    phases.push({ phase: window.phase, baselineEnd: was.end, forecastEnd: window.end, days });
  }
  const baselineGoLive = new Map(baseline.waveGoLives.map((g) => [g.wave, g] as const));
  const waves: WaveVariance[] = [];
  for (const goLive of forecast.waveGoLives) {
    const was = baselineGoLive.get(goLive.wave);
    if (!was) continue;
    const calendar = forecast.calendarOf(goLive.phase).work;
    waves.push({ wave: goLive.wave, name: goLive.name, baseline: was.start, forecast: goLive.start, days: signedWorkingDays(calendar, was.start, goLive.start) });
  }
  return { phases, waves };
}
