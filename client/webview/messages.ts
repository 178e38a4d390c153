import type { Range } from '../../server/src/engine/types';
import type { TimelineData, TimelineEditResult, TimelineExportFormat, TimelineGesture } from '../../server/src/protocol';
import type { TimelineZoom } from '../../server/src/render/timelineZoom';

/**
 * Messages between the timeline panel (extension host) and its webview, typed once for both.
 * The webview draws the chart from the data; exports are the panel's (it holds the same data).
 */

export type ExportFormat = TimelineExportFormat;

export type ToWebview =
  | { type: 'timeline'; uri: string; data: TimelineData }
  | { type: 'unavailable'; uri: string; message: string }
  /** The entry under the editor's cursor, or undefined when the cursor is on none. */
  | { type: 'highlight'; id: string | undefined }
  /** Why gestures cannot edit the plan now (read-only, out of step with the disk, YAML errors); undefined: they can. */
  | { type: 'dragOff'; reason: string | undefined }
  /** The answer to a gesture: a preview while dragging (`commit` false), or the edit applied or refused. */
  | { type: 'gestureResult'; seq: number; commit: boolean; result: TimelineEditResult };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; id: string; range: Range }
  /** A toolbar button: the panel exports its timeline. */
  | { type: 'export'; format: ExportFormat }
  /** A drag, resize or Alt+Arrow: previewed (`commit` false) or applied to the plan. */
  | { type: 'gesture'; seq: number; gesture: TimelineGesture; commit: boolean }
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
