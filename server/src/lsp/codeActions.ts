import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Range } from 'vscode-languageserver';
import { disableLineEdit } from '../engine/disables';
import { fixIsSound, fixUntilStable } from '../engine/fix';
import { dayFromIso } from '../engine/calendar';
import { progressActions } from '../engine/progressActions';
import { lineStartOffset, type SourceFile } from '../engine/source';
import { ruleDocUrl } from '../engine/ruleDocs';
import { minimalEdit } from '../engine/textDiff';
import type { Finding, Fix } from '../engine/types';
import { COMMANDS, FIX_ALL_KIND, SERVER_COMMANDS, type RuleDocArgument } from '../protocol';
import type { ClientSupport } from './clientSupport';
import { isDiagnosticOf, toDiagnostic, toProtocolEdit } from './diagnostics';
import type { Analysis } from './project';

/**
 * Fix-all results per analysis: an analysis is replaced whenever its text, settings or
 * dependencies change, so a result stays valid as long as its analysis is the current one.
 */
const fixedTexts = new WeakMap<Analysis, string>();

/**
 * Whether a fix passes the re-parse check (engine/fixCheck.ts), once per fix: fixes belong to an
 * analysis, which is replaced when the text changes, and the analysis's own parse is the original.
 */
const soundness = new WeakMap<Fix, boolean>();

function soundFix(source: SourceFile, fix: Fix): boolean {
  let sound = soundness.get(fix);
  if (sound === undefined) {
    sound = fixIsSound(source.text, fix, source.doc);
    soundness.set(fix, sound);
  }
  return sound;
}

/** Whether a requested kind (`source`, `source.fixAll`) covers an action's kind. */
function covers(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((requested) => covers(requested, kind));
}

/** Fix-all re-lints the plan several times, so it is computed only when asked for by kind (on save, "Source Action..."). */
function explicitlyWants(params: CodeActionParams, kind: string): boolean {
  return params.context.only?.some((requested) => covers(requested, kind)) ?? false;
}

/**
 * "Show documentation": the client's own command where it has one (VS Code opens the page shipped
 * with the extension), else the server's, which asks the client to open the page through
 * `window/showDocument`; none for a client that can do neither (its diagnostics still link the
 * page in `codeDescription.href`).
 */
function ruleDocCommand(ruleId: string, support: ClientSupport): Command | undefined {
  const title = `show documentation for ${ruleId}`;
  const argument: RuleDocArgument = { ruleId, url: ruleDocUrl(ruleId) };
  if (support.commands.has(COMMANDS.openRuleDoc)) return { title, command: COMMANDS.openRuleDoc, arguments: [argument] };
  if (support.showDocument) return { title, command: SERVER_COMMANDS.showRuleDoc, arguments: [argument] };
  return undefined;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function intersects(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * Quick fixes for the findings under the cursor: the finding's fix (preferred when it is its
 * only one) and its suggestions, each under its own title, "disable <id> for this line",
 * "show documentation for <id>" (when the client can open it); the progress actions at the
 * cursor (progressActions.ts); and `source.fixAll.crm-rollout`,
 * which applies every fix,
 * never a suggestion, until the plan is stable (rules.md, "Fixes and suggestions").
 * Fixes come from the current analysis of the document, not from the client's copy of the
 * diagnostics, so they always match the text they edit.
 */
export function codeActions(
  analysis: Analysis,
  params: CodeActionParams,
  lint: (text: string) => Finding[],
  uriOf: (path: string) => string,
  support: ClientSupport,
): CodeAction[] {
  const { result } = analysis;
  const { source } = result;
  const uri = params.textDocument.uri;
  const actions: CodeAction[] = [];
  const editOf = (edits: ReturnType<typeof toProtocolEdit>[]) => ({ changes: { [uri]: edits } });

  if (wants(params, CodeActionKind.QuickFix)) {
    const clientDiagnostics = params.context.diagnostics;
    for (const finding of result.findings) {
      let diagnostic: Diagnostic | undefined;
      if (clientDiagnostics.length > 0) {
        diagnostic = clientDiagnostics.find((d) => isDiagnosticOf(d, finding));
        if (!diagnostic) continue;
      } else if (!intersects(finding.range, params.range)) {
        continue;
      }
      diagnostic ??= toDiagnostic(finding, source, uriOf);
      // A fix that would break the YAML or change a value it does not edit (an anchor's aliases) is not offered.
      const fixes = (finding.fixes ?? []).filter((fix) => soundFix(source, fix));
      const fixCount = fixes.filter((f) => f.kind === 'fix').length;
      for (const fix of fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.kind === 'fix' && fixCount === 1,
          edit: editOf(fix.edits.map((e) => toProtocolEdit(source, e))),
        });
      }
      // Syntax errors cannot be silenced, and a config file has no disable comments.
      if (finding.ruleId !== 'yaml-syntax' && result.role !== 'config') {
        const edit = disableLineEdit(source, finding.range.start.line, finding.ruleId);
        if (edit.newText !== '' || edit.start !== edit.end) {
          actions.push({
            title: `disable ${finding.ruleId} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: editOf([toProtocolEdit(source, edit)]),
          });
        }
      }
      const command = ruleDocCommand(finding.ruleId, support);
      if (command) actions.push({ title: command.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command });
    }
  }

  // Progress actions at the cursor (mark done, achieved, started, finished), dated on the
  // editor's as-of date: suggestions with no finding behind them, so no fix-all applies them.
  const today = dayFromIso(analysis.settings.asOf);
  if (wants(params, CodeActionKind.QuickFix) && result.plan && result.role === 'plan' && today !== undefined) {
    const start = params.range.start;
    const offset = Math.min(analysis.text.length, lineStartOffset(source, start.line) + start.character);
    for (const fix of progressActions(result.plan, offset, today).filter((f) => soundFix(source, f))) {
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, edit: editOf(fix.edits.map((e) => toProtocolEdit(source, e))) });
    }
  }

  if (explicitlyWants(params, FIX_ALL_KIND) && result.findings.some((f) => f.fixes?.some((fix) => fix.kind === 'fix'))) {
    let fixed = fixedTexts.get(analysis);
    if (fixed === undefined) {
      fixed = fixUntilStable(analysis.text, lint).text;
      fixedTexts.set(analysis, fixed);
    }
    const edit = minimalEdit(analysis.text, fixed);
    if (edit) actions.push({ title: 'fix all auto-fixable crm-rollout problems', kind: FIX_ALL_KIND, edit: editOf([toProtocolEdit(source, edit)]) });
  }
  return actions;
}
