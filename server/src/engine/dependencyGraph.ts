import type { Dependency, Milestone, Phase } from './model';

/**
 * The `after` graph: phases are nodes numbered by their position in `plan.phases` (file
 * order); an `after` entry is an edge from the phase to the phase it names, or to the phase
 * of the milestone it names (so a cycle through a milestone is a cycle). Everything here is
 * iterative and linear in phases + edges, apart from listing cycles (see `listCycles`),
 * because it runs on every keystroke on plans with thousands of phases.
 */

export interface Edge {
  /** Position of the phase named, or of the milestone's phase. */
  target: number;
  dependency: Dependency;
  /** Set when the entry names a milestone. */
  milestone?: Milestone;
}

/** `after` edges of each phase; unknown ids are skipped (`known-references` reports them). */
export interface DependencyGraph {
  edges: Edge[][];
  /** targets[u][k] === edges[u][k].target, for the graph algorithms. */
  targets: number[][];
}

/** A phase id wins over a milestone id (a clash is `unique-ids`' finding). */
export function dependencyGraph(
  phases: readonly Phase[],
  positionById: ReadonlyMap<string, number>,
  milestoneById: ReadonlyMap<string, Milestone>,
): DependencyGraph {
  const positionOf = new Map<Phase, number>();
  phases.forEach((phase, u) => positionOf.set(phase, u));
  const edges = phases.map((phase) => {
    const out: Edge[] = [];
    for (const dependency of phase.after) {
      const target = positionById.get(dependency.value);
      if (target !== undefined) {
        out.push({ target, dependency });
        continue;
      }
      const milestone = milestoneById.get(dependency.value);
      const owner = milestone && positionOf.get(milestone.phase);
      if (milestone && owner !== undefined) out.push({ target: owner, dependency, milestone });
    }
    return out;
  });
  return { edges, targets: edges.map((list) => list.map((e) => e.target)) };
}

/**
 * Tarjan's strongly connected components, with an explicit stack instead of recursion so a
 * chain of any length cannot overflow. Components come out prerequisites first: a component
 * is emitted only after every component it can reach through `after`.
 */
export function stronglyConnectedComponents(graph: DependencyGraph): { components: number[][]; componentOf: Int32Array } {
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
export function closesCycle(u: number, v: number, componentOf: Int32Array): boolean {
  return componentOf[u] === componentOf[v] && v >= u;
}

/**
 * One shortest cycle through each phase of a cyclic component not yet on a listed cycle,
 * found by a breadth-first search that stays inside the component. Each listed cycle holds
 * at least one phase no earlier cycle held, so none is listed twice. This is linear per
 * cycle; only a component with very many distinct cycles makes it quadratic.
 */
export function listCycles(graph: DependencyGraph, components: number[][], componentOf: Int32Array): number[][] {
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

