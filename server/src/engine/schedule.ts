import type { WorkCalendar } from './calendar';
import type { Phase, Ref } from './model';

/**
 * How a phase's start was decided: its own `start`; the first working day after its latest
 * `after` prerequisite; `calendar.start`; or 'none' when none of those applies and the window
 * is derived from the phase's own `end` (start = `duration` working days ending on `end`, or
 * `end` itself without a duration).
 */
export type StartSource = 'start' | 'after' | 'calendar' | 'none';

/** An `after` entry the scheduler ignored because it closes a dependency cycle. */
export interface IgnoredAfter {
  /** The phase whose `after` list holds the entry. */
  phase: Phase;
  ref: Ref;
  /** The phase the entry names (the same or a later declaration in the file). */
  prerequisite: Phase;
}

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
  /**
   * Windows of the phases that could be placed, in file order. A phase with no `start`, no
   * placed `after` prerequisite, no `end` and no `calendar.start` has no date to stand on and
   * is left out (rules treat it as undated).
   */
  windows: PhaseWindow[];
  windowOf(phase: Phase): PhaseWindow | undefined;
  /** The first declaration of each phase id. */
  phaseById: Map<string, Phase>;
  /** The chain of phases that fixes the last end date, first to last. */
  criticalPath: Phase[];
  /** The earliest start among the windows. */
  planStart?: number;
  /** The latest end among the windows: the date the critical path fixes. */
  planEnd?: number;
  /** Placed phases of kind go-live, by start (ties by file order). */
  goLives: Phase[];
  /** G: the earliest start among go-live phases. */
  goLive?: number;
  /**
   * Dependency cycles found in `after`, each listed once, starting from its first phase in the
   * file and following `after` edges (`[a, b]` means a is after b and b is after a, spelled
   * `a → b → a`). Every phase that lies on some cycle is on at least one listed cycle.
   */
  cycles: Phase[][];
  /** `after` entries ignored to schedule phases on a cycle, in file order. */
  ignoredAfter: IgnoredAfter[];
}
