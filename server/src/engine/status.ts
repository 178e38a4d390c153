import { dayFromIso, isoFromDay } from './calendar';
import { effectiveDate, milestoneDate } from './definitions';
import { signedWorkingDays } from './float';
import type { LintResult } from './lint';
import { allChecklistItems, type ChecklistItem, type Milestone, type Phase, type Plan } from './model';
import { planProgress, type Progress } from './progress';
import type { Schedule } from './schedule';
import { buildTimeline, forecastOver, type TimelineData } from './timeline';
import { buildSchedule, dueEnd } from './scheduler';
import { variance, type PhaseVariance, type WaveVariance } from './variance';

/**
 * The status report of a plan in execution (issue "The living plan"): one plain, serialisable
 * structure that every front end renders (text, markdown, html, the editor's report) and that
 * `status --format json` prints as is. docs/status.md documents every field; change both
 * together. Days are working days of the phase's calendar, positive meaning later.
 */

export type StatusColour = 'green' | 'amber' | 'red';

/** Where the dates the forecast is compared with come from. */
export type StatusBaseline =
  | { kind: 'planned' }
  /** `source` is `ref:path` for a git ref, the path for a file. */
  | { kind: 'git-ref' | 'file'; source: string };

export interface StatusVerdict {
  colour: StatusColour;
  /** One sentence: the first reason, and how many more there are. */
  reason: string;
  /** Every reason for the colour, most serious first; empty when green. */
  reasons: string[];
}

export interface StatusGoLive {
  wave?: number;
  name?: string;
  /** The go-live phase's id. */
  phase: string;
  /** The go-live in the baseline (or the planned schedule); absent when the baseline has no such wave. */
  baseline?: string;
  forecast: string;
  /** Working days from baseline to forecast; absent with `baseline`. */
  variance?: number;
}

export type PhaseState = 'done' | 'running' | 'late' | 'not-started';

interface StatusPhase {
  id: string;
  name: string;
  wave?: number;
  owner?: string;
  state: PhaseState;
  critical: boolean;
  /** Working days of float in the forecast. */
  float: number;
  done: number;
  total: number;
  planned?: { start: string; end: string };
  forecast: { start: string; end: string };
  /** Working days from the baseline's end to the forecast end; absent when the baseline lacks the phase. */
  variance?: number;
}

export interface StatusWork {
  kind: 'item' | 'milestone';
  /** The item's or milestone's id, when it has one. */
  id?: string;
  /** The item's task or the milestone's name, when it has one. */
  title?: string;
  phase: string;
  owner?: string;
  /** Its planned date: the item's ED or the milestone's date. */
  due: string;
  /** A milestone that is a gate. */
  gate: boolean;
  /** Its phase is critical in the forecast. */
  critical: boolean;
}

interface LateWork extends StatusWork {
  /** Working days from `due` to the as-of date. */
  daysLate: number;
}

interface UpcomingWork extends StatusWork {
  /** Working days from the as-of date to `due`. */
  daysAway: number;
}

interface StatusRisk {
  id: string;
  description?: string;
  likelihood?: string;
  impact?: string;
  owner?: string;
  mitigation?: string;
}

interface StatusKpi {
  id: string;
  name?: string;
  target?: string;
  review?: string;
  owner?: string;
}

interface StatusFinding {
  ruleId: string;
  message: string;
  /** 1-based. */
  line: number;
  column: number;
}

export interface StatusReport {
  path: string;
  name: string;
  asOf: string;
  /** Working days ahead that "coming up" and the float check look. */
  horizon: number;
  baseline: StatusBaseline;
  status: StatusVerdict;
  goLives: StatusGoLive[];
  progress: {
    done: number;
    total: number;
    /** Whole percent of done items, 0 when there are none. */
    percent: number;
    phases: Record<PhaseState, number>;
    milestones: { achieved: number; total: number; next?: { id: string; name: string; phase: string; date: string } };
  };
  phases: StatusPhase[];
  late: LateWork[];
  comingUp: UpcomingWork[];
  risks: StatusRisk[];
  kpis: StatusKpi[];
  findings: { error: number; warning: number; info: number; errors: StatusFinding[] };
}

export interface StatusOptions {
  /** ISO date of the report; the lint result must have been computed with it. */
  asOf: string;
  /** Working days. */
  horizon: number;
  /** An earlier version of the plan: its planned schedule is the baseline. */
  baseline?: { schedule: Schedule; kind: 'git-ref' | 'file'; source: string };
}

