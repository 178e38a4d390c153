import type { RenderTimelineParams, RenderTimelineResult } from '../protocol';
import { renderTimelineMermaid } from '../render/timelineMermaid';
import { renderTimelineSvg } from '../render/timelineSvg';

/** The `crm-rollout/renderTimeline` answer: the panel's timeline drawn by the CLI's renderers. */
export function renderTimelineExport(params: RenderTimelineParams): RenderTimelineResult {
  const text = params.format === 'mermaid' ? renderTimelineMermaid(params.data) : renderTimelineSvg(params.data, { theme: params.theme === 'dark' ? 'dark' : 'light' });
  return { text };
}
