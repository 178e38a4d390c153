import type { Finding } from '../types';
import type { PlanSnapshot } from './snapshot';
import type { PlanChange } from './types';

/**
 * New and resolved findings. A finding is keyed by its rule and where it is in terms of ids,
 * never by line: its `idPath` (translated to the diff's entity keys), else the innermost
 * entity whose declaration contains it, else `plan`. Findings are paired first by rule,
 * location and exact message, then by rule, message id and location (the same problem
 * whose message quotes a moved date); what is left over on the head side is new, on the
 * base side resolved.
 */

interface Located {
  finding: Finding;
  location: string;
}

function locate(findings: Finding[], snapshot: PlanSnapshot | undefined): Located[] {
  const byModelPath = new Map<string, string>();
  for (const e of snapshot?.entities ?? []) byModelPath.set(e.modelIdPath, e.key);
  return findings.map((finding) => {
    if (finding.idPath) return { finding, location: byModelPath.get(finding.idPath) ?? finding.idPath };
    let best: { key: string; size: number } | undefined;
    for (const e of snapshot?.entities ?? []) {
      if (!e.offsets) continue;
      const [from, to] = e.offsets;
      const at = finding.offsets[0];
      if (at >= from && at < to && (!best || to - from < best.size)) best = { key: e.key, size: to - from };
    }
    return { finding, location: best?.key ?? 'plan' };
  });
}

/** Removes from `pool` one entry per item of `items` with the same key; returns the items left unpaired. */
function pair(items: Located[], pool: Located[], key: (l: Located) => string): Located[] {
  const available = new Map<string, Located[]>();
  for (const l of pool) available.set(key(l), [...(available.get(key(l)) ?? []), l]);
  const unpaired: Located[] = [];
  for (const item of items) {
    const match = available.get(key(item))?.shift();
    if (match) pool.splice(pool.indexOf(match), 1);
    else unpaired.push(item);
  }
  return unpaired;
}

function findingChange(l: Located, action: 'new' | 'resolved'): PlanChange {
  const f = l.finding;
  const severity = action === 'new' && f.severity === 'error' ? 'warning' : 'info';
  return {
    severity,
    subject: 'finding',
    action,
    key: `findings/${f.ruleId}/${l.location}`,
    field: f.severity,
    rule: f.ruleId,
    reason: severity === 'warning' ? 'new-error' : undefined,
    message: `${action} ${f.severity}${l.location === 'plan' ? '' : ` in "${l.location}"`}: ${f.message} [${f.ruleId}]`,
  };
}

export function diffFindings(base: Finding[], baseSnapshot: PlanSnapshot | undefined, head: Finding[], headSnapshot: PlanSnapshot | undefined): PlanChange[] {
  const pool = locate(base, baseSnapshot);
  const exact = (l: Located) => `${l.finding.ruleId}\u0000${l.location}\u0000${l.finding.message}`;
  const loose = (l: Located) => `${l.finding.ruleId}\u0000${l.finding.messageId}\u0000${l.location}`;
  const unpaired = pair(pair(locate(head, headSnapshot), pool, exact), pool, loose);
  return [...unpaired.map((l) => findingChange(l, 'new')), ...pool.map((l) => findingChange(l, 'resolved'))];
}
