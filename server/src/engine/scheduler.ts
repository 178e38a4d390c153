import type { WorkCalendar } from './calendar';
import { closesCycle, dependencyGraph, listCycles, stronglyConnectedComponents, type Edge } from './dependencyGraph';
import { floats, type FloatSlot } from './float';
import type { Dependency, Milestone, Phase, Plan } from './model';
import { planCalendars } from './phaseCalendars';
import type { DependencyTarget, IgnoredAfter, PhaseCalendar, PhaseWindow, Schedule, ScheduleOptions, StartSource, WaveGoLive } from './schedule';

/**
 * Resolves every phase's window from `start`, `end`, `duration` and `after` on the phase's own
 * calendar (plan-format.md, "Scheduling" and "Version 1.1 additions"), then each phase's float
 * and which phases are critical.
 */

interface Slot extends FloatSlot {
  source: StartSource;
  phaseCalendar: PhaseCalendar;
  drivenBy: Dependency[];
}

/**
 * The day an `after` edge lets phase `u` start, counted on u's calendar: `fs` is the first
 * working day after the prerequisite's end (or the milestone's date) plus `lag` working days;
 * `ss` is the prerequisite's start (its first working day on u's calendar) plus `lag`. A
 * milestone is a point in time, so `ss` on a milestone reads as `fs`. Undefined while the
 * target is not dated.
 */
function edgeDate(edge: Edge, waiting: PhaseCalendar, slots: readonly (Slot | undefined)[], options: ScheduleOptions): number | undefined {
  const cal = waiting.work;
  const { dependency, milestone } = edge;
  const target = slots[edge.target];
  if (milestone) {
    const achieved = options.mode === 'forecast' ? milestone.achieved?.day : undefined;
    const day = achieved ?? milestone.date?.day ?? target?.end;
    return day === undefined ? undefined : cal.addWorkingDays(cal.nextAfter(day), dependency.lag);
  }
  if (!target) return undefined;
  if (dependency.type === 'ss') return cal.addWorkingDays(cal.onOrAfter(target.start), dependency.lag);
  return cal.addWorkingDays(cal.nextAfter(target.end), dependency.lag);
}

/**
 * The day a started phase without `actual.end` should end: its duration counted from its actual
 * start, else its `end`, else the start itself. Before the as-of date, the phase is running late.
 */
export function dueEnd(phase: Phase, cal: WorkCalendar, start: number): number {
  const duration = phase.duration?.value;
  return duration === undefined ? (phase.end?.day ?? start) : cal.endOf(start, duration);
}

/** The planned slot, moved onto the phase's actual dates when the schedule is a forecast. */
function place(phase: Phase, edges: readonly Edge[], slots: readonly (Slot | undefined)[], phaseCalendar: PhaseCalendar, calendarStart: number | undefined, options: ScheduleOptions): Slot | undefined {
  const planned = placePlanned(phase, edges, slots, phaseCalendar, calendarStart, options);
  const actual = phase.actual;
  if (options.mode !== 'forecast' || !actual || (!actual.start && !actual.end)) return planned;
  const cal = phaseCalendar.work;
  const start = actual.start?.day ?? planned?.start ?? actual.end?.day;
  if (start === undefined) return planned;
  let end: number;
  if (actual.end) end = actual.end.day;
  else end = Math.max(dueEnd(phase, cal, start), options.asOf);
  return {
    phase,
    start,
    end,
    calendar: cal,
    phaseCalendar,
    source: actual.start ? 'start' : (planned?.source ?? 'none'),
    drivenBy: actual.start ? [] : (planned?.drivenBy ?? []),
    fixedStart: actual.start !== undefined || phase.start !== undefined,
    fixedEnd: actual.end !== undefined || phase.end !== undefined,
  };
}

function placePlanned(phase: Phase, edges: readonly Edge[], slots: readonly (Slot | undefined)[], phaseCalendar: PhaseCalendar, calendarStart: number | undefined, options: ScheduleOptions): Slot | undefined {
  const cal = phaseCalendar.work;
  const duration = phase.duration?.value;
  let latest: number | undefined;
  let drivenBy: Dependency[] = [];
  for (const edge of edges) {
    const day = edgeDate(edge, phaseCalendar, slots, options);
    if (day === undefined) continue;
    if (latest === undefined || day > latest) {
      latest = day;
      drivenBy = [edge.dependency];
    } else if (day === latest) drivenBy.push(edge.dependency);
  }
  let start: number;
  let source: StartSource;
  if (phase.start) {
    start = phase.start.day;
    source = 'start';
    drivenBy = [];
  } else if (latest !== undefined) {
    start = latest;
    source = 'after';
  } else if (phase.end && duration !== undefined) {
    // Scheduled backwards: `duration` working days ending on `end`, so the two agree.
    start = cal.startOf(phase.end.day, duration);
    source = 'none';
  } else if (calendarStart !== undefined) {
    start = cal.onOrAfter(calendarStart);
    source = 'calendar';
  } else if (phase.end) {
    start = phase.end.day;
    source = 'none';
  } else {
    return undefined;
  }
  const end = phase.end ? phase.end.day : duration === undefined ? start : cal.endOf(start, duration);
  return { phase, start, end, calendar: cal, phaseCalendar, source, drivenBy, fixedStart: phase.start !== undefined, fixedEnd: phase.end !== undefined };
}

