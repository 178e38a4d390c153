import { fileURLToPath } from 'node:url';
import { dayFromIso, todayIso } from '../engine/calendar';
import { buildStatus, forecastTimeline } from '../engine/status';
import { renderStatusHtml } from '../render/statusHtml';
import { renderStatusMarkdown } from '../render/statusMarkdown';
import type { StatusReportParams, StatusReportResult } from '../protocol';
import type { Analysis } from './project';
import type { SettingBaselines } from './settingBaseline';

/**
 * The `crm-rollout/statusReport` answer: the plan's status report (docs/status.md) as of the
 * `crm-rollout.asOf` setting, against the `crm-rollout.baseline` git ref when one is set, as
 * html (themed for the editor's webview, under its policy) or markdown for "Save Status Report".
 */

const HORIZON = 10;

export function statusReport(analysis: Analysis | undefined, params: StatusReportParams, baselines: SettingBaselines): StatusReportResult {
  if (!analysis || analysis.result.role !== 'plan' || dayFromIso(analysis.settings.asOf) === undefined) return null;
  const { asOf } = analysis.settings;
  const display = analysis.uri.startsWith('file:') ? fileURLToPath(analysis.uri) : analysis.uri;
  const name = display.split(/[\\/]/).pop() ?? display;
  const { baseline, problem } = baselines.of(analysis);
  const report = buildStatus(analysis.result, name, { asOf, horizon: HORIZON, baseline });
  const source = asOf === todayIso() ? 'today' : 'setting';
  const text =
    params.format === 'markdown'
      ? renderStatusMarkdown([report], source)
      : renderStatusHtml([{ report, timeline: forecastTimeline(analysis.result, name, asOf, baseline?.result) }], source, params.webview ? { theme: 'vscode', csp: { policy: params.webview.csp, nonce: params.webview.nonce } } : {});
  return { text, colour: report.status.colour, ...(problem ? { baselineProblem: `crm-rollout.baseline: ${problem}; the report compares with the planned schedule` } : {}) };
}
