import { describe, expect, it } from 'vitest';
import { scheduleText, summarize } from '../../client/src/planSummary';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { buildTimeline } from '../../server/src/engine/timeline';

/** The status item's schedule line, from the timeline the server sends (built here the same way). */
function statusLine(plan: string): string {
  const path = '/plans/p.rollout.yaml';
  const result = lintText(path, plan, { fs: new MemoryFileSystem({ [path]: plan }), root: '/plans' });
  return scheduleText(summarize(buildTimeline(result, '2027-01-11')));
}

describe('status item schedule line', () => {
  it('shows the single go-live of a plan without waves', () => {
    // a 1w: Mon 01-11 .. Fri 01-15; live Mon 01-18 (1d). Both critical: 6 working days.
    expect(
      statusLine(`plan: 1
name: P
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: configuration, duration: 1w }
  - { id: live, name: Live, kind: go-live, after: [a], duration: 1d }
`),
    ).toBe('go-live 2027-01-18 · critical path 2 phases, 6 working days');
  });

  it('shows every wave\'s go-live, not only the first', () => {
    // a 1w ends Fri 01-15: fr-live Mon 01-18; de-live waits for fr-live: Tue 01-19; uk-live
    // waits for de-live: Wed 01-20. Every phase is critical: 5 + 1 + 1 + 1 working days.
    expect(
      statusLine(`plan: 1
name: P
calendar: { start: 2027-01-11 }
waves:
  - { wave: 1, name: France }
  - { wave: 2, name: Germany }
  - { wave: 3 }
phases:
  - { id: a, name: A, kind: configuration, duration: 1w }
  - { id: fr-live, name: FR, kind: go-live, wave: 1, after: [a], duration: 1d }
  - { id: de-live, name: DE, kind: go-live, wave: 2, after: [fr-live], duration: 1d }
  - { id: uk-live, name: UK, kind: go-live, wave: 3, after: [de-live], duration: 1d }
`),
    ).toBe('go-lives wave 1 France 2027-01-18, wave 2 Germany 2027-01-19, wave 3 2027-01-20 · critical path 4 phases, 8 working days');
  });
});
