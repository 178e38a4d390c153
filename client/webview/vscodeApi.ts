import type { FromWebview, WebviewState } from './messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The one handle VS Code allows per page: acquireVsCodeApi throws when called twice. */
export const host: VsCodeApi = acquireVsCodeApi();
