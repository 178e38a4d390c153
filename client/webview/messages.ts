import type { Range } from '../../server/src/engine/types';
import type { TimelineData } from '../../server/src/protocol';
import type { TimelineZoom } from '../../server/src/render/timelineZoom';

/**
 * Messages between the timeline panel (extension host) and its webview, typed once for both.
 * The webview renders the SVG itself from the data, so exports come from the same drawing.
 */

export type ExportFormat = 'svg' | 'mermaid';

export type ToWebview =
  | { type: 'timeline'; uri: string; data: TimelineData }
  | { type: 'unavailable'; uri: string; message: string }
  /** The entry under the editor's cursor, or undefined when the cursor is on none. */
  | { type: 'highlight'; id: string | undefined }
  | { type: 'export'; format: ExportFormat };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; id: string; range: Range }
  | { type: 'exported'; format: ExportFormat; text: string }
  /** Sent after each drawing: what is on screen, for tests and the output channel. */
  | { type: 'rendered'; phases: number; milestones: number; ms: number };

/** What the webview keeps through setState, and what the panel serializer revives from. */
export interface WebviewState {
  uri: string;
  data?: TimelineData;
  highlight?: string;
  /** The zoom the user chose; fit when absent. */
  zoom?: TimelineZoom;
}
