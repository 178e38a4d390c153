import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderTimelineCsv } from '../../server/src/render/timelineCsv';
import { timelineOf, WAVES_PLAN, withoutFindings } from './timelineOf';

describe('renderTimelineCsv', () => {
  it('writes a header and one CRLF-terminated row per phase and milestone, milestones after their phase', () => {
    const rows = renderTimelineCsv(withoutFindings(timelineOf(WAVES_PLAN))).split('\r\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 2).join(' '))).toEqual(['phase design', 'milestone signed', 'phase build-a', 'phase build-b', 'milestone b-ready', '']);
    expect(rows[1]).toBe('phase,design,Design,design,All waves,,ann,2027-01-11,2027-01-15,5,0,true,,1,2,,,,0,0,0,,0,,,');
    expect(rows[2]).toBe('milestone,signed,Design signed,,All waves,,,2027-01-15,2027-01-15,,,,,,,true,design,Approved,,,,,,,,');
  });

  it('counts the findings of each phase by severity', () => {
    const data = timelineOf(WAVES_PLAN);
    const row = renderTimelineCsv(data).split('\r\n').find((r) => r.startsWith('phase,build-b,'));
    const phase = data.phases.find((p) => p.id === 'build-b')!;
    const { error, warning, info } = phase.findings;
    expect(error).toBeGreaterThanOrEqual(1);
    expect(row?.endsWith(`,${error},${warning},${info},,${phase.float},,,`)).toBe(true);
  });

  it('quotes and defuses hostile names', () => {
    const csv = renderTimelineCsv(timelineOf(WAVES_PLAN.replace('name: Design\n', `name: '=HYPERLINK("http://evil", "x"), done'\n`)));
    expect(csv).toContain(`phase,design,"'=HYPERLINK(""http://evil"", ""x""), done",design`);
  });
});
