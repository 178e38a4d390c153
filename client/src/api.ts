import type * as vscode from 'vscode';
import type { RenderReport } from './preview/timelinePanel';
import type { StatusSnapshot } from './status';

/** What `activate` returns: timings and observers that the end-to-end tests read. */
export interface CrmRolloutApi {
  activation: {
    /** Milliseconds from the start of `activate` until the commands and views were registered. */
    registeredMs: number;
    /** Milliseconds from the start of `activate` until the language server answered `initialize`. */
    serverReadyMs?: number;
  };
  status(): StatusSnapshot | undefined;
  onDidUpdateStatus: vscode.Event<StatusSnapshot>;
  onDidRenderTimeline: vscode.Event<RenderReport>;
  /** Fires each time a status report panel shows a report: the plan's URI and the verdict's colour. */
  onDidShowStatusReport: vscode.Event<{ uri: string; colour: string }>;
}
