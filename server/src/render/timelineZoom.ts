import { DEFAULT_LABEL_WIDTH, type LayoutOptions } from './timelineLayout';

/**
 * Zoom levels of the timeline, for a drawing of a given width (a panel, or `--width` of an
 * export): `fit` puts the whole plan across the width; `quarter`, `month` and `week` put
 * about that much time across the part of the width right of the names, and the drawing
 * grows wider than the width (it scrolls). The name column narrows with the width, so the
 * chart stays usable in a 400 px panel.
 */

export type TimelineZoom = 'fit' | 'quarter' | 'month' | 'week';
export const TIMELINE_ZOOMS: readonly TimelineZoom[] = ['fit', 'quarter', 'month', 'week'];
export const DEFAULT_ZOOM: TimelineZoom = 'fit';

const DAYS_ACROSS: Record<Exclude<TimelineZoom, 'fit'>, number> = { quarter: 91, month: 30.5, week: 7 };
/** Room right of the last day when zoomed: a findings badge and the end of a slack whisker. */
export const ZOOM_RIGHT_PAD = 40;
const MIN_NAME_COLUMN = 110;
/** The narrowest drawing the zoom levels lay out; a narrower panel scrolls. */
export const MIN_ZOOM_WIDTH = 320;

export function isZoom(value: unknown): value is TimelineZoom {
  return typeof value === 'string' && (TIMELINE_ZOOMS as readonly string[]).includes(value);
}

/** The name column for a drawing `width` px wide: 30% of it, between 110 and 230 px. */
function nameColumnWidth(width: number): number {
  return Math.round(Math.max(MIN_NAME_COLUMN, Math.min(DEFAULT_LABEL_WIDTH, width * 0.3)));
}

/** Layout options that draw the timeline at `zoom` for a drawing `width` px wide. */
export function zoomLayout(zoom: TimelineZoom, width: number): LayoutOptions {
  const total = Math.max(MIN_ZOOM_WIDTH, Math.floor(width));
  const labelWidth = nameColumnWidth(total);
  if (zoom === 'fit') return { width: total, labelWidth, rightPad: ZOOM_RIGHT_PAD };
  return { dayWidth: (total - labelWidth - ZOOM_RIGHT_PAD) / DAYS_ACROSS[zoom], labelWidth, rightPad: ZOOM_RIGHT_PAD };
}

/**
 * The next zoom level in `direction` (+1 closer, -1 farther), judged by the day width each
 * level gives this plan at this width: for a plan shorter than a quarter, `fit` is closer
 * than `quarter`. Stays at the current level when there is none further that way.
 */
export function zoomStep(current: TimelineZoom, direction: 1 | -1, dayWidthAt: (zoom: TimelineZoom) => number): TimelineZoom {
  const now = dayWidthAt(current);
  const candidates = TIMELINE_ZOOMS.filter((z) => z !== current)
    .map((zoom) => ({ zoom, dayWidth: dayWidthAt(zoom) }))
    .filter((c) => (direction > 0 ? c.dayWidth > now : c.dayWidth < now))
    .sort((a, b) => direction * (a.dayWidth - b.dayWidth));
  return candidates[0]?.zoom ?? current;
}
