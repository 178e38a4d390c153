import type { TimelineEditResult, TimelineGesture } from '../../server/src/protocol';

/**
 * Dragging and resizing bars and diamonds, and the same with the keyboard. The webview only
 * measures the gesture: how many days along the axis the pointer went (calendar days; the
 * server counts them into working days of the phase's calendar), or one working day per
 * Alt+Arrow. The panel asks the language server for the edit; previews come back while the
 * pointer moves (the new dates, the dependents that follow, any finding the move would add) and
 * the drop applies the edit. Escape cancels a drag.
 */

const ITEM = '[data-id][data-kind]';
/** Pixels at a bar's right end that grab its end (resize) rather than the whole bar. */
const RESIZE_GRIP_PX = 6;

export interface GestureSink {
  /** Sends a gesture; `commit` false asks for a preview only. Returns the gesture's sequence number. */
  send(gesture: TimelineGesture, commit: boolean): number;
  /** Says something to the user and to screen readers (the live region). */
  announce(text: string): void;
  /** Days per pixel of the current drawing, or undefined before anything is drawn. */
  dayWidth(): number | undefined;
}

interface Drag {
  item: SVGGElement;
  kind: TimelineGesture['kind'];
  id: string;
  pointerId: number;
  startX: number;
  days: number;
  /** The bar's width before a resize, to put back on cancel. */
  barWidth?: number;
  /** Sequence number of the newest preview asked for. */
  seq: number;
  refused: boolean;
}

function gestureOf(kind: TimelineGesture['kind'], id: string, days: number, unit: 'working' | 'calendar'): TimelineGesture {
  return kind === 'move-milestone' ? { kind, milestone: id, days, unit } : { kind, phase: id, days, unit };
}

function itemOf(target: EventTarget | null): SVGGElement | null {
  return target instanceof Element ? (target.closest(ITEM) as SVGGElement | null) : null;
}

export class TimelineDragging {
  private drag: Drag | undefined;
  /** Why gestures cannot edit the plan now; undefined when they can. */
  private off: string | undefined;
  /** A pointer pressed on an entry while dragging is off: told why once it moves a day. */
  private refusedPointer: { pointerId: number; startX: number } | undefined;
  /** Set after a drag so the click that ends it does not also reveal the entry in the editor. */
  private swallowClick = false;
  private readonly label: HTMLElement;

  constructor(
    private readonly container: HTMLElement,
    private readonly sink: GestureSink,
  ) {
    this.label = document.createElement('div');
    this.label.className = 'drag-label';
    this.label.hidden = true;
    container.append(this.label);
    container.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    container.addEventListener('pointermove', (e) => this.onPointerMove(e));
    container.addEventListener('pointerup', (e) => this.onPointerUp(e));
    container.addEventListener('pointercancel', () => this.cancel());
    container.addEventListener('click', (e) => this.onClick(e), true);
    container.addEventListener('keydown', (e) => this.onKeyDown(e));
    container.addEventListener('pointermove', (e) => this.showGrip(e));
  }

  /** The chart was redrawn: the label lives in the container, which the drawing replaced. */
  reattach(): void {
    if (this.drag && !this.drag.item.isConnected) this.cancel();
    if (!this.label.isConnected) this.container.append(this.label);
    if (!this.drag) this.label.hidden = true;
  }

  /** Turns gestures off (saying why when one is tried) or back on; a drag under way is cancelled. */
  setOff(reason: string | undefined): void {
    this.off = reason;
    this.container.classList.toggle('drag-off', !!reason);
    if (reason) this.container.classList.remove('grip-resize');
    if (reason && this.drag) {
      this.cancel();
      this.sink.announce(`Not moved: ${reason}`);
    }
  }

  /** A preview or commit answered by the server. */
  onResult(seq: number, commit: boolean, result: TimelineEditResult): void {
    const drag = this.drag;
    if (!commit) {
      if (!drag || seq !== drag.seq) return;
      // Which position the label speaks of, so a test can wait for the preview of the final one.
      this.label.dataset.days = String(drag.days);
      if (!result.ok) {
        drag.refused = true;
        this.showLabel(drag, result.reason, true);
        return;
      }
      drag.refused = false;
      const dependents = result.moves.filter((m) => m.id !== drag.id).length;
      const parts = [result.summary];
      if (dependents > 0) parts.push(`${dependents} dependent phase${dependents === 1 ? '' : 's'} move${dependents === 1 ? 's' : ''}`);
      if (result.newFindings.length > 0) parts.push(result.newFindings[0]);
      this.showLabel(drag, parts.join(' · '), result.newFindings.length > 0);
      this.markMoving(result.moves.map((m) => m.id));
      return;
    }
    this.markMoving([]);
    if (!result.ok) {
      this.sink.announce(`Not moved: ${result.reason}`);
      return;
    }
    const findings = result.newFindings.length > 0 ? ` · ${result.newFindings.join(' · ')}` : '';
    this.sink.announce(`${result.summary}${findings}`);
  }

  private showGrip(event: PointerEvent): void {
    if (this.drag || this.off) return;
    const item = itemOf(event.target);
    this.container.classList.toggle('grip-resize', !!item && this.resizeGrip(item, event.clientX));
  }

