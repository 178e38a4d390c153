/**
 * Every name the VS Code client and the language server share, typed once and imported by the
 * client, the server and the tests: command ids, the fix-all kind, the settings section, the
 * diagnostic source and the custom requests. package.json repeats the command ids and the view
 * type (it cannot import); tests/protocol.test.ts keeps it in step, and fails when a product
 * source spells one of these ids instead of importing it.
 */
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TimelineGesture } from './engine/scheduleEdits';
import type { TimelineData } from './engine/timeline';
import type { FixKind } from './engine/types';

export type { TimelineData, TimelinePhase, TimelineMilestone, TimelineDependency, TimelineLane } from './engine/timeline';

/** The settings section (`crm-rollout.validate`, …), also the language client's id. */
export const SETTINGS_SECTION = 'crm-rollout';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'crm-rollout';

/** Every command the extension contributes, by the name its factory has in the client. */
export const COMMANDS = {
  showTimeline: 'crm-rollout.showTimeline',
  copyTimelineAsMermaid: 'crm-rollout.timeline.copyMermaid',
  saveTimelineAsSvg: 'crm-rollout.timeline.saveSvg',
  fixAll: 'crm-rollout.fixAll',
  lintWorkspace: 'crm-rollout.lintWorkspace',
  newPlan: 'crm-rollout.newPlan',
  openRuleDoc: 'crm-rollout.openRuleDoc',
  restartServer: 'crm-rollout.restartServer',
  showOutput: 'crm-rollout.showOutput',
  showStatusReport: 'crm-rollout.showStatusReport',
  saveStatusReport: 'crm-rollout.saveStatusReport',
} as const;

export type CommandName = keyof typeof COMMANDS;

/**
 * Commands the server runs itself (`workspace/executeCommand`), offered only to clients that
 * implement none of their own for the purpose.
 */
export const SERVER_COMMANDS = {
  /** Opens a rule's page through `window/showDocument`; its argument is a {@link RuleDocArgument}. */
  showRuleDoc: 'crm-rollout.server.showRuleDoc',
} as const;

/** The argument of "show documentation": `COMMANDS.openRuleDoc` in VS Code, `SERVER_COMMANDS.showRuleDoc` elsewhere. */
export interface RuleDocArgument {
  ruleId: string;
  /** The rule's page online (also the diagnostic's `codeDescription.href`). */
  url: string;
}

/**
 * The key under `ClientCapabilities.experimental` where a client lists the {@link COMMANDS} it
 * implements. The server names a client command (the "Open timeline" lens, "show documentation")
 * only to a client that lists it; every other editor gets what the protocol can do instead.
 */
export const CLIENT_CAPABILITY = 'crmRollout';

export interface CrmRolloutClientCapabilities {
  /** Ids of client commands the server may put in code lenses and code actions. */
  commands?: string[];
}

/** A fix or a suggestion as a diagnostic carries it: protocol edits, ready to apply to the document. */
export interface DiagnosticFix {
  title: string;
  /** `fix`: fix-all and fix-on-save apply it; `suggestion`: only offered (rules.md, "Fixes and suggestions"). */
  kind: FixKind;
  edits: TextEdit[];
}

/**
 * What `Diagnostic.data` holds: enough for a client to build the quick fixes and open the rule's
 * page without parsing the message. The server itself recomputes fixes from the current analysis.
 */
export interface DiagnosticData {
  ruleId: string;
  /** The rule's page online, as in `codeDescription.href`. */
  docUrl: string;
  messageId: string;
  idPath?: string;
  fixes: DiagnosticFix[];
  /** The finding's own structured data (e.g. the suggested id). */
  details?: Record<string, unknown>;
}

/** The code action kind of "fix all": `source.fixAll` for this linter, so fix-all on save runs it. */
export const FIX_ALL_KIND = 'source.fixAll.crm-rollout';

/** The timeline webview panel's type (`onWebviewPanel:` activation, `activeWebviewPanelId` when-clauses). */
export const TIMELINE_VIEW_TYPE = 'crm-rollout.timeline';

