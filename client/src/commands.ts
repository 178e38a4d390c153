import * as vscode from 'vscode';
import { isPlanPath, PLAN_GLOB } from '../../server/src/fileRoles';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND as FIX_ALL, SETTINGS_SECTION, type RuleDocArgument } from '../../server/src/protocol';
import type { Cmd, Ctx } from './ctx';
import { createPlan, type NewPlanOptions } from './newPlan';
import { saveStatusReport as saveReport, StatusPanel } from './preview/statusPanel';
import { TimelinePanel } from './preview/timelinePanel';

/**
 * One factory per command: each gets the shared context and returns the handler, so
 * extension.ts only maps names to factories. Handlers return a value where a test or another
 * command can use it.
 */

const FIX_ALL_KIND = vscode.CodeActionKind.Empty.append(FIX_ALL);

/** A URI from a command argument: a Uri (menus), a string (the server's code lens) or nothing. */
function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return vscode.Uri.parse(arg, true);
  return undefined;
}

function activePlan(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && isPlanPath(uri.path) ? uri : undefined;
}

export function showTimeline(ctx: Ctx): Cmd {
  return (arg?: unknown) => {
    const uri = uriOf(arg) ?? activePlan();
    if (!uri) {
      void vscode.window.showWarningMessage('Open a rollout plan (*.rollout.yaml) to show its timeline.');
      return undefined;
    }
    return TimelinePanel.createOrShow(ctx, uri);
  };
}

/** Opens the status report of a plan (the argument, else the active editor's) beside the editor. */
export function showStatusReport(ctx: Ctx): Cmd {
  return (arg?: unknown) => {
    const uri = uriOf(arg) ?? activePlan();
    if (!uri) {
      void vscode.window.showWarningMessage('Open a rollout plan (*.rollout.yaml) to show its status report.');
      return undefined;
    }
    return StatusPanel.createOrShow(ctx, uri);
  };
}

/** Saves a plan's status report as html or markdown; the second argument, a file URI, skips the save dialog. */
export function saveStatusReport(ctx: Ctx): Cmd {
  return async (arg?: unknown, target?: unknown) => {
    const uri = uriOf(arg) ?? activePlan() ?? StatusPanel.active()?.uri;
    if (!uri) {
      void vscode.window.showWarningMessage('Open a rollout plan (*.rollout.yaml) to save its status report.');
      return undefined;
    }
    return saveReport(ctx, uri, uriOf(target));
  };
}

export function copyTimelineAsMermaid(): Cmd {
  return async () => TimelinePanel.active()?.export('mermaid');
}

/** Saves the active timeline as a standalone SVG; the argument, a file URI, skips the save dialog. */
export function saveTimelineAsSvg(): Cmd {
  return async (target?: unknown) => TimelinePanel.active()?.export('svg', uriOf(target));
}

/** Applies the server's `source.fixAll.crm-rollout` action; resolves to the number of actions applied. */
export function fixAll(ctx: Ctx): Cmd {
  return async (arg?: unknown): Promise<number> => {
    const uri = uriOf(arg) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) return 0;
    const document = await vscode.workspace.openTextDocument(uri);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, FIX_ALL_KIND.value, 1)) ?? [];
    let applied = 0;
    for (const action of actions.filter((a) => a.kind && FIX_ALL_KIND.contains(a.kind))) {
      if (action.edit && (await vscode.workspace.applyEdit(action.edit))) applied++;
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    }
    if (applied === 0) void vscode.window.showInformationMessage('No auto-fixable problems in this file.');
    ctx.output.info(`fix all: ${applied} action(s) applied to ${uri.fsPath}`);
    return applied;
  };
}

/**
 * Switches `crm-rollout.validate` to `workspace` (where a folder setting overrides it too), so
 * the server lints every plan and the Problems panel fills, then shows that panel.
 */