/** A baseline as `status --baseline` and the editor's setting load it: with its lint result, for the timeline's ghost bars. */
export type ScheduleBaseline = NonNullable<StatusOptions['baseline']> & { result: LintResult };

/** What the report needs of a plan, computed once. */
interface Context {
  plan: Plan;
  planned: Schedule;
  forecast: Schedule;
  asOf: number;
  horizon: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function calendarOf(ctx: Context, phase: Phase) {
  return ctx.forecast.calendarOf(phase).work;
}

function phaseState(ctx: Context, phase: Phase, progress: Progress): PhaseState {
  if (progress.complete) return 'done';
  const started = phase.actual?.start?.day;
  if (started !== undefined) return dueEnd(phase, calendarOf(ctx, phase), started) < ctx.asOf ? 'late' : 'running';
  const planned = ctx.planned.windowOf(phase);
  return planned && planned.start < ctx.asOf ? 'late' : 'not-started';
}

function isCritical(ctx: Context, phase: Phase): boolean {
  return ctx.forecast.windowOf(phase)?.critical ?? false;
}

function itemWork(ctx: Context, item: ChecklistItem, due: number): StatusWork {
  return {
    kind: 'item',
    ...(item.entity ? { id: item.entity.id } : {}),
    ...(item.task ? { title: item.task.value } : {}),
    phase: item.phase.id,
    ...owner(item.owner?.value ?? item.phase.owner?.value),
    due: isoFromDay(due),
    gate: false,
    critical: isCritical(ctx, item.phase),
  };
}

function milestoneWork(ctx: Context, milestone: Milestone, due: number): StatusWork {
  return {
    kind: 'milestone',
    id: milestone.id,
    ...(milestone.name ? { title: milestone.name.value } : {}),
    phase: milestone.phase.id,
    ...owner(milestone.owner?.value ?? milestone.phase.owner?.value),
    due: isoFromDay(due),
    gate: milestone.gate,
    critical: isCritical(ctx, milestone.phase),
  };
}

function owner(value: string | undefined): { owner?: string } {
  return value === undefined ? {} : { owner: value };
}

/** Open work with its planned date: items not done and milestones not achieved, of phases not complete. */
function openWork(ctx: Context, complete: (phase: Phase) => boolean): { work: StatusWork; due: number; phase: Phase }[] {
  const open: { work: StatusWork; due: number; phase: Phase }[] = [];
  for (const item of allChecklistItems(ctx.plan)) {
    if (item.done || complete(item.phase)) continue;
    const due = effectiveDate(item, ctx.planned);
    if (due !== undefined) open.push({ work: itemWork(ctx, item, due), due, phase: item.phase });
  }
  for (const phase of ctx.plan.phases) {
    if (complete(phase)) continue;
    for (const milestone of phase.milestones) {
      if (milestone.achieved) continue;
      const due = milestoneDate(milestone, ctx.planned);
      if (due !== undefined) open.push({ work: milestoneWork(ctx, milestone, due), due, phase });
    }
  }
  return open;
}

function lateAndUpcoming(ctx: Context, complete: (phase: Phase) => boolean): { late: LateWork[]; comingUp: UpcomingWork[] } {
  const late: LateWork[] = [];
  const comingUp: UpcomingWork[] = [];
  for (const { work, due, phase } of openWork(ctx, complete)) {
    const cal = calendarOf(ctx, phase);
    if (due < ctx.asOf) late.push({ ...work, daysLate: signedWorkingDays(cal, due, ctx.asOf) });
    else {
      const daysAway = signedWorkingDays(cal, ctx.asOf, due);
      if (daysAway <= ctx.horizon) comingUp.push({ ...work, daysAway });
    }
  }
  // Stable sorts keep file order (items, then milestones) among equals.
  late.sort((a, b) => Number(b.critical) - Number(a.critical) || b.daysLate - a.daysLate);
  comingUp.sort((a, b) => a.due.localeCompare(b.due));
  return { late, comingUp };
}

function goLives(forecast: Schedule, waves: WaveVariance[]): StatusGoLive[] {
  const byWave = new Map(waves.map((v) => [v.wave, v] as const));
  return forecast.waveGoLives.map((g) => {
    const v = byWave.get(g.wave);
    return {
      ...(g.wave === undefined ? {} : { wave: g.wave }),
      ...(g.name === undefined ? {} : { name: g.name }),
      phase: g.phase.id,
      ...(v ? { baseline: isoFromDay(v.baseline) } : {}),
      forecast: isoFromDay(g.start),
      ...(v ? { variance: v.days } : {}),
    };
  });
}

function statusPhases(ctx: Context, progress: Map<Phase, Progress>, phaseVariance: Map<Phase, PhaseVariance>): StatusPhase[] {
  const rows: StatusPhase[] = [];
  for (const window of ctx.forecast.windows) {
    const phase = window.phase;
    const p = progress.get(phase) ?? { done: 0, total: 0, complete: false };
    const planned = ctx.planned.windowOf(phase);
    const v = phaseVariance.get(phase);
    rows.push({
      id: phase.id,
      name: phase.name?.value ?? phase.id,
      ...(phase.wave ? { wave: phase.wave.value } : {}),
      ...owner(phase.owner?.value),
      state: phaseState(ctx, phase, p),
      critical: window.critical,
      float: window.slack,
      done: p.done,
      total: p.total,
      ...(planned ? { planned: { start: isoFromDay(planned.start), end: isoFromDay(planned.end) } } : {}),
      forecast: { start: isoFromDay(window.start), end: isoFromDay(window.end) },
      ...(v ? { variance: v.days } : {}),
    });
  }
  return rows;
}

function nextMilestone(ctx: Context): StatusReport['progress']['milestones']['next'] {
  let best: { milestone: Milestone; day: number } | undefined;
  for (const phase of ctx.plan.phases) {
    for (const milestone of phase.milestones) {
      if (milestone.achieved) continue;
      const day = milestoneDate(milestone, ctx.forecast);
      if (day !== undefined && day >= ctx.asOf && (!best || day < best.day)) best = { milestone, day };
    }
  }
  if (!best) return undefined;
  const { milestone, day } = best;
  return { id: milestone.id, name: milestone.name?.value ?? milestone.id, phase: milestone.phase.id, date: isoFromDay(day) };
}

function describeWork(work: StatusWork): string {
  const what = work.kind === 'item' ? `checklist item "${work.id ?? work.title ?? '?'}"` : `${work.gate ? 'gate' : 'milestone'} "${work.id}"`;
  return `${what} of ${work.critical ? 'critical ' : ''}phase "${work.phase}"`;
}

/** The reasons for red, then for amber (docs/status.md, "The verdict"). */
function verdict(report: Omit<StatusReport, 'status'>, runningFloat: { phase: string; float: number }[]): StatusVerdict {
  const against = report.baseline.kind === 'planned' ? 'planned' : 'the baseline';
  const red: string[] = [];
  for (const g of report.goLives) {
    if (g.variance === undefined || g.variance <= 0) continue;
    const wave = g.wave === undefined ? 'the go-live' : `the go-live of wave ${g.wave}${g.name ? ` (${g.name})` : ''}`;
    red.push(`${wave} is forecast for ${g.forecast}, ${plural(g.variance, 'working day')} later than ${against} (${g.baseline})`);
  }
  for (const work of report.late.filter((w) => w.gate)) red.push(`${describeWork(work)} was due ${work.due} and is not achieved`);
  if (report.findings.error > 0) red.push(`the plan has ${plural(report.findings.error, 'lint error')}`);
  const amber: string[] = [];
  for (const work of report.late.filter((w) => w.critical && !w.gate)) amber.push(`${describeWork(work)} is ${plural(work.daysLate, 'working day')} late`);
  for (const { phase, float } of runningFloat) {
    amber.push(`phase "${phase}" is in progress with ${plural(float, 'working day')} of float, less than the ${report.horizon}-day horizon`);
  }
  const colour: StatusColour = red.length > 0 ? 'red' : amber.length > 0 ? 'amber' : 'green';
  const reasons = [...red, ...amber];
  if (reasons.length === 0) {
    return { colour, reasons, reason: `Green: every go-live is on or ahead of ${against}, no gate is overdue, nothing critical is late and no running phase has less float than the horizon.` };
  }
  const more = reasons.length - 1;
  const first = reasons[0];
  return { colour, reasons, reason: `${colour === 'red' ? 'Red' : 'Amber'}: ${first}${more > 0 ? `, and ${plural(more, 'more reason')}` : ''}.` };
}

function findingsOf(result: LintResult): StatusReport['findings'] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  const errors = result.findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ ruleId: f.ruleId, message: f.message, line: f.range.start.line + 1, column: f.range.start.character + 1 }));
  return { ...counts, errors };
}

