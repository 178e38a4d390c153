import { fileRole, type FileRole } from '../fileRoles';
import { dayFromIso, todayIso } from './calendar';
import { findConfigFile, loadConfig, resolveRules, type LoadedConfig } from './config';
import { parseDisables } from './disables';
import { declaredEntities } from './entities';
import { encodingFinding } from './encoding';
import { OverlayFileSystem, type EncodingProblem, type FileSystem } from './fileSystem';
import { resolveImports, type ImportResolution } from './imports';
import { buildPlan, type Plan } from './model';
import { CORE_RULES } from './coreRules';
import { formatMessage } from './messages';
import { CONTROL_CHARACTER, documentValue, parseSource, type ParseResult } from './parse';
import { RULE_IDS, RULE_METAS, RULES } from './rules/index';
import { runRules } from './runRules';
import type { RuleSetting } from './config';
import type { Rule } from './rules/types';
import type { Schedule } from './schedule';
import { buildSchedule } from './scheduler';
import { validateAgainstSchema } from './schema';
import type { SourceFile } from './source';
import type { Finding } from './types';
import { applyWaivers, type WaivedFinding } from './waivers';
import { withholdAnchoredFixes } from './anchoredFixes';
import { pushAll } from './arrays';
import { isInside } from './paths';

export interface LintOptions {
  fs: FileSystem;
  /** ISO date; when given, date-sensitive rules (`overdue`) run against it. */
  asOf?: string;
  /** An explicit configuration file; otherwise `.crm-rollout.yaml` is found by walking up. */
  configPath?: string;
  /**
   * The project root (projectRoot.ts), symbolic links resolved: the config walk stops here,
   * and imports and `extends` may not leave it.
   */
  root?: string;
  /**
   * Runs these rules with these settings instead of the registry under the configuration (a
   * rule's test table runs its rule alone through this same pipeline). Parse, schema, import
   * and waiver findings keep their default severities.
   */
  only?: { rules: readonly Rule[]; settings: ReadonlyMap<string, RuleSetting> };
  /**
   * Parses the text; `parseSource` unless the caller keeps earlier parses of the file (the
   * language server re-parses only the edited list item after a keystroke: lsp/recentParses.ts).
   */
  parse?: (path: string, text: string) => ParseResult;
}

export interface LintResult {
  path: string;
  role: FileRole;
  source: SourceFile;
  /** Findings in this file, by position. */
  findings: Finding[];
  /** Problems of the configuration file that applies (located in that file). */
  configFindings: Finding[];
  configPath?: string;
  plan?: Plan;
  schedule?: Schedule;
  imports?: ImportResolution;
  /** Files whose change can change this result: imports and configuration. */
  dependencies: string[];
  /** Findings silenced by the plan's `x-waivers`, each with its waiver (not in `findings`). */
  waived: WaivedFinding[];
}

function byPosition(a: Finding, b: Finding): number {
  return a.offsets[0] - b.offsets[0] || a.offsets[1] - b.offsets[1] || a.ruleId.localeCompare(b.ruleId);
}

function loadSettings(path: string, options: LintOptions): { settings: Map<string, RuleSetting>; config?: LoadedConfig; configPath?: string } {
  const configPath = options.configPath ?? findConfigFile(path, options.fs, options.root);
  const config = configPath ? loadConfig(configPath, options.fs, RULE_IDS, extendsRoot(configPath, options)) : undefined;
  return { settings: resolveRules(config, path, RULE_METAS, options.fs.paths), config, configPath };
}

/** The settings of the rules that run: the configuration's, or the caller's selection. */
function selectedSettings(path: string, options: LintOptions): { settings: ReadonlyMap<string, RuleSetting>; config?: LoadedConfig; configPath?: string } {
  return options.only ? { settings: options.only.settings } : loadSettings(path, options);
}

/**
 * The folder a configuration's `extends` may not leave: the project root, or for a
 * configuration named on the command line outside it (the user's choice), its own folder.
 */
function extendsRoot(configPath: string, options: LintOptions): string | undefined {
  if (options.root === undefined) return undefined;
  const real = options.fs.realPath(configPath) ?? configPath;
  return isInside(options.fs.paths, options.root, real) ? options.root : options.fs.paths.dirname(real);
}

/** Applies configured severities to the pipeline's own findings and drops those turned off. */
function withSeverity(findings: Finding[], settings: ReadonlyMap<string, RuleSetting>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = settings.get(f.ruleId);
    if (setting?.severity === 'off') continue;
    // A copy only where the severity changes: a huge plan's million schema findings keep theirs.
    out.push(setting && setting.severity !== f.severity ? { ...f, severity: setting.severity } : f);
  }
  return out;
}

/** Lints one file's text: the single entry point every front end uses. */
export function lintText(path: string, text: string, options: LintOptions): LintResult {
  const steps = lintSteps(path, text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The lint of a file, stage by stage: what a step says is the stage that runs next, and
 * `partial()` is the result of the stages done so far (findings sorted and with their
 * configured severities, as a whole lint gives them; `plan` and `schedule` once built). The
 * language server runs the stages with the event loop in between, so requests are answered
 * while a huge plan is checked, and stops them when a validation runs over its time budget.
 */
export interface LintStep {
  next: LintStage;
  /**
   * The result so far. With `budgetMs`: the result of a lint stopped here for running over
   * that time budget, which a `limits` finding at the top of the file says.
   */
  partial(budgetMs?: number): LintResult;
}

/** The stages of a lint after parsing, in order. */
export type LintStage = 'schema' | 'imports' | 'model' | 'rules' | 'waivers';

const LIMITS_MESSAGES = CORE_RULES.find((rule) => rule.id === 'limits')?.messages ?? {};

/**
 * The `limits` finding of a lint stopped before `stage` for running over its budget, on the
 * first line of `text`. `parse` is a lint stopped while the text was still being parsed (the
 * language server's worker, terminated at the budget: lsp/checkWorkers.ts).
 */
export function timeBudgetFinding(path: string, text: string, stage: LintStage | 'parse', budgetMs: number): Finding {
  const end = text.search(/\r?\n|$/);
  return {
    ruleId: 'limits',
    messageId: 'timeBudget',
    severity: 'error',
    message: formatMessage(LIMITS_MESSAGES.timeBudget ?? '', { seconds: Number((budgetMs / 1000).toFixed(3)), stage }),
    file: path,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: end } },
    offsets: [0, end],
    data: { stage, budgetMs },
  };
}

