import { fileURLToPath } from 'node:url';
import { dayFromIso, todayIso } from '../engine/calendar';
import { buildStatus, forecastTimeline, type StatusOptions } from '../engine/status';
import { planAtRef } from '../platform/gitRef';
import { renderStatusHtml } from '../render/statusHtml';
import { renderStatusMarkdown } from '../render/statusMarkdown';
import type { StatusReportParams, StatusReportResult } from '../protocol';
import type { LintResult } from '../engine/lint';
import type { Analysis } from './project';

/**
 * The `crm-rollout/statusReport` answer: the plan's status report (docs/status.md) as of the
 * `crm-rollout.asOf` setting, against the `crm-rollout.baseline` git ref when one is set, as
 * html (themed for the editor's webview, under its policy) or markdown for "Save Status Report".
 */

const HORIZON = 10;

/** The baseline at the setting's ref, or why there is none. */
function baselineAt(analysis: Analysis): { baseline?: NonNullable<StatusOptions['baseline']> & { result: LintResult }; problem?: string } {
  const ref = analysis.settings.baseline;
  if (ref === '') return {};
  if (ref.startsWith('-') || !analysis.uri.startsWith('file:')) return { problem: `the baseline "${ref}" cannot be read for this document` };
  const at = planAtRef(ref, fileURLToPath(analysis.uri), analysis.settings.asOf);
  if (!('result' in at)) {
    const why = { 'no-git': 'git is not installed', 'not-in-repository': 'the plan is not in a git repository', 'not-a-commit': `"${ref}" is not a commit of its repository`, 'not-at-ref': `the plan does not exist at "${ref}"` }[at.problem];
    return { problem: `crm-rollout.baseline: ${why}; the report compares with the planned schedule` };
  }
  if (!at.result.schedule || !at.result.plan?.phases.length) return { problem: `crm-rollout.baseline: the plan at "${ref}" is not a plan; the report compares with the planned schedule` };
  return { baseline: { kind: 'git-ref', source: at.display, schedule: at.result.schedule, result: at.result } };
}

export function statusReport(analysis: Analysis | undefined, params: StatusReportParams): StatusReportResult {
  if (!analysis || analysis.result.role !== 'plan' || dayFromIso(analysis.settings.asOf) === undefined) return null;
  const { asOf } = analysis.settings;
  const display = analysis.uri.startsWith('file:') ? fileURLToPath(analysis.uri) : analysis.uri;
  const name = display.split(/[\\/]/).pop() ?? display;
  const { baseline, problem } = baselineAt(analysis);
  const report = buildStatus(analysis.result, name, { asOf, horizon: HORIZON, baseline });
  const source = asOf === todayIso() ? 'today' : 'setting';
  const text =
    params.format === 'markdown'
      ? renderStatusMarkdown([report], source)
      : renderStatusHtml([{ report, timeline: forecastTimeline(analysis.result, name, asOf, baseline?.result) }], source, params.webview ? { theme: 'vscode', csp: { policy: params.webview.csp, nonce: params.webview.nonce } } : {});
  return { text, colour: report.status.colour, ...(problem ? { baselineProblem: problem } : {}) };
}
