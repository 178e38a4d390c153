import type { CodeLens } from 'vscode-languageserver';
import { COMMANDS } from '../protocol';
import type { ClientSupport } from './clientSupport';
import type { Analysis } from './project';

/**
 * "Open timeline" on the plan's first line; the command's argument is the plan's URI. Only for
 * a client that implements the command (VS Code): elsewhere the lens would do nothing.
 */
export function codeLenses(analysis: Analysis, support: ClientSupport): CodeLens[] {
  if (analysis.result.role !== 'plan' || !support.commands.has(COMMANDS.showTimeline)) return [];
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      command: { title: 'Open timeline', command: COMMANDS.showTimeline, arguments: [analysis.uri] },
    },
  ];
}
