import type { OrgSize } from '../../engine/vocabulary';
import { ENTERPRISE } from './enterprise';
import { MID } from './mid';
import type { PlanTemplate } from './render';
import { SMALL } from './small';

/** The plan template for each organization size `crm-rollout init --size` accepts. */
export const TEMPLATES: Record<OrgSize, PlanTemplate> = { small: SMALL, mid: MID, enterprise: ENTERPRISE };

/** The configuration `init` writes beside the plan. */
export const CONFIG_TEXT = `# crm-rollout configuration: which rules run and how strictly (docs/ci.md, docs/rules/).
# Presets: recommended, strict (warnings become errors) or all (adds the "all only" rules).
extends: recommended
`;