/** The earliest go-live phase of each `wave` value (no wave is a value of its own), by start. */
function waveGoLivesOf(plan: Plan, goLiveWindows: readonly PhaseWindow[]): WaveGoLive[] {
  const names = new Map<number, string>();
  for (const w of plan.waves) if (w.name && !names.has(w.wave.value)) names.set(w.wave.value, w.name.value);
  const seen = new Set<number | undefined>();
  const out: WaveGoLive[] = [];
  for (const w of goLiveWindows) {
    const wave = w.phase.wave?.value;
    if (seen.has(wave)) continue;
    seen.add(wave);
    out.push({ wave, name: wave === undefined ? undefined : names.get(wave), phase: w.phase, start: w.start });
  }
  return out;
}

/** The planned schedule, or with `{ mode: 'forecast', asOf }` the forecast; see ScheduleOptions. */
export function buildSchedule(plan: Plan, options: ScheduleOptions = {}): Schedule {
  const phases = plan.phases;
  const calendars = planCalendars(plan);

  const positionById = new Map<string, number>();
  const positionOf = new Map<Phase, number>();
  phases.forEach((phase, u) => {
    positionOf.set(phase, u);
    if (!positionById.has(phase.id)) positionById.set(phase.id, u);
  });
  const phaseById = new Map<string, Phase>();
  for (const [id, u] of positionById) phaseById.set(id, phases[u]);
  const milestoneById = new Map<string, Milestone>();
  for (const phase of phases) for (const m of phase.milestones) if (!milestoneById.has(m.id)) milestoneById.set(m.id, m);

  const graph = dependencyGraph(phases, positionById, milestoneById);
  const { components, componentOf } = stronglyConnectedComponents(graph);
  const ignoredAfter: IgnoredAfter[] = [];
  const kept = graph.edges.map((edges, u) =>
    edges.filter((edge) => {
      if (!closesCycle(u, edge.target, componentOf)) return true;
      ignoredAfter.push({ phase: phases[u], ref: edge.dependency, prerequisite: phases[edge.target] });
      return false;
    }),
  );

  // Components prerequisites first, each in file order: with the cycle-closing edges gone,
  // this visits every prerequisite before the phases that wait for it.
  const order = components.flat();
  const slots: (Slot | undefined)[] = new Array(phases.length);
  for (const u of order) slots[u] = place(phases[u], kept[u], slots, calendars.of(phases[u]), plan.calendar.start?.day, options);

  let planStart: number | undefined;
  let planEnd: number | undefined;
  for (const slot of slots) {
    if (!slot) continue;
    planStart = planStart === undefined ? slot.start : Math.min(planStart, slot.start);
    planEnd = planEnd === undefined ? slot.end : Math.max(planEnd, slot.end);
  }
  const slack = planEnd === undefined ? new Int32Array(phases.length) : floats(order, kept, slots, planEnd);

  const windows: PhaseWindow[] = [];
  const windowByPhase = new Map<Phase, PhaseWindow>();
  slots.forEach((slot, u) => {
    if (!slot) return;
    const window: PhaseWindow = {
      phase: phases[u],
      start: slot.start,
      end: slot.end,
      workingDays: slot.calendar.workingDaysBetween(slot.start, slot.end),
      startSource: slot.source,
      slack: slack[u],
      critical: slack[u] <= 0 && phases[u].actual?.end === undefined,
      calendar: slot.phaseCalendar,
      drivenBy: slot.drivenBy,
    };
    windows.push(window);
    windowByPhase.set(phases[u], window);
  });

  // Array.prototype.sort is stable, so equal starts keep file order.
  const byStart = (a: PhaseWindow, b: PhaseWindow) => a.start - b.start;
  const goLiveWindows = windows.filter((w) => w.phase.phaseKind?.value === 'go-live').sort(byStart);
  const targetOf = (dependency: Dependency): DependencyTarget | undefined => {
    const phase = phaseById.get(dependency.value);
    if (phase) return { phase };
    const milestone = milestoneById.get(dependency.value);
    return milestone && { phase: milestone.phase, milestone };
  };

  return {
    calendar: calendars.plan.work,
    calendars: calendars.named,
    calendarOf: calendars.of,
    windows,
    windowOf: (phase) => windowByPhase.get(phase),
    phaseById,
    milestoneById,
    targetOf,
    dependencyDate(phase, dependency) {
      const target = targetOf(dependency);
      const t = target && positionOf.get(target.phase);
      if (!target || t === undefined || !positionOf.has(phase)) return undefined;
      return edgeDate({ target: t, dependency, milestone: target.milestone }, calendars.of(phase), slots, options);
    },
    criticalPath: windows.filter((w) => w.critical).sort(byStart).map((w) => w.phase),
    planStart,
    planEnd,
    goLives: goLiveWindows.map((w) => w.phase),
    goLive: goLiveWindows[0]?.start,
    waveGoLives: waveGoLivesOf(plan, goLiveWindows),
    cycles: listCycles(graph, components, componentOf).map((cycle) => cycle.map((u) => phases[u])),
    ignoredAfter,
  };
}
