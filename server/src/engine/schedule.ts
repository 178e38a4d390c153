import type { WorkCalendar } from './calendar';
import type { Dependency, Milestone, Phase } from './model';

/**
 * How a phase's start was decided: its own `start`; the latest date its `after` entries give;
 * the first working day on or after `calendar.start`; or 'none' when none of those applies and
 * the window is derived from the phase's own `end` (start = `duration` working days ending on
 * `end`, or `end` itself without a duration).
 */
export type StartSource = 'start' | 'after' | 'calendar' | 'none';

/**
 * Which schedule to compute. `planned` (the default) reads the plan without any `actual` dates
 * or `achieved` milestones; `forecast` puts phases on their actual dates, milestones on the day
 * they were achieved, and a started phase that should already have ended on `asOf` (a day
 * number) when it is later (plan-format.md, "Progress and actual dates").
 */
export type ScheduleOptions = { mode?: 'planned' } | { mode: 'forecast'; asOf: number };

/** What an `after` entry names: a phase, or a milestone of a phase. */
export interface DependencyTarget {
  phase: Phase;
  milestone?: Milestone;
}

/** An `after` entry the scheduler ignored because it closes a dependency cycle. */
export interface IgnoredAfter {
  /** The phase whose `after` list holds the entry. */
  phase: Phase;
  ref: Dependency;
  /** The phase the entry names, or the phase of the milestone it names. */
  prerequisite: Phase;
}

/** The calendar a phase is counted on, and where it came from. */
export interface PhaseCalendar {
  work: WorkCalendar;
  /** The named calendar's id; undefined for the plan's calendar. */
  id?: string;
  /** Its `name`, else its id, else "plan calendar". */
  label: string;
  /** Why the phase uses it: its own `calendar:`, its wave's calendar, or the plan's. */
  via: 'phase' | 'wave' | 'plan';
}

export interface PhaseWindow {
  phase: Phase;
  /** Day numbers, both inclusive. */
  start: number;
  end: number;
  /** Working days of the phase's calendar in [start, end]. */
  workingDays: number;
  startSource: StartSource;
  /**
   * Float (total slack): working days of the phase's own calendar by which it can slip (start
   * and end together; only its end when its start is fixed) without moving the plan's last
   * end or a fixed date. Negative when a fixed date cannot be met; 0 when its end is fixed.
   */
  slack: number;
  /** Float zero or negative and not complete (no `actual.end`). */
  critical: boolean;
  calendar: PhaseCalendar;
  /** The `after` entries whose date is the start (several when they tie); empty unless startSource is 'after'. */
  drivenBy: Dependency[];
}

/** The go-live of one wave: the earliest go-live phase with that `wave` (no wave: undefined). */
export interface WaveGoLive {
  wave?: number;
  /** The wave's `name` from `waves`, when declared. */
  name?: string;
  phase: Phase;
  start: number;
}

export interface Schedule {
  /** The plan's calendar (holidays and extra working days of the plan and its imports). */
  calendar: WorkCalendar;
  /** Named calendars by id (the plan's, then imported ones; the first declaration wins). */
  calendars: Map<string, PhaseCalendar>;
  /** The calendar a phase is counted on: its `calendar:`, else its wave's, else the plan's. */
  calendarOf(phase: Phase): PhaseCalendar;
  /**
   * Windows of the phases that could be placed, in file order. A phase with no `start`, no
   * placed `after` prerequisite, no `end` and no `calendar.start` has no date to stand on and
   * is left out (rules treat it as undated).
   */
  windows: PhaseWindow[];
  windowOf(phase: Phase): PhaseWindow | undefined;
  /** The first declaration of each phase id. */
  phaseById: Map<string, Phase>;
  /** The first declaration of each milestone id. */
  milestoneById: Map<string, Milestone>;
  /** What an `after` entry names (a phase id wins over a milestone id); undefined when unknown. */
  targetOf(dependency: Dependency): DependencyTarget | undefined;
  /** The day an `after` entry lets its phase start, when its target is dated. */
  dependencyDate(phase: Phase, dependency: Dependency): number | undefined;
  /** Every critical phase, by start (ties by file order). Several chains when they tie. */
  criticalPath: Phase[];
  /** The earliest start among the windows. */
  planStart?: number;
  /** The latest end among the windows. */
  planEnd?: number;
  /** Placed phases of kind go-live, by start (ties by file order). */
  goLives: Phase[];
  /** G: the earliest start among go-live phases. */
  goLive?: number;
  /** Each wave's go-live (the earliest go-live phase of each `wave` value), by start. */
  waveGoLives: WaveGoLive[];
  /**
   * Dependency cycles found in `after`, each listed once, starting from its first phase in the
   * file and following `after` edges (`[a, b]` means a is after b and b is after a, spelled
   * `a → b → a`). An entry naming a milestone is an edge to the milestone's phase. Every phase
   * that lies on some cycle is on at least one listed cycle.
   */
  cycles: Phase[][];
  /** `after` entries ignored to schedule phases on a cycle, in file order. */
  ignoredAfter: IgnoredAfter[];
}
