import type { WorkCalendar } from './calendar';
import type { Phase } from './model';

/** How a phase's start was decided. */
export type StartSource = 'start' | 'after' | 'calendar' | 'none';

export interface PhaseWindow {
  phase: Phase;
  /** Day numbers, both inclusive. */
  start: number;
  end: number;
  /** Working days in [start, end]. */
  workingDays: number;
  startSource: StartSource;
  /** Working days this phase can slip without moving the plan's last end date. */
  slack: number;
  critical: boolean;
}

export interface Schedule {
  calendar: WorkCalendar;
  /** Windows of the phases that could be placed, in file order. */
  windows: PhaseWindow[];
  windowOf(phase: Phase): PhaseWindow | undefined;
  /** The first declaration of each phase id. */
  phaseById: Map<string, Phase>;
  /** The chain of phases that fixes the last end date, first to last. */
  criticalPath: Phase[];
  planStart?: number;
  planEnd?: number;
  /** Phases of kind go-live, by start (ties by file order). */
  goLives: Phase[];
  /** G: the earliest start among go-live phases. */
  goLive?: number;
  /** Dependency cycles found in `after`, each listed in order starting from its first phase in the file. */
  cycles: Phase[][];
}

export { buildSchedule } from './scheduler';