/** `crm-rollout/timeline`: the scheduled plan of an open document for the timeline preview. */
export const TIMELINE_REQUEST = 'crm-rollout/timeline';

export interface TimelineParams {
  /** The plan document's URI. */
  uri: string;
}

/** The timeline of a plan, and why no gesture on it can edit the plan, when none can (YAML errors). */
export type TimelineView = TimelineData & { dragOff?: string };

/** Null when the document is not a plan or cannot be read at all. */
export type TimelineResult = TimelineView | null;

/** The status report's webview panel type. */
export const STATUS_VIEW_TYPE = 'crm-rollout.statusReport';

/** `crm-rollout/statusReport`: the status report of an open plan (docs/status.md), rendered by the server. */
export const STATUS_REPORT_REQUEST = 'crm-rollout/statusReport';

export interface StatusReportParams {
  /** The plan document's URI. */
  uri: string;
  format: 'html' | 'markdown';
  /** For html shown in a webview: the editor's theme, the webview's policy and the nonce its style carries. */
  webview?: { csp: string; nonce: string };
}

/** Null when the document is not a plan. */
export type StatusReportResult = {
  text: string;
  colour: 'red' | 'amber' | 'green';
  /** Why the `crm-rollout.baseline` setting could not be used (the report then compares with the planned schedule). */
  baselineProblem?: string;
} | null;

/** `crm-rollout/planTemplates`: what "New Plan from Template" offers to choose from. */
export const PLAN_TEMPLATES_REQUEST = 'crm-rollout/planTemplates';

export interface PlanTemplatesResult {
  /** One template per organization size, in the order to offer them. */
  templates: { size: string; summary: string }[];
  defaultName: string;
  /** The server's today (ISO), the default start. */
  today: string;
}

/** `crm-rollout/newPlan`: a new plan's file name and text, exactly as `crm-rollout init` writes them. */
export const NEW_PLAN_REQUEST = 'crm-rollout/newPlan';

export interface NewPlanParams {
  size: string;
  name: string;
  /** ISO date; a day that is not a working day moves to the next working day. */
  start: string;
}

export interface NewPlanResult {
  fileName: string;
  text: string;
  /** The configuration to write beside the plan when its folder has none. */
  configText: string;
  /** The plan's first day (ISO), and whether it moved from the one asked for. */
  start: string;
  moved: boolean;
}

/** `crm-rollout/renderTimeline`: the timeline the panel shows, as a file to save or copy. */
export const RENDER_TIMELINE_REQUEST = 'crm-rollout/renderTimeline';

export type TimelineExportFormat = 'svg' | 'mermaid';

export interface RenderTimelineParams {
  data: TimelineData;
  format: TimelineExportFormat;
  /** The fixed palette an SVG embeds (a file has no editor theme); ignored for Mermaid. */
  theme: 'light' | 'dark';
}

/** Null when the data cannot be drawn. */
export type RenderTimelineResult = { text: string } | null;

/**
 * `crm-rollout/timelineEdit`: a gesture on the timeline (drag, resize, keyboard) turned into
 * the plan edit that gives the new dates, computed by the engine (engine/scheduleEdits.ts). The
 * webview only reports the gesture; the client applies the returned edit as one undo step.
 */
export const TIMELINE_EDIT_REQUEST = 'crm-rollout/timelineEdit';

export type { TimelineGesture };

export interface TimelineEditParams {
  /** The plan document's URI. */
  uri: string;
  /** The document version the gesture was made on; a newer document refuses the edit. */
  version?: number;
  gesture: TimelineGesture;
}

/** A phase whose dates the edit changes (the dragged one and the dependents that follow it). */
export interface TimelineMove {
  id: string;
  /** ISO dates, both inclusive. */
  start: string;
  end: string;
}

export type TimelineEditResult =
  | {
      ok: true;
      /** One edit of the plan document, to apply as one undo step. */
      edit: WorkspaceEdit;
      /** The new dates in words, for the bar's label and screen readers. */
      summary: string;
      moves: TimelineMove[];
      /** Messages of findings the edit would add (a start on a holiday, a go-live before UAT ends). */
      newFindings: string[];
    }
  | { ok: false; reason: string };
