import type { TimelineData } from '../../server/src/protocol';
import { timelineCss } from '../../server/src/render/timelineTheme';
import { toolbarSummary } from '../../server/src/render/timelineText';
import { DEFAULT_ZOOM, isZoom, TIMELINE_ZOOMS, zoomStep, type TimelineZoom } from '../../server/src/render/timelineZoom';
import { Chart, type RevealRequest, type ZoomAnchor } from './chart';
import { TimelineDragging } from './drag';
import type { ExportFormat, ToWebview, WebviewState } from './messages';
import { host } from './vscodeApi';
import './timeline.css';

/** The timeline page: a toolbar, a notice line and the chart, driven by the panel's messages. */

const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
let state: WebviewState | undefined = host.getState();

/** The chart's palette is the editor's theme variables; the policy admits this style by its nonce. */
function injectThemeStyles(): void {
  const style = document.createElement('style');
  style.nonce = nonce;
  style.textContent = timelineCss('vscode');
  document.head.append(style);
}

function button(label: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

function save(patch: Partial<WebviewState>): void {
  if (!state && !patch.uri) return;
  state = { ...(state as WebviewState), ...patch };
  host.setState(state);
}

const app = document.getElementById('app') as HTMLElement;
const toolbar = document.createElement('header');
toolbar.className = 'toolbar';
toolbar.setAttribute('role', 'toolbar');
toolbar.setAttribute('aria-label', 'Timeline actions');
const summary = document.createElement('span');
summary.className = 'summary';
summary.setAttribute('aria-live', 'polite');
const notice = document.createElement('p');
notice.className = 'notice';
notice.setAttribute('role', 'status');
notice.hidden = true;
const container = document.createElement('div');
container.className = 'chart';
container.setAttribute(
  'aria-label',
  'Plan timeline; Tab moves between phases and milestones, Enter shows one in the editor, Alt+Left and Alt+Right move one working day, Alt+Shift resizes, + and − zoom',
);

const ZOOM_NAMES: Record<TimelineZoom, string> = { fit: 'Whole plan', quarter: 'Quarter', month: 'Month', week: 'Week' };
const zoomSelect = document.createElement('select');
zoomSelect.className = 'zoom';
zoomSelect.title = 'How much of the plan the panel shows across (+ and − zoom, 0 fits the whole plan)';
zoomSelect.setAttribute('aria-label', 'Zoom');
for (const zoom of TIMELINE_ZOOMS) zoomSelect.append(new Option(ZOOM_NAMES[zoom], zoom));

function requestExport(format: ExportFormat): void {
  host.postMessage({ type: 'export', format });
}

toolbar.append(
  summary,
  button('−', 'Zoom out (−)', () => stepZoom(-1)),
  zoomSelect,
  button('+', 'Zoom in (+)', () => stepZoom(1)),
  button('Copy as Mermaid', 'Copy the timeline as a Mermaid Gantt chart', () => requestExport('mermaid')),
  button('Save as SVG…', 'Save the timeline as an SVG image', () => requestExport('svg')),
);
app.append(toolbar, notice, container);

function reveal(request: RevealRequest): void {
  const data = state?.data;
  if (!data) return;
  const item = request.kind === 'milestone' ? data.milestones.find((m) => m.id === request.id) : data.phases.find((p) => p.id === request.id);
  if (item) host.postMessage({ type: 'reveal', id: item.id, range: item.range });
}

const chart = new Chart(container, reveal);

/** Spoken and shown after an edit from the timeline: the new dates, or why nothing moved. */
const dragStatus = document.createElement('p');
dragStatus.className = 'drag-status';
dragStatus.setAttribute('role', 'status');
dragStatus.setAttribute('aria-live', 'polite');
app.insertBefore(dragStatus, container);

/** Why gestures cannot edit the plan now, shown before anyone tries. */
const dragOff = document.createElement('p');
dragOff.className = 'drag-off';
dragOff.setAttribute('role', 'status');
dragOff.hidden = true;
app.insertBefore(dragOff, dragStatus);

let gestureSeq = 0;
const dragging = new TimelineDragging(container, {
  send(gesture, commit) {
    gestureSeq += 1;
    host.postMessage({ type: 'gesture', seq: gestureSeq, gesture, commit });
    return gestureSeq;
  },
  announce(text) {
    dragStatus.textContent = text;
  },
  dayWidth: () => chart.dayWidth(),
});
/** The width of the last drawing; a resize redraws only when it changes. */
let drawnWidth = 0;

function showNotice(text: string | undefined): void {
  notice.textContent = text ?? '';
  notice.hidden = !text;
  app.classList.toggle('is-stale', !!text && !!state?.data);
}

function currentZoom(): TimelineZoom {
  return isZoom(state?.zoom) ? state.zoom : DEFAULT_ZOOM;
}

function draw(data: TimelineData, anchor?: ZoomAnchor): void {
  try {
    drawnWidth = chart.width();
    zoomSelect.value = currentZoom();
    const ms = chart.render(data, currentZoom(), anchor);
    dragging.reattach();
    summary.textContent = toolbarSummary(data);
    app.setAttribute('aria-busy', 'false');
    host.postMessage({ type: 'rendered', phases: data.phases.length, milestones: data.milestones.length, ms });
  } catch (error) {
    showNotice(`The timeline could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'timeline':
      save({ uri: message.uri, data: message.data });
      showNotice(undefined);
      draw(message.data);
      return;
    case 'unavailable':
      save({ uri: message.uri });
      showNotice(message.message);
      return;
    case 'highlight':
      chart.highlight(message.id);
      save({ highlight: message.id });
      return;
    case 'gestureResult':
      dragging.onResult(message.seq, message.commit, message.result);
      return;
    case 'dragOff':
      dragOff.textContent = message.reason ? `Dragging is off: ${message.reason}.` : '';
      dragOff.hidden = !message.reason;
      dragging.setOff(message.reason);
      return;
  }
});

/** Zooms to a level, keeping the day under the anchor where it is. */
function setZoom(zoom: TimelineZoom, anchor: ZoomAnchor): void {
  const data = state?.data;
  if (!data || zoom === currentZoom()) return;
  save({ zoom });
  draw(data, anchor);
}

function stepZoom(direction: 1 | -1, anchor: ZoomAnchor = chart.focusAnchor()): void {
  const data = state?.data;
  if (data) setZoom(zoomStep(currentZoom(), direction, (zoom) => chart.geometryAt(data, zoom).dayWidth), anchor);
}

zoomSelect.addEventListener('change', () => {
  if (isZoom(zoomSelect.value)) setZoom(zoomSelect.value, chart.focusAnchor());
});

const ZOOM_KEYS: Record<string, 1 | -1 | 0> = { '+': 1, '=': 1, '-': -1, '_': -1, '−': -1, '0': 0 };
document.addEventListener('keydown', (event) => {
  const step = ZOOM_KEYS[event.key];
  if (step === undefined || event.ctrlKey || event.metaKey || event.altKey || event.target instanceof HTMLSelectElement) return;
  event.preventDefault();
  if (step === 0) setZoom('fit', chart.focusAnchor());
  else stepZoom(step);
});

/** Ctrl+scroll zooms one level per notch of a wheel; a touchpad's many small deltas add up to one. */
const WHEEL_STEP = 50;
let wheelTotal = 0;
container.addEventListener(
  'wheel',
  (event) => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    wheelTotal += event.deltaMode === WheelEvent.DOM_DELTA_PIXEL ? event.deltaY : event.deltaY * WHEEL_STEP;
    if (Math.abs(wheelTotal) < WHEEL_STEP) return;
    const direction = wheelTotal < 0 ? 1 : -1;
    wheelTotal = 0;
    stepZoom(direction, chart.pointerAnchor(event.clientX));
  },
  { passive: false },
);

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  if (resizeTimer) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (state?.data && chart.width() !== drawnWidth) {
      drawnWidth = chart.width();
      draw(state.data);
    }
  }, 120);
}).observe(container);

injectThemeStyles();
// A revived panel shows its last drawing at once; the panel sends fresh data after "ready".
if (state?.data) {
  chart.highlight(state.highlight, false);
  draw(state.data);
}
host.postMessage({ type: 'ready' });
