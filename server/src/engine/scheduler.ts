import { WorkCalendar } from './calendar';
import type { Phase, Plan, Ref } from './model';
import type { IgnoredAfter, PhaseWindow, Schedule, StartSource } from './schedule';

/**
 * Resolves every phase's window from `start`, `end`, `duration` and `after` (plan-format.md,
 * "Scheduling"), then the critical path and each phase's slack.
 *
 * Phases are graph nodes numbered by their position in `plan.phases` (file order); an `after`
 * entry is an edge from the phase to the prerequisite it names. Everything below is iterative
 * and linear in phases + edges, apart from listing cycles (see `listCycles`), because it runs
 * on every keystroke on plans with thousands of phases.
 */

/** `after` edges: targets[u][k] is the position of the phase named by refs[u][k]. */
interface DependencyGraph {
  targets: number[][];
  refs: Ref[][];
}

interface Slot {
  start: number;
  end: number;
  source: StartSource;
  /** Position of the prerequisite whose end fixed the start, when the start came from `after`. */
  decidedBy?: number;
}

/** Edges of `after`; unknown ids are skipped (`known-references` reports them). */
function dependencyGraph(phases: readonly Phase[], positionById: ReadonlyMap<string, number>): DependencyGraph {
  const targets: number[][] = [];
  const refs: Ref[][] = [];
  for (const phase of phases) {
    const t: number[] = [];
    const r: Ref[] = [];
    for (const ref of phase.after) {
      const target = positionById.get(ref.value);
      if (target === undefined) continue;
      t.push(target);
      r.push(ref);
    }
    targets.push(t);
    refs.push(r);
  }
  return { targets, refs };
}

/**
 * Tarjan's strongly connected components, with an explicit stack instead of recursion so a
 * chain of any length cannot overflow. Components come out prerequisites first: a component
 * is emitted only after every component it can reach through `after`.
 */
function stronglyConnectedComponents(graph: DependencyGraph): { components: number[][]; componentOf: Int32Array } {
  const n = graph.targets.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const nextEdge = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const calls: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  const enter = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (calls.length > 0) {
      const u = calls[calls.length - 1];
      const edges = graph.targets[u];
      if (nextEdge[u] < edges.length) {
        const v = edges[nextEdge[u]++];
        if (index[v] === -1) enter(v);
        else if (onStack[v]) low[u] = Math.min(low[u], index[v]);
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const parent = calls[calls.length - 1];
        low[parent] = Math.min(low[parent], low[u]);
      }
      if (low[u] !== index[u]) continue;
      const component: number[] = [];
      let v: number;
      do {
        v = stack.pop()!;
        onStack[v] = 0;
        componentOf[v] = components.length;
        component.push(v);
      } while (v !== u);
      components.push(component.sort((a, b) => a - b));
    }
  }
  return { components, componentOf };
}

/**
 * An edge closes a cycle when both ends lie in the same strongly connected component and it
 * names the phase itself or a phase declared later in the file. Dropping exactly those edges
 * leaves every component acyclic (its remaining edges all point to earlier declarations), so
 * inside a cycle the file order decides which phase comes first: for `a → b → a` with `a`
 * declared first, `a`'s entry naming `b` is ignored and `b` is scheduled after `a`.
 */
function closesCycle(u: number, v: number, componentOf: Int32Array): boolean {
  return componentOf[u] === componentOf[v] && v >= u;
}

/**
 * One shortest cycle through each phase of a cyclic component not yet on a listed cycle,
 * found by a breadth-first search that stays inside the component. Each listed cycle holds
 * at least one phase no earlier cycle held, so none is listed twice. This is linear per
 * cycle; only a component with very many distinct cycles makes it quadratic.
 */