  private resizeGrip(item: SVGGElement, clientX: number): boolean {
    if (item.dataset.kind !== 'phase') return false;
    const bar = item.querySelector('rect.bar');
    return !!bar && clientX >= bar.getBoundingClientRect().right - RESIZE_GRIP_PX;
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || this.drag) return;
    const item = itemOf(event.target);
    const id = item?.dataset.id;
    if (!item || !id || !this.sink.dayWidth()) return;
    if (this.off) {
      this.refusedPointer = { pointerId: event.pointerId, startX: event.clientX };
      return;
    }
    const kind: TimelineGesture['kind'] = item.dataset.kind === 'milestone' ? 'move-milestone' : this.resizeGrip(item, event.clientX) ? 'resize' : 'move';
    const bar = item.querySelector('rect.bar');
    this.drag = {
      item,
      kind,
      id,
      pointerId: event.pointerId,
      startX: event.clientX,
      days: 0,
      barWidth: kind === 'resize' && bar ? Number(bar.getAttribute('width')) : undefined,
      seq: 0,
      refused: false,
    };
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    const dayWidth = this.sink.dayWidth();
    const refused = this.refusedPointer;
    if (refused && event.pointerId === refused.pointerId && dayWidth && Math.abs(event.clientX - refused.startX) >= dayWidth) {
      this.refusedPointer = undefined;
      this.swallowClick = true;
      this.sink.announce(`Not moved: ${this.off ?? 'dragging is off'}`);
      return;
    }
    if (!drag || event.pointerId !== drag.pointerId || !dayWidth) return;
    const days = Math.round((event.clientX - drag.startX) / dayWidth);
    if (days === drag.days) return;
    // Captured only once it really drags, so a plain click still lands on the entry and reveals it.
    if (!this.container.hasPointerCapture(drag.pointerId)) {
      this.container.setPointerCapture(drag.pointerId);
      drag.item.classList.add('is-dragging');
    }
    drag.days = days;
    this.place(drag, days * dayWidth);
    if (days === 0) {
      this.label.hidden = true;
      this.markMoving([]);
      return;
    }
    drag.seq = this.sink.send(gestureOf(drag.kind, drag.id, days, 'calendar'), false);
  }

  private onPointerUp(event: PointerEvent): void {
    if (this.refusedPointer?.pointerId === event.pointerId) this.refusedPointer = undefined;
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.finish(drag);
    this.swallowClick = drag.days !== 0;
    if (drag.days === 0) return;
    if (drag.refused) {
      this.place(drag, 0);
      this.sink.announce(`Not moved: ${this.label.textContent ?? ''}`);
      return;
    }
    // The bar stays where it was dropped until the edited plan's timeline replaces the drawing.
    this.sink.send(gestureOf(drag.kind, drag.id, drag.days, 'calendar'), true);
  }

  private onClick(event: MouseEvent): void {
    if (!this.swallowClick) return;
    this.swallowClick = false;
    event.stopImmediatePropagation();
    event.preventDefault();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.drag) {
      event.preventDefault();
      this.cancel();
      this.sink.announce('Drag cancelled');
      return;
    }
    if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    const item = itemOf(event.target);
    const id = item?.dataset.id;
    if (!item || !id) return;
    event.preventDefault();
    if (this.off) {
      this.sink.announce(`Not moved: ${this.off}`);
      return;
    }
    const kind: TimelineGesture['kind'] = item.dataset.kind === 'milestone' ? 'move-milestone' : event.shiftKey ? 'resize' : 'move';
    this.sink.send(gestureOf(kind, id, event.key === 'ArrowRight' ? 1 : -1, 'working'), true);
  }

  private cancel(): void {
    const drag = this.drag;
    if (!drag) return;
    this.place(drag, 0);
    this.finish(drag);
    this.swallowClick = false;
  }

  private finish(drag: Drag): void {
    if (this.container.hasPointerCapture(drag.pointerId)) this.container.releasePointerCapture(drag.pointerId);
    drag.item.classList.remove('is-dragging');
    this.label.hidden = true;
    this.markMoving([]);
    this.drag = undefined;
  }

  /** Shows the dragged entry `dx` pixels from where it is drawn (a resize moves its end only). */
  private place(drag: Drag, dx: number): void {
    if (drag.kind === 'resize') {
      const bar = drag.item.querySelector('rect.bar');
      const dayWidth = this.sink.dayWidth() ?? 1;
      if (bar && drag.barWidth !== undefined) bar.setAttribute('width', String(Math.max(dayWidth, drag.barWidth + dx)));
      return;
    }
    if (dx === 0) drag.item.removeAttribute('transform');
    else drag.item.setAttribute('transform', `translate(${dx} 0)`);
  }

  private showLabel(drag: Drag, text: string, warn: boolean): void {
    const box = drag.item.getBoundingClientRect();
    const outer = this.container.getBoundingClientRect();
    this.label.textContent = text;
    this.label.classList.toggle('is-warning', warn);
    this.label.style.left = `${Math.max(0, box.left - outer.left + this.container.scrollLeft)}px`;
    this.label.style.top = `${box.bottom - outer.top + this.container.scrollTop + 4}px`;
    this.label.hidden = false;
  }

  private markMoving(ids: readonly string[]): void {
    for (const el of this.container.querySelectorAll('.is-moving')) el.classList.remove('is-moving');
    for (const id of ids) this.container.querySelector(`${ITEM}[data-id="${CSS.escape(id)}"]`)?.classList.add('is-moving');
  }
}
