import type { TimelineData } from '../../server/src/protocol';
import { layoutTimeline } from '../../server/src/render/timelineLayout';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';
import { zoomLayout, type TimelineZoom } from '../../server/src/render/timelineZoom';

/** What a click, Enter or Space on the chart asks for: the entry and where it is in the plan. */
export interface RevealRequest {
  id: string;
  kind: 'phase' | 'milestone';
}

const ITEM = '[data-id][data-kind]';

/** Where the day axis is in the drawing: enough to find the day under a point and put it back there. */
interface Geometry {
  labelWidth: number;
  firstDay: number;
  dayWidth: number;
}

/** A point of the panel (px from the chart's left edge) whose day stays under it across a zoom. */
export interface ZoomAnchor {
  offsetX: number;
}

function itemOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(ITEM) : null;
}

function selectorFor(id: string): string {
  return `${ITEM}[data-id="${CSS.escape(id)}"]`;
}

/**
 * The chart area: draws the SVG the shared renderer produces, swaps it in one step so an
 * update neither flickers nor loses the scroll position or the focused bar, marks the entry
 * under the editor's cursor, and turns clicks and keys on bars and milestones into reveals.
 */
export class Chart {
  private highlighted: string | undefined;
  private geometry: Geometry | undefined;

  constructor(
    private readonly container: HTMLElement,
    onReveal: (request: RevealRequest) => void,
  ) {
    container.addEventListener('click', (event) => {
      const item = itemOf(event.target);
      if (item) onReveal(this.requestOf(item));
    });
    container.addEventListener('keydown', (event) => {
      const item = itemOf(event.target);
      if (!item) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onReveal(this.requestOf(item));
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        this.moveFocus(item, event.key === 'ArrowDown' ? 1 : -1);
      }
    });
  }

  /** The width the next drawing is laid out for: the panel's, without its scrollbar. */
  width(): number {
    return Math.floor(this.container.clientWidth);
  }

  /** Pixels per day of the current drawing; undefined before the first. */
  dayWidth(): number | undefined {
    return this.geometry?.dayWidth;
  }

  /** The geometry `zoom` gives the plan in this panel, without drawing it. */
  geometryAt(data: TimelineData, zoom: TimelineZoom): Geometry {
    const layout = layoutTimeline(data, { ...zoomLayout(zoom, this.width()), ghost: data.ghost });
    return { labelWidth: layout.labelWidth, firstDay: layout.firstDay, dayWidth: layout.dayWidth };
  }

  /**
   * The anchor of a zoom by keyboard or toolbar: the focused bar or milestone when there is
   * one (its middle), else the middle of what the panel shows.
   */
  focusAnchor(): ZoomAnchor {
    const focused = itemOf(document.activeElement);
    const box = this.container.getBoundingClientRect();
    if (focused) {
      const item = focused.getBoundingClientRect();
      return { offsetX: item.left + item.width / 2 - box.left };
    }
    return { offsetX: this.container.clientWidth / 2 };
  }

  /** The anchor of a zoom by the pointer. */
  pointerAnchor(clientX: number): ZoomAnchor {
    return { offsetX: clientX - this.container.getBoundingClientRect().left };
  }

  /**
   * Draws the timeline at a zoom; returns the time taken in milliseconds. With an anchor, the
   * day under it before the zoom is under it again after.
   */
  render(data: TimelineData, zoom: TimelineZoom, anchor?: ZoomAnchor): number {
    const started = performance.now();
    const before = this.geometry;
    const anchorDay = anchor && before ? before.firstDay + (this.container.scrollLeft + anchor.offsetX - before.labelWidth) / before.dayWidth : undefined;
    this.geometry = this.geometryAt(data, zoom);
    const markup = renderTimelineSvg(data, { theme: 'vscode', zoom, width: this.width() });
    // Parsed as XML, never as HTML: plan text is already escaped in it, and a parsed <script> never runs.
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const svg = parsed.documentElement;
    if (svg.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) {
      throw new Error('the timeline drawing could not be read');
    }
    const focused = itemOf(document.activeElement)?.getAttribute('data-id') ?? undefined;
    const { scrollLeft, scrollTop } = this.container;
    this.container.replaceChildren(document.importNode(svg, true));
    this.container.dataset.zoom = zoom;
    const after = this.geometry;
    this.container.scrollLeft = anchor && anchorDay !== undefined ? after.labelWidth + (anchorDay - after.firstDay) * after.dayWidth - anchor.offsetX : scrollLeft;
    this.container.scrollTop = scrollTop;
    if (focused) (this.container.querySelector(selectorFor(focused)) as SVGElement | HTMLElement | null)?.focus({ preventScroll: true });
    this.highlight(this.highlighted, false);
    return performance.now() - started;
  }

  /** Marks the entry under the editor's cursor and scrolls it into view. */
  highlight(id: string | undefined, scroll = true): void {
    this.highlighted = id;
    for (const el of this.container.querySelectorAll('.is-current')) el.classList.remove('is-current');
    if (!id) return;
    const item = this.container.querySelector(selectorFor(id));
    if (!item) return;
    item.classList.add('is-current');
    for (const label of this.container.querySelectorAll(`[data-for="${CSS.escape(id)}"]`)) label.classList.add('is-current');
    if (scroll) item.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  current(): string | undefined {
    return this.highlighted;
  }

  private requestOf(item: Element): RevealRequest {
    return { id: item.getAttribute('data-id') ?? '', kind: item.getAttribute('data-kind') === 'milestone' ? 'milestone' : 'phase' };
  }

  private moveFocus(from: Element, step: number): void {
    const items = [...this.container.querySelectorAll<SVGElement>(ITEM)];
    const next = items[items.indexOf(from as SVGElement) + step];
    next?.focus();
  }
}
