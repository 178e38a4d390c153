import type { TimelineData } from '../../server/src/protocol';
import { timelineCss } from '../../server/src/render/timelineTheme';
import { findingsText } from '../../server/src/render/timelineText';
import { Chart, type RevealRequest } from './chart';
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
container.setAttribute('aria-label', 'Plan timeline; Tab moves between phases and milestones, Enter shows one in the editor');

function requestExport(format: ExportFormat): void {
  host.postMessage({ type: 'export', format });
}

toolbar.append(
  summary,
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
/** The width of the last drawing; a resize redraws only when it changes. */
let drawnWidth = 0;

function showNotice(text: string | undefined): void {
  notice.textContent = text ?? '';
  notice.hidden = !text;
  app.classList.toggle('is-stale', !!text && !!state?.data);
}

function draw(data: TimelineData): void {
  try {
    drawnWidth = chart.width();
    const ms = chart.render(data);
    const findings = findingsText(data.findings);
    summary.textContent = `${data.goLive ? `Go-live ${data.goLive}` : 'No go-live phase'} · as of ${data.asOf}${findings ? ` · ${findings}` : ''}`;
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
  }
});

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
