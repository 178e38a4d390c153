import type { PlanTemplate } from './render';
import { gate, goNoGo, migrationChecklist, rollbackPlan, weeklyActiveKpi } from './sections';

/**
 * A small organization (one team, a few weeks): the shape of samples/small. Design and
 * configuration are one phase, which the required-phases rule allows for small plans.
 */
export const SMALL: PlanTemplate = {
  size: 'small',
  summary: 'A small-team CRM rollout: one sales team moves off spreadsheets in about six weeks.',
  crm: { product: 'Your CRM product', type: 'operational', replaces: ['sales spreadsheets'] },
  sponsor: 'sponsor-lead',
  owner: 'project-lead',
  teams: ['sales'],
  people: [
    { id: 'sponsor-lead', name: 'Sponsor Name', role: 'Managing director and executive sponsor', team: 'leadership' },
    { id: 'project-lead', name: 'Project Lead Name', role: 'Sales operations manager and CRM owner', team: 'sales' },
    { id: 'sales-champion', name: 'Champion Name', role: 'Senior account executive and champion', team: 'sales' },
    { id: 'data-lead', name: 'Data Lead Name', role: 'Operations coordinator and data steward', team: 'operations' },
    { id: 'partner-lead', name: 'Partner Name', role: 'Implementation partner consultant', team: 'partner' },
  ],
  objectives: [
    {
      id: 'pipeline-visibility',
      statement: 'Track every open deal in the CRM with a next step and a close date',
      metric: 'share of open deals with a next step and a close date',
      baseline: '40%',
      target: '95%',
      monthsAfterGoLive: 3,
      owner: 'project-lead',
    },
    {
      id: 'faster-follow-up',
      statement: 'Follow up on inbound leads the same working day',
      metric: 'median hours from inbound lead to first touch',
      baseline: 26,
      target: 4,
      monthsAfterGoLive: 4,
      owner: 'sponsor-lead',
    },
  ],
  phases: [
    {
      id: 'discovery',
      name: 'Discovery and planning',
      kind: 'planning',
      owner: 'project-lead',
      days: 5,
      checklist: [
        { task: "Interview every rep about today's pipeline and pain points", tags: ['stakeholders'] },
        { task: 'Map the current lead-to-close process and agree the deal stages', tags: ['process-mapping', 'requirements'] },
        { task: 'Sign off the objectives and their baselines', tags: ['objectives'], owner: 'sponsor-lead' },
        { task: 'Announce the project, its objectives and the go-live date', tags: ['communication'], owner: 'sponsor-lead' },
      ],
      milestones: [{ id: 'scope-agreed', name: 'Scope and objectives agreed', owner: 'sponsor-lead' }],
    },
    {
      id: 'setup',
      name: 'CRM configuration',
      kind: 'configuration',
      owner: 'partner-lead',
      days: 10,
      after: ['discovery'],
      checklist: [
        { task: 'Configure the deal pipeline stages and required fields', tags: ['design'] },
        { task: 'Set up user roles and record visibility by team', tags: ['access-roles'] },
        { task: 'Build the lead-routing workflow and the pipeline dashboard', tags: ['design'] },
      ],
      milestones: [{ id: 'setup-complete', name: 'CRM configured for testing' }],
    },
    {
      id: 'data',
      name: 'Spreadsheet data migration',
      kind: 'data-migration',
      owner: 'data-lead',
      days: 15,
      after: ['discovery'],
      checklist: migrationChecklist({
        'data-audit': 'Audit the spreadsheets for gaps and stale deals',
        'data-mapping': 'Map spreadsheet columns to CRM fields',
        'data-cleansing': 'Merge duplicate companies and contacts',
        'test-migration': 'Trial import into a sandbox and review it with the sales team',
        backup: 'Archive read-only copies of every spreadsheet',
        'final-migration': 'Final import of companies, contacts and open deals',
        validation: 'Reconcile record counts against the spreadsheets',
      }),
      milestones: [{ id: 'data-loaded', name: 'Production data loaded' }],
    },
    {
      id: 'testing',
      name: 'Testing and user acceptance',
      kind: 'testing',
      owner: 'project-lead',
      days: 5,
      after: ['setup'],
      checklist: [
        { task: 'Test the pipeline stages and lead routing end to end', tags: ['functional-test'] },
        { task: 'Reps run a normal sales week in the sandbox', tags: ['uat'], owner: 'sales-champion' },
      ],
      milestones: [gate('uat-signed-off', 'UAT signed off', ['No open blocking defects', 'The champion signs off'])],
    },
    {
      id: 'training',
      name: 'Sales team training',
      kind: 'training',
      owner: 'sales-champion',
      days: 5,
      after: ['testing'],
      audiences: ['sales'],
      checklist: [
        { task: 'Hands-on session for reps on deals and activity logging', tags: ['training'] },
        { task: 'The champion is the first point of contact on the floor', tags: ['champions'] },
      ],
      milestones: [{ id: 'team-trained', name: 'All reps trained' }],
    },
    {
      id: 'go-live',
      name: 'Go-live',
      kind: 'go-live',
      owner: 'project-lead',
      days: 5,
      after: ['training', 'data'],
      checklist: [
        { task: 'Confirm the go-live readiness checklist', tags: ['go-live-readiness'] },
        rollbackPlan('Keep the spreadsheets read-only as the rollback path'),
      ],
      milestones: [goNoGo('go-no-go', 'Go/no-go decision', ['UAT signed off', 'Final import validated', 'All reps trained'], 'sponsor-lead')],
    },
    {
      id: 'hypercare',
      name: 'Hypercare and adoption review',
      kind: 'support',
      owner: 'project-lead',
      days: 20,
      after: ['go-live'],
      checklist: [
        { task: 'Daily office hours in the first two weeks', tags: ['support'] },
        { task: 'Refresher session on reports and follow-ups', tags: ['training'], owner: 'sales-champion' },
        { task: 'Survey reps on what slows them down', tags: ['feedback'] },
        { task: 'Review adoption and pipeline KPIs against the objectives', tags: ['kpi-review'], owner: 'sponsor-lead' },
      ],
    },
  ],
  integrations: [],
  customizations: [],
  risks: [
    { id: 'spreadsheet-habit', description: 'Reps keep updating spreadsheets instead of the CRM', likelihood: 'high', impact: 'medium', mitigation: 'Spreadsheets go read-only at go-live and pipeline reviews use CRM dashboards only', owner: 'project-lead' },
    { id: 'duplicate-contacts', description: "Duplicate companies across reps' sheets", likelihood: 'medium', impact: 'high', mitigation: 'Merge duplicates before the trial import', owner: 'data-lead' },
  ],
  kpis: [
    weeklyActiveKpi('reps', '90%', 'project-lead'),
    { id: 'deal-hygiene', name: 'Open deals with a next step and a close date', target: '95%', review: 'monthly', measures: 'data-quality', owner: 'project-lead' },
  ],
  budget: { currency: 'USD', lines: { licenses: 10000, services: 5000, 'data-migration': 1500, training: 2000, support: 1500 } },
  governance: {
    crmOwner: 'project-lead',
    changeControl: 'Requests go to the project lead; approved changes ship every other week after a sandbox check',
    dataStewards: ['data-lead'],
    retention: 'Spreadsheet archives kept read-only for 12 months; inactive contacts reviewed every year',
  },
};