export function lintWorkspace(ctx: Ctx): Cmd {
  return async (): Promise<void> => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showWarningMessage('Open a folder to lint the plans in it.');
      return;
    }
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    if (config.get('validate') !== 'workspace') await config.update('validate', 'workspace', vscode.ConfigurationTarget.Workspace);
    for (const folder of folders) {
      const scoped = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri);
      if (scoped.inspect('validate')?.workspaceFolderValue === 'openFiles') await scoped.update('validate', 'workspace', vscode.ConfigurationTarget.WorkspaceFolder);
    }
    const plans = await vscode.workspace.findFiles(PLAN_GLOB, '**/node_modules/**');
    ctx.output.info(`lint workspace: ${plans.length} plan(s) in ${folders.length} folder(s)`);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  };
}

/** A rule whose page to open; the URL is known when it comes from a diagnostic or the server. */
type RuleRef = Pick<RuleDocArgument, 'ruleId'> & Partial<Pick<RuleDocArgument, 'url'>>;

/** The rule id and doc address of the first crm-rollout diagnostic under the cursor. */
function ruleAtCursor(): RuleRef | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = editor.selection.active;
  for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
    if (d.source !== DIAGNOSTIC_SOURCE || !d.range.contains(at) || d.code === undefined) continue;
    if (typeof d.code === 'object') return { ruleId: String(d.code.value), url: d.code.target.toString() };
    return { ruleId: String(d.code) };
  }
  return undefined;
}

/** A rule from the command's argument: the server's {@link RuleDocArgument} or a bare rule id. */
function ruleOfArgument(arg: unknown): RuleRef | undefined {
  if (typeof arg === 'string' && arg !== '') return { ruleId: arg };
  const given = arg as Partial<RuleDocArgument> | undefined;
  if (typeof given?.ruleId !== 'string') return undefined;
  return { ruleId: given.ruleId, url: typeof given.url === 'string' ? given.url : undefined };
}

async function pickRule(ctx: Ctx): Promise<string | undefined> {
  const folder = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules');
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    // A development checkout without generated rule pages: nothing to pick from.
  }
  const ids = entries.filter(([name]) => name.endsWith('.md')).map(([name]) => name.slice(0, -3)).sort();
  if (ids.length === 0) return vscode.window.showInputBox({ prompt: 'Rule id', placeHolder: 'executive-sponsor' });
  return vscode.window.showQuickPick(ids, { placeHolder: 'Open the documentation of a rule' });
}

/**
 * Opens a rule's page: the copy shipped in the extension as a Markdown preview (works
 * offline), else the page online. The argument is a rule id or what the server's "show
 * documentation" quick fix passes (the rule id and its page's URL); without one, the rule
 * under the cursor or a pick.
 */
export function openRuleDoc(ctx: Ctx): Cmd {
  return async (arg?: unknown) => {
    const picked = async (): Promise<RuleRef | undefined> => {
      const ruleId = await pickRule(ctx);
      return ruleId ? { ruleId } : undefined;
    };
    const rule = ruleOfArgument(arg) ?? ruleAtCursor() ?? (await picked());
    if (!rule) return;
    const local = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules', `${rule.ruleId}.md`);
    try {
      await vscode.workspace.fs.stat(local);
    } catch {
      if (rule.url) await vscode.env.openExternal(vscode.Uri.parse(rule.url));
      else void vscode.window.showWarningMessage(`No documentation found for rule "${rule.ruleId}".`);
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', local);
  };
}

/** Asks for a template, a name and a start date (or takes them as an argument), writes the plan and opens it. */
export function newPlan(ctx: Ctx): Cmd {
  return async (arg?: unknown) => {
    const options = typeof arg === 'object' && arg !== null ? (arg as Partial<NewPlanOptions>) : undefined;
    const uri = await createPlan(ctx, options);
    if (uri) ctx.output.info(`created ${uri.fsPath}`);
    return uri;
  };
}

export function restartServer(ctx: Ctx): Cmd {
  return () => ctx.restart();
}

export function showOutput(ctx: Ctx): Cmd {
  return () => ctx.output.show(true);
}
