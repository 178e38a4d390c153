import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from './project';

export const SHOW_TIMELINE_COMMAND = 'crm-rollout.showTimeline';

/** "Open timeline" on the plan's first line; the command's argument is the plan's URI. */
export function codeLenses(analysis: Analysis): CodeLens[] {
  if (analysis.result.role !== 'plan') return [];
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      command: { title: 'Open timeline', command: SHOW_TIMELINE_COMMAND, arguments: [analysis.uri] },
    },
  ];
}
