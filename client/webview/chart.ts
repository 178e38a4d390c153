import type { TimelineData } from '../../server/src/protocol';
import { widthAtDayWidth } from '../../server/src/render/timelineLayout';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';

/** What a click, Enter or Space on the chart asks for: the entry and where it is in the plan. */
export interface RevealRequest {
  id: string;
  kind: 'phase' | 'milestone';
}

const ITEM = '[data-id][data-kind]';
const MIN_WIDTH = 640;
/** Below this many pixels a day, month labels collide: a long plan scrolls sideways instead. */
const MIN_DAY_PX = 2;
/** The narrowest drawing of a plan that keeps its axis readable, by the renderer's own geometry. */
function readableWidth(data: TimelineData): number {
  return widthAtDayWidth(data, MIN_DAY_PX);
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

  /** The width the next drawing is fitted to. */
  width(): number {
    return Math.max(MIN_WIDTH, Math.floor(this.container.clientWidth));
  }

  /** Draws the timeline; returns the time taken in milliseconds. */
  render(data: TimelineData): number {
    const started = performance.now();
    const markup = renderTimelineSvg(data, { theme: 'vscode', width: Math.max(this.width(), readableWidth(data)) });
    // Parsed as XML, never as HTML: plan text is already escaped in it, and a parsed <script> never runs.
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const svg = parsed.documentElement;
    if (svg.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) {
      throw new Error('the timeline drawing could not be read');
    }
    const focused = itemOf(document.activeElement)?.getAttribute('data-id') ?? undefined;
    const { scrollLeft, scrollTop } = this.container;
    this.container.replaceChildren(document.importNode(svg, true));
    this.container.scrollLeft = scrollLeft;
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
