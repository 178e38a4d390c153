import { fileURLToPath } from 'node:url';
import type { ScheduleBaseline } from '../engine/status';
import { planAtRef } from '../platform/gitRef';
import type { Analysis } from './project';

/**
 * The `crm-rollout.baseline` setting resolved for one plan (plan-format.md, Baselines): the plan
 * as committed at the setting's git ref, read by platform/gitRef.ts, or why it cannot be used.
 * The status report and the phase hover both ask here, so the ref is read one way; the answer
 * is kept per plan until its document version, the ref or the as-of date changes, so hovering
 * runs git once per edit rather than on every hover.
 */

export interface SettingBaseline {
  /** The baseline's planned schedule, and its lint result for the timeline's ghost bars. */
  baseline?: ScheduleBaseline;
  /** Why the setting names no usable baseline, in a few words (`"v9.9" is not a commit of its repository`). */
  problem?: string;
}

/** Plans whose baseline is remembered; an editor hovers in a handful at a time. */
const REMEMBERED_PLANS = 16;

function resolve(analysis: Analysis): SettingBaseline {
  const ref = analysis.settings.baseline;
  if (ref === '') return {};
  if (ref.startsWith('-') || !analysis.uri.startsWith('file:')) return { problem: `"${ref}" cannot be read for this document` };
  const at = planAtRef(ref, fileURLToPath(analysis.uri), analysis.settings.asOf);
  if (!('result' in at)) {
    const why = { 'no-git': 'git is not installed', 'not-in-repository': 'the plan is not in a git repository', 'not-a-commit': `"${ref}" is not a commit of its repository`, 'not-at-ref': `the plan does not exist at "${ref}"` };
    return { problem: why[at.problem] };
  }
  if (!at.result.schedule || !at.result.plan?.phases.length) return { problem: `the plan at "${ref}" is not a plan` };
  return { baseline: { kind: 'git-ref', source: at.display, schedule: at.result.schedule, result: at.result } };
}

interface Remembered {
  ref: string;
  asOf: string;
  /** The document version it was read for; the text for a file that is not open. */
  version: number | string;
  value: SettingBaseline;
}

export class SettingBaselines {
  private readonly remembered = new Map<string, Remembered>();

  of(analysis: Analysis): SettingBaseline {
    const { baseline: ref, asOf } = analysis.settings;
    if (ref === '') return {};
    const version = analysis.version ?? analysis.text;
    const kept = this.remembered.get(analysis.uri);
    if (kept && kept.ref === ref && kept.asOf === asOf && kept.version === version) return kept.value;
    const value = resolve(analysis);
    this.remembered.delete(analysis.uri);
    this.remembered.set(analysis.uri, { ref, asOf, version, value });
    if (this.remembered.size > REMEMBERED_PLANS) this.remembered.delete(this.remembered.keys().next().value as string);
    return value;
  }
}
