import type { CodeActionParams, Diagnostic, Range } from 'vscode-languageserver';
import type { LintStage } from '../engine/lint';
import type { FileRole } from '../fileRoles';
import type { ClientSupport } from './clientSupport';
import type { Settings } from './settings';

/**
 * The messages between the language server and a document's check worker (checkWorkers.ts on
 * the server's side, checkWorker.ts in the worker). Everything is plain data: diagnostics and
 * answers are LSP values already, so nothing of the engine's parse crosses the thread boundary.
 */

/** Check a text: lint it with the engine, as the server would, and keep the analysis for requests. */
export interface CheckRequest {
  kind: 'check';
  id: number;
  uri: string;
  path: string;
  text: string;
  version?: number;
  settings: Settings;
  /** The project root of the file (project.ts rootOf). */
  root: string;
  /** The other open documents, path and text, laid over the disk as the server's file system does. */
  open: [path: string, text: string][];
  /** The client's URIs of the open documents, by path (for related locations). */
  uris: [path: string, uri: string][];
}

/** The editor features a worker answers for the document it checked, with what each needs beyond the analysis. */
export type Feature =
  | { name: 'hover'; offset: number }
  | { name: 'completion'; offset: number; snippets: boolean }
  | { name: 'documentSymbols' }
  | { name: 'foldingRanges' }
  | { name: 'inlayHints'; range: Range }
  | { name: 'codeLens'; support: ClientSupport }
  | { name: 'codeActions'; params: CodeActionParams; support: ClientSupport };

/** A request answered from the analysis of the last text the worker checked. */
export interface FeatureRequest {
  kind: 'feature';
  id: number;
  feature: Feature;
}

export type ToWorker = CheckRequest | FeatureRequest;

/** What a check found: the file's diagnostics and what the server tracks of it between checks. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  findingCount: number;
  role: FileRole;
  configPath?: string;
  /** Files whose change changes this result (imports and configuration). */
  dependencies: string[];
  /** The files the plan imports (the server lints those that are open). */
  importFiles: string[];
}

export type FromWorker =
  /**
   * A stage of the check begins (what a `limits` finding names should the budget end the check
   * here). Only its name: a snapshot of the findings so far would cost the worker as much again.
   */
  | { kind: 'stage'; id: number; stage: LintStage }
  | { kind: 'checked'; id: number; result: CheckResult }
  /** The check threw (a bug: the engine turns bad input into findings); the server logs it. */
  | { kind: 'failed'; id: number; error: string }
  /** A feature's answer: the LSP result, JSON already. */
  | { kind: 'answer'; id: number; answer: unknown };
