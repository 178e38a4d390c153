import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { dayFromIso, isoFromDay, todayIso } from '../engine/calendar';
import { ORG_SIZES, type OrgSize } from '../engine/vocabulary';
import type { NewPlanParams, NewPlanResult, PlanTemplatesResult } from '../protocol';
import { CONFIG_TEXT, DEFAULT_PLAN_NAME, newPlan, TEMPLATES } from '../templates/index';

/**
 * "New Plan from Template" for editors: the templates and the plan text of `crm-rollout init`,
 * so the VS Code client writes the same plan without bundling the templates and the calendar.
 */

export function planTemplates(today = todayIso()): PlanTemplatesResult {
  return { templates: ORG_SIZES.map((size) => ({ size, summary: TEMPLATES[size].summary })), defaultName: DEFAULT_PLAN_NAME, today };
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

export function newPlanFiles(params: Partial<NewPlanParams> | undefined): NewPlanResult {
  const size = params?.size;
  if (typeof size !== 'string' || !(ORG_SIZES as readonly string[]).includes(size)) throw invalid(`"${String(size)}" is not a size; use one of ${ORG_SIZES.join(', ')}`);
  const name = typeof params?.name === 'string' ? params.name.trim() : '';
  if (name === '') throw invalid('give the rollout a name, such as "Acme HubSpot rollout"');
  const requested = typeof params?.start === 'string' ? dayFromIso(params.start.trim()) : undefined;
  if (requested === undefined) throw invalid(`"${String(params?.start)}" is not a date; write it as YYYY-MM-DD`);
  const plan = newPlan(size as OrgSize, name, requested);
  return { fileName: plan.fileName, text: plan.text, configText: CONFIG_TEXT, start: isoFromDay(plan.start), moved: plan.moved };
}
