import { describe, expect, it } from 'vitest';
import type { TimelineGoLive } from '../../server/src/engine/timeline';
import { toolbarSummary } from '../../server/src/render/timelineText';

/** The timeline panel's toolbar line names every wave's go-live, not only the first. */

const NO_FINDINGS = { error: 0, warning: 0, info: 0 };

function summary(goLives: TimelineGoLive[], findings = NO_FINDINGS): string {
  return toolbarSummary({ goLive: goLives[0]?.date, goLives, asOf: '2027-04-19', findings });
}

describe('toolbarSummary', () => {
  it('names the one go-live of a plan without waves, the as-of date and the findings', () => {
    expect(summary([{ phase: 'go-live', date: '2027-02-16' }], { error: 1, warning: 2, info: 0 })).toBe('Go-live 2027-02-16 · as of 2027-04-19 · 1 error, 2 warnings');
  });

  it('names every wave\'s go-live with its number and name, in date order', () => {
    const waves = [
      { wave: 1, name: 'France', phase: 'fr-go-live', date: '2027-05-19' },
      { wave: 3, name: 'United Kingdom', phase: 'uk-go-live', date: '2027-06-14' },
      { wave: 2, phase: 'de-go-live', date: '2027-06-18' },
    ];
    expect(summary(waves)).toBe('Go-lives: Wave 1 (France) 2027-05-19, Wave 3 (United Kingdom) 2027-06-14, Wave 2 2027-06-18 · as of 2027-04-19');
  });

  it('names the wave of a single wave\'s go-live, and a go-live of no wave beside waves as the plan\'s', () => {
    expect(summary([{ wave: 1, name: 'UK', phase: 'go', date: '2027-03-01' }])).toBe('Go-live: Wave 1 (UK) 2027-03-01 · as of 2027-04-19');
    expect(summary([{ phase: 'cutover', date: '2027-03-01' }, { wave: 2, name: 'DE', phase: 'go-de', date: '2027-04-01' }])).toBe('Go-lives: Plan 2027-03-01, Wave 2 (DE) 2027-04-01 · as of 2027-04-19');
  });

  it('says when no phase is a go-live', () => {
    expect(summary([])).toBe('No go-live phase · as of 2027-04-19');
  });

  it('keeps a wave name holding markup as plain text, for the page to set as text', () => {
    expect(summary([{ wave: 1, name: '<img src=x onerror=alert(1)>', phase: 'go', date: '2027-03-01' }])).toBe('Go-live: Wave 1 (<img src=x onerror=alert(1)>) 2027-03-01 · as of 2027-04-19');
  });
});