function listCycles(graph: DependencyGraph, components: number[][], componentOf: Int32Array): number[][] {
  const n = graph.targets.length;
  const cycles: number[][] = [];
  const covered = new Uint8Array(n);
  const seen = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n);
  let search = 0;
  for (const component of components) {
    const c = componentOf[component[0]];
    const selfLoop = component.length === 1 && graph.targets[component[0]].includes(component[0]);
    if (component.length === 1 && !selfLoop) continue;
    for (const origin of component) {
      if (covered[origin]) continue;
      search++;
      seen[origin] = search;
      const queue = [origin];
      let last = -1;
      for (let head = 0; head < queue.length && last === -1; head++) {
        const u = queue[head];
        for (const v of graph.targets[u]) {
          if (componentOf[v] !== c) continue;
          if (v === origin) {
            last = u;
            break;
          }
          if (seen[v] === search) continue;
          seen[v] = search;
          parent[v] = u;
          queue.push(v);
        }
      }
      // In a strongly connected component every phase reaches back to `origin`.
      const path: number[] = [];
      for (let v = last; v !== origin; v = parent[v]) path.push(v);
      path.push(origin);
      path.reverse();
      for (const v of path) covered[v] = 1;
      let first = 0;
      for (let k = 1; k < path.length; k++) if (path[k] < path[first]) first = k;
      cycles.push([...path.slice(first), ...path.slice(0, first)]);
    }
  }
  return cycles.sort((a, b) => a[0] - b[0] || a.length - b.length);
}

/** The prerequisite that ends last (ties: first in file) among the placed ones. */
function latestPrerequisite(prerequisites: readonly number[], slots: readonly (Slot | undefined)[]): number | undefined {
  let best: number | undefined;
  for (const p of prerequisites) {
    const slot = slots[p];
    if (!slot) continue;
    if (best === undefined || slot.end > slots[best]!.end || (slot.end === slots[best]!.end && p < best)) best = p;
  }
  return best;
}

function place(
  phase: Phase,
  prerequisites: readonly number[],
  slots: readonly (Slot | undefined)[],
  calendar: WorkCalendar,
  calendarStart: number | undefined,
): Slot | undefined {
  const duration = phase.duration?.value;
  let start: number;
  let source: StartSource;
  let decidedBy: number | undefined;
  const latest = phase.start ? undefined : latestPrerequisite(prerequisites, slots);
  if (phase.start) {
    start = phase.start.day;
    source = 'start';
  } else if (latest !== undefined) {
    start = calendar.nextAfter(slots[latest]!.end);
    source = 'after';
    decidedBy = latest;
  } else if (calendarStart !== undefined) {
    start = calendarStart;
    source = 'calendar';
  } else if (phase.end) {
    // Nothing else dates the phase: stand it on its own end, reaching back over its duration
    // so `end` and `duration` agree instead of producing a spurious date-order finding.
    start = duration === undefined ? phase.end.day : calendar.startOf(phase.end.day, duration);
    source = 'none';
  } else {
    return undefined;
  }
  const end = phase.end ? phase.end.day : duration === undefined ? start : calendar.endOf(start, duration);
  return { start, end, source, decidedBy };
}

/**
 * Backward pass: a phase's latest finish is the working day before the earliest latest start
 * of its successors, or the plan's end without successors; its slack is the working days
 * after its end up to that; its latest start is its start moved by its slack in working days.
 */
function slacks(
  order: readonly number[],
  prerequisites: readonly number[][],
  slots: readonly (Slot | undefined)[],
  calendar: WorkCalendar,
  planEnd: number,
): Int32Array {
  const n = slots.length;
  const successors: number[][] = Array.from({ length: n }, () => []);
  prerequisites.forEach((list, u) => {
    for (const p of list) successors[p].push(u);
  });
  const slack = new Int32Array(n);
  const latestStart = new Float64Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k];
    const slot = slots[u];
    if (!slot) continue;
    let latestFinish = Infinity;
    for (const s of successors[u]) {
      if (slots[s]) latestFinish = Math.min(latestFinish, calendar.previousBefore(latestStart[s]));
    }
    if (latestFinish === Infinity) latestFinish = planEnd;
    slack[u] = calendar.workingDaysBetween(slot.end + 1, latestFinish);
    latestStart[u] = calendar.addWorkingDays(slot.start, slack[u]);
  }
  return slack;
}

