import * as nodePath from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { dayFromIso, todayIso } from '../engine/calendar';
import { SETTINGS_SECTION } from '../protocol';

/**
 * The `crm-rollout.*` settings, read per resource through `workspace/configuration`, cached
 * per URI and dropped on `workspace/didChangeConfiguration`.
 *
 * - `enable` (default true): false silences the server for that resource: no diagnostics,
 *   and every request about the file answers empty.
 * - `validate` (`openFiles`, default, or `workspace`): `workspace` also lints every plan in
 *   the workspace folder that holds the resource, open or not. Read per workspace folder.
 * - `asOf` (ISO date, default empty = today): the date the date-sensitive rules (`overdue`)
 *   and the timeline's "today" use. The editor always runs them; an invalid date means today.
 * - `baseline` (a git ref, default empty = none): the version of the plan the status report
 *   compares each go-live with, and whose dates a phase's hover shows (plan-format.md,
 *   Baselines; read by settingBaseline.ts).
 * - `configPath` (default empty): a configuration file to use instead of the nearest
 *   `.crm-rollout.yaml`; a relative path is relative to the resource's workspace folder.
 * - `trace.server` (`off`, `messages`, `verbose`): the client traces the protocol with it;
 *   `verbose` also makes the server log each validation and its duration.
 *
 * A client without `workspace/configuration` (some editors) gets the settings sent with
 * `didChangeConfiguration` or in `initializationOptions`, for every resource alike.
 */

export type ValidateMode = 'openFiles' | 'workspace';
export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface Settings {
  enable: boolean;
  validate: ValidateMode;
  /** The resolved as-of date: the setting when it is a date, else today. */
  asOf: string;
  /** A git ref of the plan's repository for the status report; empty for none. */
  baseline: string;
  /** Absolute path of an explicit configuration file. */
  configPath?: string;
  trace: TraceLevel;
}

const SETTING_KEYS = new Set(['enable', 'validate', 'asOf', 'baseline', 'configPath', 'trace']);

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Turns whatever the client sent into settings; unknown or ill-typed values fall back to defaults. */
function normalizeSettings(raw: unknown, folderPath: string | undefined, today = todayIso()): Settings {
  const value = record(raw);
  const asOf = typeof value.asOf === 'string' && dayFromIso(value.asOf.trim()) !== undefined ? value.asOf.trim() : today;
  const configText = typeof value.configPath === 'string' ? value.configPath.trim() : '';
  let configPath: string | undefined;
  if (configText !== '') configPath = nodePath.isAbsolute(configText) || !folderPath ? configText : nodePath.resolve(folderPath, configText);
  const trace = record(value.trace).server;
  return {
    enable: value.enable !== false,
    validate: value.validate === 'workspace' ? 'workspace' : 'openFiles',
    asOf,
    baseline: typeof value.baseline === 'string' ? value.baseline.trim() : '',
    configPath,
    trace: trace === 'messages' || trace === 'verbose' ? trace : 'off',
  };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings pushed by the client (initializationOptions or didChangeConfiguration). */
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    /** Whether the client answers `workspace/configuration` (known once it has initialized). */
    private readonly canPull: () => boolean,
    private readonly folderOf: (uri: string) => string | undefined,
  ) {}

  /** Settings of a resource (a document or workspace folder URI); `undefined` means the window. */
  get(uri?: string): Promise<Settings> {
    const key = uri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.read(uri);
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** Settings pushed by `didChangeConfiguration` (`{ "crm-rollout": {...} }`) or sent at start-up. */
  push(settings: unknown): void {
    const section = record(settings)[SETTINGS_SECTION];
    if (section !== undefined) this.pushed = section;
    // Some editors send the section's contents without the section name.
    else if (Object.keys(record(settings)).some((key) => SETTING_KEYS.has(key))) this.pushed = settings;
    this.cache.clear();
  }

  clear(): void {
    this.cache.clear();
  }

  private async read(uri: string | undefined): Promise<Settings> {
    const folder = uri ? this.folderOf(uri) : undefined;
    if (!this.canPull()) return normalizeSettings(this.pushed, folder);
    try {
      const [section] = await this.connection.workspace.getConfiguration([{ scopeUri: uri, section: SETTINGS_SECTION }]);
      return normalizeSettings(section ?? this.pushed, folder);
    } catch {
      // A client that fails the request still gets a working server with what it pushed.
      return normalizeSettings(this.pushed, folder);
    }
  }
}
