import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimelineData } from '../../server/src/engine/timeline';
import { runCli } from '../helpers/cli';

/**
 * The samples are what a new user tries first (README, Quick start): they lint clean, and the
 * enterprise one is a real three-country wave plan using every version 1.1 scheduling feature.
 */
const repoRoot = path.resolve(__dirname, '../..');
const ENTERPRISE = 'samples/enterprise/contoso.rollout.yaml';

function timeline(): TimelineData {
  const run = runCli(['timeline', '--format', 'json', '--as-of', '2027-06-01', ENTERPRISE], repoRoot);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as TimelineData;
}

describe('the samples', () => {
  it('lint clean, as the Quick start promises', () => {
    const run = runCli(['lint', 'samples/small', 'samples/mid', 'samples/enterprise'], repoRoot);
    expect(run.stdout).toBe('✔ 3 files checked, no problems\n');
    expect(run.code).toBe(0);
  });

  describe('enterprise: three waves on three country calendars', () => {
    const data = timeline();
    const phase = (id: string) => data.phases.find((p) => p.id === id)!;

    it('has a lane per wave, titled with its country, each on its own named calendar', () => {
      expect(data.lanes.filter((l) => l.wave !== undefined).map((l) => [l.label, l.calendar])).toEqual([
        ['Wave 1: United Kingdom', 'uk'],
        ['Wave 2: Germany', 'de'],
        ['Wave 3: France', 'fr'],
      ]);
      expect(data.goLives.map((g) => [g.name, g.date])).toEqual([
        ['United Kingdom', '2027-09-13'],
        ['Germany', '2027-11-15'],
        ['France', '2028-01-31'],
      ]);
    });

    it('keeps country holidays apart: Whit Monday 2027-05-17 is off in Germany and France, worked in the UK', () => {
      const holidays = (id: string) => data.calendars.find((c) => c.id === id)!.holidays;
      expect(holidays('de')).toContain('2027-05-17');
      expect(holidays('fr')).toContain('2027-05-17');
      expect(holidays('uk')).not.toContain('2027-05-17');
    });

    it('works the wave 1 cutover weekend: the Siebel migration ends on the worked Sunday and go-live follows on Monday', () => {
      expect(data.calendars.find((c) => c.id === 'uk')!.extraWorkingDays).toEqual(['2027-09-11', '2027-09-12']);
      expect([phase('wave1-data').end, phase('wave1-go-live').start]).toEqual(['2027-09-12', '2027-09-13']);
    });

    it('has a milestone dependency, an ss dependency with a lag and an fs dependency with a lag', () => {
      const dependency = (to: string, from: string) => data.dependencies.find((d) => d.to === to && d.from === from);
      expect(dependency('core-build', 'solution-design')).toMatchObject({ milestone: 'design-authority-signoff', type: 'fs', lag: 0 });
      expect(dependency('wave1-training', 'wave1-testing')).toMatchObject({ type: 'ss', lag: 15 });
      expect(dependency('wave2-testing', 'wave1-go-live')).toMatchObject({ type: 'fs', lag: 10 });
      // ss: testing starts Fri 2027-07-16; 15 UK working days on (07-19..23, 26..30, 08-02..06) is Fri 08-06.
      expect([phase('wave1-testing').start, phase('wave1-training').start]).toEqual(['2027-07-16', '2027-08-06']);
      // fs: go-live week ends Fri 09-17; the first German working day after it is Mon 09-20, and ten
      // working days on (09-21..24, 27..30, 10-01, 10-04) is Mon 10-04.
      expect(phase('wave2-testing').start).toBe('2027-10-04');
    });

    it('marks as critical each wave whose data migration decides its go-live', () => {
      expect(data.criticalChains).toEqual([['wave1-data'], ['wave2-data'], ['wave3-data', 'wave3-go-live', 'wave3-hypercare', 'optimization']]);
    });
  });
});