/** From the latest-ending phase back through the prerequisites that fixed each start. */
function criticalChain(slots: readonly (Slot | undefined)[]): number[] {
  let last: number | undefined;
  slots.forEach((slot, u) => {
    if (slot && (last === undefined || slot.end > slots[last]!.end)) last = u;
  });
  const chain: number[] = [];
  for (let u = last; u !== undefined; u = slots[u]!.decidedBy) chain.push(u);
  return chain.reverse();
}

export function buildSchedule(plan: Plan): Schedule {
  const phases = plan.phases;
  const holidays = [...plan.calendar.holidays, ...plan.importedHolidays].map((h) => h.day);
  const calendar = new WorkCalendar(plan.calendar.workdays, holidays);

  const positionById = new Map<string, number>();
  phases.forEach((phase, u) => {
    if (!positionById.has(phase.id)) positionById.set(phase.id, u);
  });
  const phaseById = new Map<string, Phase>();
  for (const [id, u] of positionById) phaseById.set(id, phases[u]);

  const graph = dependencyGraph(phases, positionById);
  const { components, componentOf } = stronglyConnectedComponents(graph);
  const ignoredAfter: IgnoredAfter[] = [];
  const prerequisites = graph.targets.map((targets, u) =>
    targets.filter((v, k) => {
      if (!closesCycle(u, v, componentOf)) return true;
      ignoredAfter.push({ phase: phases[u], ref: graph.refs[u][k], prerequisite: phases[v] });
      return false;
    }),
  );

  // Components prerequisites first, each in file order: with the cycle-closing edges gone,
  // this visits every prerequisite before the phases that wait for it.
  const order = components.flat();
  const slots: (Slot | undefined)[] = new Array(phases.length);
  for (const u of order) slots[u] = place(phases[u], prerequisites[u], slots, calendar, plan.calendar.start?.day);

  let planStart: number | undefined;
  let planEnd: number | undefined;
  for (const slot of slots) {
    if (!slot) continue;
    planStart = planStart === undefined ? slot.start : Math.min(planStart, slot.start);
    planEnd = planEnd === undefined ? slot.end : Math.max(planEnd, slot.end);
  }

  const slack = planEnd === undefined ? new Int32Array(phases.length) : slacks(order, prerequisites, slots, calendar, planEnd);
  const chain = criticalChain(slots);
  const onChain = new Set(chain);

  const windows: PhaseWindow[] = [];
  const windowByPhase = new Map<Phase, PhaseWindow>();
  slots.forEach((slot, u) => {
    if (!slot) return;
    const critical = onChain.has(u);
    const window: PhaseWindow = {
      phase: phases[u],
      start: slot.start,
      end: slot.end,
      workingDays: calendar.workingDaysBetween(slot.start, slot.end),
      startSource: slot.source,
      slack: critical ? 0 : slack[u],
      critical,
    };
    windows.push(window);
    windowByPhase.set(phases[u], window);
  });

  // Array.prototype.sort is stable, so equal starts keep file order.
  const goLiveWindows = windows.filter((w) => w.phase.phaseKind?.value === 'go-live').sort((a, b) => a.start - b.start);

  return {
    calendar,
    windows,
    windowOf: (phase) => windowByPhase.get(phase),
    phaseById,
    criticalPath: chain.map((u) => phases[u]),
    planStart,
    planEnd,
    goLives: goLiveWindows.map((w) => w.phase),
    goLive: goLiveWindows[0]?.start,
    cycles: listCycles(graph, components, componentOf).map((cycle) => cycle.map((u) => phases[u])),
    ignoredAfter,
  };
}
