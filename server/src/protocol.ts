/**
 * Custom requests between the VS Code client and the language server, typed once and
 * imported by the client, the server and the tests.
 */
import type { TimelineData } from './engine/timeline';

export type { TimelineData, TimelinePhase, TimelineMilestone, TimelineDependency, TimelineLane } from './engine/timeline';

/** `crm-rollout/timeline`: the scheduled plan of an open document for the timeline preview. */
export const TIMELINE_REQUEST = 'crm-rollout/timeline';

export interface TimelineParams {
  /** The plan document's URI. */
  uri: string;
}

/** Null when the document is not a plan or cannot be read at all. */
export type TimelineResult = TimelineData | null;
