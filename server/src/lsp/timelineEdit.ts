import type { WorkspaceEdit } from 'vscode-languageserver';
import { isoFromDay } from '../engine/calendar';
import { applyEdits } from '../engine/edits';
import { lintText } from '../engine/lint';
import type { Schedule } from '../engine/schedule';
import type { Finding } from '../engine/types';
import { gestureEdit, planNotEditable } from '../engine/scheduleEdits';
import type { TimelineEditParams, TimelineEditResult, TimelineMove } from '../protocol';
import { toProtocolEdit } from './diagnostics';
import type { Analysis, Project } from './project';

/**
 * `crm-rollout/timelineEdit`: the engine turns the gesture into a text edit; this adapter checks
 * the gesture was made on the text it analysed, lints the edited text as the editor would (so
 * the bar can show the dependents that move and any finding the edit would add), and answers
 * the edit as a WorkspaceEdit on that document version.
 */
export function timelineEdit(project: Project, analysis: Analysis | undefined, params: TimelineEditParams): TimelineEditResult {
  const result = analysis?.result;
  const notPlan = { ok: false, reason: 'this file is not a plan the timeline can edit' } as const;
  if (!analysis || !result || result.role !== 'plan') return notPlan;
  // A plan with YAML errors has no model to edit: the same reason the timeline shows.
  const off = planNotEditable(result.source);
  if (off) return { ok: false, reason: off };
  if (!result.plan || !result.schedule) return notPlan;
  if (params.version !== undefined && analysis.version !== undefined && params.version !== analysis.version) {
    return { ok: false, reason: 'the plan changed while you were dragging: try again on the updated timeline' };
  }
  const gesture = gestureEdit(result.plan, result.schedule, params.gesture);
  if (!gesture.ok) return gesture;
  const text = applyEdits(analysis.text, gesture.edits);
  const edited = lintText(analysis.path, text, project.lintOptions(analysis.path, analysis.settings));
  const before = new Set(result.findings.map(findingKey));
  const newFindings = edited.findings.filter((f) => !before.has(findingKey(f))).map((f) => f.message);
  const edit: WorkspaceEdit = {
    documentChanges: [
      { textDocument: { uri: analysis.uri, version: analysis.version ?? null }, edits: gesture.edits.map((e) => toProtocolEdit(result.source, e)) },
    ],
  };
  return { ok: true, edit, summary: gesture.summary, moves: moves(result.schedule, edited.schedule), newFindings };
}

/** A finding's identity across the edit: its rule, kind and id-based place (messages hold dates that move). */
function findingKey(finding: Finding): string {
  return [finding.ruleId, finding.messageId, finding.idPath ?? finding.message].join('\u0000');
}

/** Phases whose window differs between the two schedules, in file order. */
function moves(before: Schedule, after: Schedule | undefined): TimelineMove[] {
  if (!after) return [];
  const out: TimelineMove[] = [];
  for (const window of after.windows) {
    const old = before.windowOf(before.phaseById.get(window.phase.id) ?? window.phase);
    if (old && old.start === window.start && old.end === window.end) continue;
    out.push({ id: window.phase.id, start: isoFromDay(window.start), end: isoFromDay(window.end) });
  }
  return out;
}
