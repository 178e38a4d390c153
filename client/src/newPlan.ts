import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, PLAN_EXTENSIONS } from '../../server/src/fileRoles';
import type { NewPlanParams, NewPlanResult, PlanTemplatesResult } from '../../server/src/protocol';
import type { Ctx } from './ctx';

/**
 * "New Plan from Template": `crm-rollout init` asked for in the editor. The language server
 * renders the plan with init's own templates (`crm-rollout/newPlan`), so a start on a
 * non-working day moves to the next working day in both; like init, an existing
 * `.crm-rollout.yaml` is kept; unlike init, the plan's place is chosen in a save dialog, which
 * also asks before overwriting.
 */

export interface NewPlanOptions extends NewPlanParams {
  /** Where to write the plan; a save dialog asks when absent. */
  target?: vscode.Uri;
}

const SIZE_LABELS: Record<string, string> = {
  small: 'Small organization',
  mid: 'Mid-size organization',
  enterprise: 'Enterprise',
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function ask(offer: PlanTemplatesResult): Promise<NewPlanParams | undefined> {
  const sizes = offer.templates.map((t) => ({ label: SIZE_LABELS[t.size] ?? t.size, description: t.size, detail: t.summary, size: t.size }));
  const picked = await vscode.window.showQuickPick(sizes, { title: 'New rollout plan (1/3)', placeHolder: 'Which template fits the organization?' });
  if (!picked) return undefined;
  const name = await vscode.window.showInputBox({
    title: 'New rollout plan (2/3)',
    prompt: 'The rollout name; the file is named after it',
    value: offer.defaultName,
    validateInput: (v) => (v.trim() === '' ? 'Give the rollout a name, such as "Acme HubSpot rollout"' : undefined),
  });
  if (name === undefined) return undefined;
  const start = await vscode.window.showInputBox({
    title: 'New rollout plan (3/3)',
    prompt: 'First day of the plan (YYYY-MM-DD); a weekend moves to the Monday',
    value: offer.today,
    validateInput: (v) => (ISO_DATE.test(v.trim()) ? undefined : 'Write the date as YYYY-MM-DD'),
  });
  if (start === undefined) return undefined;
  return { size: picked.size, name: name.trim(), start: start.trim() };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes the plan (and a configuration when its folder has none), opens it, and returns its URI. */
export async function createPlan(ctx: Ctx, options?: Partial<NewPlanOptions>): Promise<vscode.Uri | undefined> {
  const given = options?.size && options.name && options.start ? { size: options.size, name: options.name, start: options.start } : undefined;
  const answers = given ?? (await ask(await ctx.planTemplates()));
  if (!answers) return undefined;
  let plan: NewPlanResult;
  try {
    plan = await ctx.newPlan(answers);
  } catch (error) {
    void vscode.window.showErrorMessage(`No plan was created: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target =
    options?.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, plan.fileName) : undefined,
      filters: { 'Rollout plan': PLAN_EXTENSIONS.map((e) => e.slice(1)) },
      saveLabel: 'Create plan',
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(plan.text));
  const planFolder = vscode.Uri.joinPath(target, '..');
  const configs = CONFIG_FILE_NAMES.map((n) => vscode.Uri.joinPath(planFolder, n));
  if (!(await exists(configs[0])) && !(await exists(configs[1]))) await vscode.workspace.fs.writeFile(configs[0], new TextEncoder().encode(plan.configText));
  await vscode.window.showTextDocument(target);
  if (plan.moved) void vscode.window.showInformationMessage(`The plan starts ${plan.start}, the first working day on or after ${answers.start}.`);
  return target;
}
