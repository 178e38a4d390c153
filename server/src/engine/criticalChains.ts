/**
 * The critical chains of a schedule: each a run of critical phases joined by critical
 * dependencies (the entry that decides the later phase's start, both ends critical), from a
 * critical phase no critical dependency leads into to one none leads out of. When two chains
 * tie (plan-format.md, "Scheduling, precisely") both are listed; a critical phase on no
 * critical dependency is a chain of its own.
 *
 * Parallel ties can multiply the number of chains (a ladder of n tied pairs has 2^n), so at most
 * MAX_CRITICAL_CHAINS are listed: enumeration stops there, which keeps the work linear in the
 * size of what is returned. Every critical phase is still marked `critical` on its own.
 */

export const MAX_CRITICAL_CHAINS = 20;

export interface ChainPhase {
  id: string;
  critical: boolean;
}

export interface ChainLink {
  from: string;
  to: string;
  critical: boolean;
}

/**
 * `phases` in the order chains should start in (by start, then file order); a repeated id
 * counts once (its first entry). Returns chains of phase ids.
 */
export function criticalChains(phases: readonly ChainPhase[], links: readonly ChainLink[]): string[][] {
  const critical = new Set<string>();
  const order = new Map<string, number>();
  for (const p of phases) {
    if (order.has(p.id)) continue;
    order.set(p.id, order.size);
    if (p.critical) critical.add(p.id);
  }
  const next = new Map<string, string[]>();
  const hasPredecessor = new Set<string>();
  for (const link of links) {
    if (!link.critical || !critical.has(link.from) || !critical.has(link.to) || link.from === link.to) continue;
    const list = next.get(link.from) ?? [];
    if (list.includes(link.to)) continue;
    list.push(link.to);
    next.set(link.from, list);
    hasPredecessor.add(link.to);
  }
  const rank = (id: string) => order.get(id) ?? 0;
  for (const list of next.values()) list.sort((a, b) => rank(a) - rank(b));

  const chains: string[][] = [];
  // Depth-first from each start, with an explicit stack (a chain can be thousands of phases
  // long); a link back onto the path (possible only with repeated ids) is not followed.
  for (const start of order.keys()) {
    if (!critical.has(start) || hasPredecessor.has(start)) continue;
    const path = [start];
    const onPath = new Set(path);
    const tried = [0];
    while (path.length > 0 && chains.length < MAX_CRITICAL_CHAINS) {
      const top = path.length - 1;
      const successors = (next.get(path[top]) ?? []).filter((s) => !onPath.has(s));
      if (tried[top] === 0 && successors.length === 0) chains.push([...path]);
      const successor = successors[tried[top]];
      tried[top]++;
      if (successor === undefined) {
        onPath.delete(path.pop() as string);
        tried.pop();
      } else {
        path.push(successor);
        onPath.add(successor);
        tried.push(0);
      }
    }
  }
  return chains;
}
