import { WorkCalendar } from '../engine/calendar';
import type { OrgSize } from '../engine/vocabulary';
import { planFileName } from '../fileRoles';
import { ENTERPRISE } from './enterprise';
import { MID } from './mid';
import { kebabName } from './naming';
import { renderPlan, type PlanTemplate } from './render';
import { SMALL } from './small';

/**
 * New plans, for `crm-rollout init` and the editor's "New Plan from Template" (through the
 * language server's `crm-rollout/newPlan` request): plain text rendering, no yaml library.
 */

/** The plan template for each organization size `crm-rollout init --size` accepts. */
export const TEMPLATES: Record<OrgSize, PlanTemplate> = { small: SMALL, mid: MID, enterprise: ENTERPRISE };

export const DEFAULT_PLAN_NAME = 'CRM rollout';

/** The configuration `init` writes beside the plan. */
export const CONFIG_TEXT = `# crm-rollout configuration: which rules run and how strictly (docs/ci.md, docs/rules/).
# Presets: recommended, strict (warnings become errors) or all (adds the "all only" rules).
extends: recommended
`;

export interface NewPlan {
  /** `<name in kebab case>.rollout.yaml`. */
  fileName: string;
  text: string;
  /** The plan's first day: the one asked for, or the next working day when that is not one. */
  start: number;
  moved: boolean;
}

/** The plan of `size` named `name`, starting on `requestedStart` (a day number) or the next working day. */
export function newPlan(size: OrgSize, name: string, requestedStart: number): NewPlan {
  const start = new WorkCalendar().onOrAfter(requestedStart);
  return { fileName: planFileName(kebabName(name)), text: renderPlan(TEMPLATES[size], name, start), start, moved: start !== requestedStart };
}