export function* lintSteps(path: string, text: string, options: LintOptions): Generator<LintStep, LintResult> {
  const role = fileRole(path);
  const parsed = (options.parse ?? parseSource)(path, text);
  const { source } = parsed;
  const result: LintResult = { path, role, source, findings: [], configFindings: [], dependencies: [], waived: [] };
  if (role === 'config') {
    const fs = new OverlayFileSystem(options.fs);
    fs.set(path, text);
    const config = loadConfig(path, fs, RULE_IDS, options.root);
    result.findings = [...config.findings].sort(byPosition);
    return result;
  }
  const { settings, config, configPath } = selectedSettings(path, options);
  result.configPath = configPath;
  result.configFindings = withSeverity(config?.findings ?? [], settings);
  if (configPath) result.dependencies.push(configPath);
  const findings: Finding[] = [...parsed.findings];
  const finish = (stopped?: Finding): LintResult => {
    const disables = parseDisables(source, RULE_IDS);
    const kept = findings.filter((f) => f.ruleId === 'yaml-syntax' || !disables.isDisabled(f.ruleId, f.range.start.line));
    if (stopped) kept.push(stopped);
    return { ...result, findings: withSeverity(pushAll(kept, disables.findings), settings).sort(byPosition) };
  };
  const step = (next: LintStage): LintStep => ({ next, partial: (budgetMs) => finish(budgetMs === undefined ? undefined : timeBudgetFinding(source.path, source.text, next, budgetMs)) });
  if (parsed.fatal) {
    result.findings = withSeverity(findings, settings).sort(byPosition);
    return result;
  }
  const value = documentValue(source);
  pushAll(findings, value.findings);
  yield step('schema');
  if (value.findings.length === 0) pushAll(findings, validateAgainstSchema(role === 'plan' ? 'plan' : 'directory', source, value.value));

  yield step('imports');
  const imports = resolveImports(source, options.fs, { root: options.root });
  result.imports = imports;
  pushAll(result.dependencies, imports.dependencies);
  pushAll(findings, imports.findings);

  if (role === 'plan' && value.findings.length === 0) {
    yield step('model');
    const plan = buildPlan(source);
    plan.importedPeople = imports.people;
    plan.importedTeams = imports.teams;
    plan.importedHolidays = imports.holidays;
    plan.importedCalendars = imports.calendars;
    const schedule = buildSchedule(plan);
    result.plan = plan;
    result.schedule = schedule;
    yield step('rules');
    const asOfDay = options.asOf ? dayFromIso(options.asOf) : undefined;
    // With an as-of date the rules judge the forecast (actual dates, achieved milestones, late
    // phases running on), as plan-format.md's "Scheduling, precisely" asks; without one there is
    // no forecast. The planned schedule stays the result's: the editor edits the plan as written.
    const judged = asOfDay === undefined ? schedule : buildSchedule(plan, { mode: 'forecast', asOf: asOfDay });
    pushAll(findings, runRules({ plan, schedule: judged, rules: options.only?.rules ?? RULES, settings, asOfDay, importNodeFor: imports.entryFor }));
    yield step('waivers');
    // Waivers expire against the as-of date, else today: an `until` is a deadline the team wrote down.
    const entities = declaredEntities(plan);
    const waivers = applyWaivers(source, findings, {
      ruleIds: RULE_IDS,
      declaredIds: new Set(entities.map((e) => e.id)),
      owners: new Set(entities.filter((e) => e.kind === 'person' || e.kind === 'team').map((e) => e.id)),
      asOfDay: dayFromIso(options.asOf ?? todayIso()) ?? 0,
    });
    findings.length = 0;
    pushAll(pushAll(findings, waivers.kept), waivers.findings);
    result.waived = waivers.waived;
  }
  withholdAnchoredFixes(source, findings);
  return finish();
}

/** Reads a file through the FileSystem and lints it; a path that cannot be read is an error value. */
export function lintFile(path: string, options: LintOptions): LintResult | { path: string; error: string } {
  const read = options.fs.read(path);
  if (read.ok) return lintText(path, read.text, options);
  if (read.reason === 'encoding') return lintUndecodable(path, read.text, read.problem, options);
  return { path, error: read.message };
}

/**
 * A file in an encoding the plan format does not allow is one `encoding` finding: its lossy text
 * would only produce findings about replacement characters, and nothing may be fixed in it. Bytes
 * that are not text at all (control characters) are the parser's `binary` finding instead.
 */
function lintUndecodable(path: string, lossyText: string, problem: EncodingProblem, options: LintOptions): LintResult {
  if (problem.guessed && CONTROL_CHARACTER.test(lossyText)) return lintText(path, lossyText, options);
  const parsed = parseSource(path, lossyText);
  const { settings, configPath } = loadSettings(path, options);
  const findings = withSeverity([encodingFinding(parsed.source, problem)], settings);
  return { path, role: fileRole(path), source: parsed.source, findings, configFindings: [], configPath, dependencies: configPath ? [configPath] : [], waived: [] };
}
