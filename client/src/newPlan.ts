import * as vscode from 'vscode';
import { dayFromIso, isoFromDay, todayIso, WorkCalendar } from '../../server/src/engine/calendar';
import type { OrgSize } from '../../server/src/engine/vocabulary';
import { CONFIG_FILE_NAMES, PLAN_EXTENSIONS, planFileName } from '../../server/src/fileRoles';
import { kebabName } from '../../server/src/cli/templates/naming';
import { CONFIG_TEXT, TEMPLATES } from '../../server/src/cli/templates/index';
import { renderPlan } from '../../server/src/cli/templates/render';

/**
 * "New Plan from Template": the same templates and rendering as `crm-rollout init`, asked for
 * in the editor. Like init, a start on a non-working day moves to the next working day, and
 * an existing `.crm-rollout.yaml` is kept; unlike init, the plan's place is chosen in a save
 * dialog, which also asks before overwriting.
 */

export interface NewPlanOptions {
  size: OrgSize;
  name: string;
  /** ISO date; moved to the next working day. */
  start: string;
  /** Where to write the plan; a save dialog asks when absent. */
  target?: vscode.Uri;
}

const SIZE_LABELS: Record<OrgSize, string> = {
  small: 'Small organization',
  mid: 'Mid-size organization',
  enterprise: 'Enterprise',
};

async function ask(): Promise<Omit<NewPlanOptions, 'target'> | undefined> {
  const sizes = (Object.keys(TEMPLATES) as OrgSize[]).map((size) => ({ label: SIZE_LABELS[size], description: size, detail: TEMPLATES[size].summary, size }));
  const picked = await vscode.window.showQuickPick(sizes, { title: 'New rollout plan (1/3)', placeHolder: 'Which template fits the organization?' });
  if (!picked) return undefined;
  const name = await vscode.window.showInputBox({
    title: 'New rollout plan (2/3)',
    prompt: 'The rollout name; the file is named after it',
    value: 'CRM rollout',
    validateInput: (v) => (v.trim() === '' ? 'Give the rollout a name, such as "Acme HubSpot rollout"' : undefined),
  });
  if (name === undefined) return undefined;
  const start = await vscode.window.showInputBox({
    title: 'New rollout plan (3/3)',
    prompt: 'First day of the plan (YYYY-MM-DD); a weekend moves to the Monday',
    value: todayIso(),
    validateInput: (v) => (dayFromIso(v.trim()) === undefined ? 'Write the date as YYYY-MM-DD' : undefined),
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
export async function createPlan(options?: Partial<NewPlanOptions>): Promise<vscode.Uri | undefined> {
  const answers = options?.size && options.name && options.start ? { size: options.size, name: options.name, start: options.start } : await ask();
  if (!answers) return undefined;
  const startDay = dayFromIso(answers.start);
  if (startDay === undefined || !TEMPLATES[answers.size]) throw new Error(`cannot create a "${answers.size}" plan starting "${answers.start}"`);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = planFileName(kebabName(answers.name));
  const target =
    options?.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { 'Rollout plan': PLAN_EXTENSIONS.map((e) => e.slice(1)) },
      saveLabel: 'Create plan',
    }));
  if (!target) return undefined;
  const start = new WorkCalendar().onOrAfter(startDay);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderPlan(TEMPLATES[answers.size], answers.name, start)));
  const planFolder = vscode.Uri.joinPath(target, '..');
  const configs = CONFIG_FILE_NAMES.map((n) => vscode.Uri.joinPath(planFolder, n));
  if (!(await exists(configs[0])) && !(await exists(configs[1]))) await vscode.workspace.fs.writeFile(configs[0], new TextEncoder().encode(CONFIG_TEXT));
  await vscode.window.showTextDocument(target);
  if (start !== startDay) void vscode.window.showInformationMessage(`The plan starts ${isoFromDay(start)}, the first working day on or after ${answers.start}.`);
  return target;
}
