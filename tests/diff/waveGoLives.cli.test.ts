import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli';

/*
 * `crm-rollout diff --fail-on breaking` guards every wave's go-live, not only the first.
 * 2027-01-11 is a Monday: build 2w ends Fri 01-22; fr-live Mon 01-25; de-live Mon 02-01.
 */
const BASE = `plan: 1
name: Waves
calendar: { start: 2027-01-11 }
waves:
  - { wave: 1, name: France }
  - { wave: 2, name: Germany }
phases:
  - { id: build, name: Build, kind: configuration, duration: 2w }
  - { id: fr-live, name: FR go-live, kind: go-live, wave: 1, after: [build], duration: 1w }
  - { id: de-live, name: DE go-live, kind: go-live, wave: 2, after: [fr-live], duration: 1w }
`;

describe('crm-rollout diff --fail-on breaking with waves', () => {
  it('exits 1 and names the wave when the second wave goes live later', () => {
    // de-live waits two more working days: Mon 02-01 -> Wed 02-03.
    const head = BASE.replace('wave: 2, after: [fr-live]', 'wave: 2, after: [{ id: fr-live, lag: 2d }]');
    const dir = tempTree({ 'base.rollout.yaml': BASE, 'head.rollout.yaml': head });
    const run = runCli(['diff', '--as-of', '2027-01-11', '--fail-on', 'breaking', 'base.rollout.yaml', 'head.rollout.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('go-lives wave 1 "France" 2027-01-25 · wave 2 "Germany" 2027-02-01 → 2027-02-03');
    expect(run.stdout).toContain('breaking\n  wave 2 "Germany" go-live moves 2 working days later (2027-02-01 → 2027-02-03)');
    expect(run.stderr).toContain('1 change at or above "breaking"');
  });

  it('exits 0 when a wave goes live earlier', () => {
    const head = BASE.replace('wave: 2, after: [fr-live], duration: 1w', 'wave: 2, after: [build], duration: 1w');
    const dir = tempTree({ 'base.rollout.yaml': BASE, 'head.rollout.yaml': head });
    const run = runCli(['diff', '--as-of', '2027-01-11', '--fail-on', 'breaking', 'base.rollout.yaml', 'head.rollout.yaml'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wave 2 "Germany" go-live moves 5 working days earlier (2027-02-01 → 2027-01-25)');
  });
});
