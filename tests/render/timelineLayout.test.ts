import { describe, expect, it } from 'vitest';
import { layoutTimeline, widthAtDayWidth } from '../../server/src/render/timelineLayout';
import { timelineOf, WAVES_PLAN } from './timelineOf';

describe('widthAtDayWidth', () => {
  const data = timelineOf(WAVES_PLAN);

  it('is the width the layout draws at that day width, which the webview uses as its narrowest readable drawing', () => {
    for (const dayWidth of [2, 5, 12.5]) {
      expect(widthAtDayWidth(data, dayWidth)).toBe(layoutTimeline(data, { dayWidth }).width);
    }
  });

  it('covers whole weeks around every date of the plan', () => {
    const layout = layoutTimeline(data, { dayWidth: 2 });
    expect((layout.lastDay - layout.firstDay + 1) % 7).toBe(0);
    expect(widthAtDayWidth(data, 3) - widthAtDayWidth(data, 2)).toBe(layout.lastDay - layout.firstDay + 1);
  });
});