function isHigh(level: string | undefined): boolean {
  return level === 'high';
}

function text(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** The report with its verdict, which json shows right after what the report is about. */
function withVerdict(report: Omit<StatusReport, 'status'>, runningFloat: { phase: string; float: number }[]): StatusReport {
  const { path, name, asOf, horizon, baseline, ...rest } = report;
  return { path, name, asOf, horizon, baseline, status: verdict(report, runningFloat), ...rest };
}

/** The report of one linted plan as of `options.asOf`; a plan that did not parse reports its errors, red. */
export function buildStatus(result: LintResult, display: string, options: StatusOptions): StatusReport {
  const asOf = dayFromIso(options.asOf);
  if (asOf === undefined) throw new Error(`buildStatus: "${options.asOf}" is not an ISO date`);
  const baseline: StatusBaseline = options.baseline ? { kind: options.baseline.kind, source: options.baseline.source } : { kind: 'planned' };
  const empty = { done: 0, running: 0, late: 0, 'not-started': 0 };
  const report: Omit<StatusReport, 'status'> = {
    path: display,
    name: result.plan?.name?.value ?? display,
    asOf: options.asOf,
    horizon: options.horizon,
    baseline,
    goLives: [],
    progress: { done: 0, total: 0, percent: 0, phases: empty, milestones: { achieved: 0, total: 0 } },
    phases: [],
    late: [],
    comingUp: [],
    risks: [],
    kpis: [],
    findings: findingsOf(result),
  };
  const { plan } = result;
  if (!plan) return withVerdict(report, []);
  const ctx: Context = { plan, planned: buildSchedule(plan), forecast: buildSchedule(plan, { mode: 'forecast', asOf }), asOf, horizon: options.horizon };
  const progress = planProgress(plan);
  const complete = (phase: Phase) => progress.phases.get(phase)?.complete ?? false;
  const varied = variance(options.baseline?.schedule ?? ctx.planned, ctx.forecast);
  report.goLives = goLives(ctx.forecast, varied.waves);
  report.phases = statusPhases(ctx, progress.phases, new Map(varied.phases.map((v) => [v.phase, v] as const)));
  const states = { ...empty };
  for (const phase of report.phases) states[phase.state]++;
  const milestones = plan.phases.flatMap((p) => p.milestones);
  report.progress = {
    done: progress.plan.done,
    total: progress.plan.total,
    percent: progress.plan.total === 0 ? 0 : Math.floor((100 * progress.plan.done) / progress.plan.total),
    phases: states,
    milestones: { achieved: milestones.filter((m) => m.achieved).length, total: milestones.length, ...defined({ next: nextMilestone(ctx) }) },
  };
  Object.assign(report, lateAndUpcoming(ctx, complete));
  report.risks = plan.risks
    .filter((r) => isHigh(r.likelihood?.value) || isHigh(r.impact?.value))
    .map((r) => defined({ id: r.id, description: r.description?.value, likelihood: r.likelihood?.value, impact: r.impact?.value, owner: r.owner?.value, mitigation: r.mitigation?.value }));
  report.kpis = plan.kpis.map((k) => defined({ id: k.id, name: k.name?.value, target: text(k.target?.value), review: k.review?.value, owner: k.owner?.value }));
  const runningFloat = ctx.forecast.windows
    .filter((w) => w.phase.actual?.start && !complete(w.phase) && w.slack < options.horizon)
    .map((w) => ({ phase: w.phase.id, float: w.slack }));
  return withVerdict(report, runningFloat);
}

/**
 * The forecast timeline of a linted plan (what the html report draws), with the baseline's
 * planned schedule, else the plan's own, as its ghost bars.
 */
export function forecastTimeline(result: LintResult, display: string, asOf: string, baseline?: LintResult): TimelineData | undefined {
  const day = dayFromIso(asOf);
  if (!result.plan || day === undefined) return undefined;
  const ghost = buildTimeline(baseline ?? result, asOf);
  return { ...forecastOver(result, result.plan, asOf, day, { ...ghost, path: display }), path: display };
}
