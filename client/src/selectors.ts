import type { DocumentFilter } from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';
import { CONFIG_GLOB, PLAN_GLOB } from '../../server/src/fileRoles';

/** Rollout plans: the files the timeline, the status item and the editor title button apply to. */
export const PLAN_SELECTOR: DocumentFilter[] = [{ scheme: 'file', pattern: PLAN_GLOB }];

/**
 * What the language server is sent: plans, the linter configuration, and every other YAML file
 * on disk, because a people or holiday directory has no name of its own: it is a directory only
 * when some plan imports it, which only the server knows (it follows `imports:` of plans that
 * are not open too). The server answers nothing for YAML that no plan imports.
 */
export const SERVER_SELECTOR: DocumentSelector = [
  { scheme: 'file', pattern: PLAN_GLOB },
  { scheme: 'file', pattern: CONFIG_GLOB },
  { scheme: 'file', language: 'yaml' },
];
