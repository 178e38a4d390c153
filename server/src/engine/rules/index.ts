import { CORE_RULES } from '../coreRules';
import { accessControl } from './access-control';
import { budgetCoverage } from './budget-coverage';
import { budgetDefined } from './budget-defined';
import { changeControl } from './change-control';
import { changeManagement } from './change-management';
import { criticalOverdue } from './critical-overdue';
import { crmOwner } from './crm-owner';
import { customizationTraced } from './customization-traced';
import { dataCleansing } from './data-cleansing';
import { dataRetention } from './data-retention';
import { dataStewardship } from './data-stewardship';
import { dateOrder } from './date-order';
import { executiveSponsor } from './executive-sponsor';
import { gateCriteria } from './gate-criteria';
import { goLiveGate } from './go-live-gate';
import { integrationTested } from './integration-tested';
import { integrationsDeclared } from './integrations-declared';
import { knownReferences } from './known-references';
import { knownTags } from './known-tags';
import { kpisDefined } from './kpis-defined';
import { longTimeline } from './long-timeline';
import { migrationBackup } from './migration-backup';
import { migrationMapping } from './migration-mapping';
import { migrationTrial } from './migration-trial';
import { migrationValidation } from './migration-validation';
import { noDependencyCycles } from './no-dependency-cycles';
import { objectiveBaseline } from './objective-baseline';
import { objectiveTiming } from './objective-timing';
import { objectivesDefined } from './objectives-defined';
import { ongoingTraining } from './ongoing-training';
import { overCustomization } from './over-customization';
import { overdue } from './overdue';
import { ownerOverload } from './owner-overload';
import { ownerRequired } from './owner-required';
import { phaseMilestones } from './phase-milestones';
import { phaseOrder } from './phase-order';
import { phasedRollout } from './phased-rollout';
import { postGoLiveReview } from './post-go-live-review';
import { postGoLiveSupport } from './post-go-live-support';
import { processMapping } from './process-mapping';
import { projectOwner } from './project-owner';
import { realisticTimeline } from './realistic-timeline';
import { requiredPhases } from './required-phases';
import { riskRegister } from './risk-register';
import { rollbackPlan } from './rollback-plan';
import { smartObjectives } from './smart-objectives';
import { sponsorNotOwner } from './sponsor-not-owner';
import { stakeholdersEngaged } from './stakeholders-engaged';
import { testingScope } from './testing-scope';
import { trainingBeforeGoLive } from './training-before-go-live';
import { trainingCoverage } from './training-coverage';
import { uatBeforeGoLive } from './uat-before-go-live';
import { uniqueIds } from './unique-ids';
import { vendorSelection } from './vendor-selection';
import { waveCalendar } from './wave-calendar';
import { workingDays } from './working-days';
import type { Rule, RuleMeta } from './types';

/** Every rule with a check, in the order rules.md lists them. Explicit: no directory scanning. */
export const RULES: readonly Rule[] = [
  uniqueIds,
  knownReferences,
  noDependencyCycles,
  dateOrder,
  workingDays,
  knownTags,
  executiveSponsor,
  projectOwner,
  ownerRequired,
  ownerOverload,
  crmOwner,
  changeControl,
  sponsorNotOwner,
  objectivesDefined,
  smartObjectives,
  objectiveBaseline,
  objectiveTiming,
  customizationTraced,
  overCustomization,
  vendorSelection,
  processMapping,
  integrationsDeclared,
  requiredPhases,
  phaseOrder,
  uatBeforeGoLive,
  trainingBeforeGoLive,
  trainingCoverage,
  goLiveGate,
  gateCriteria,
  postGoLiveSupport,
  ongoingTraining,
  phasedRollout,
  phaseMilestones,
  rollbackPlan,
  waveCalendar,
  migrationBackup,
  migrationTrial,
  migrationValidation,
  dataCleansing,
  migrationMapping,
  dataStewardship,
  dataRetention,
  accessControl,
  integrationTested,
  testingScope,
  stakeholdersEngaged,
  changeManagement,
  kpisDefined,
  postGoLiveReview,
  budgetDefined,
  budgetCoverage,
  realisticTimeline,
  longTimeline,
  riskRegister,
  overdue,
  criticalOverdue,
];

/** Metadata of every rule id, the pipeline's own (core) ids first. */
export const RULE_METAS: readonly RuleMeta[] = [...CORE_RULES, ...RULES.map((r) => r.meta)];

export const RULE_IDS: ReadonlySet<string> = new Set(RULE_METAS.map((m) => m.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULE_METAS.find((m) => m.id === id);
}
