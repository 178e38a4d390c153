/**
 * What a YAML file is to crm-rollout, decided by its name alone, for every front end: the
 * engine, the CLI, the language server and the VS Code client (and, through a test,
 * package.json). Imports nothing, so the client bundle can hold it.
 *
 * Case rule: names are matched exactly as the plan format writes them, in lower case, on every
 * platform. `Plan.ROLLOUT.YAML` is not a plan, on Windows and macOS either, so a folder holds
 * the same plans on a developer's laptop as in Linux CI (and as git, globs and the
 * `yamlValidation` file patterns of the extension see them).
 */

/** A plan's name ends in one of these; the first is the one new plans get. */
export const PLAN_EXTENSIONS = ['.rollout.yaml', '.rollout.yml'] as const;

/** The linter's configuration file names; in one folder the first wins over the second. */
export const CONFIG_FILE_NAMES = ['.crm-rollout.yaml', '.crm-rollout.yml'] as const;

/** Every plan under a folder, as a glob (VS Code's `findFiles`, document selectors, activation). */
export const PLAN_GLOB = '**/*.rollout.{yaml,yml}';

/** Every configuration file under a folder, as a glob. */
export const CONFIG_GLOB = '**/.crm-rollout.{yaml,yml}';

/**
 * - `plan`: a rollout plan.
 * - `config`: the linter's configuration.
 * - `directory`: any other YAML file; a people or holiday directory when a plan imports it.
 */
export type FileRole = 'plan' | 'directory' | 'config';

/** The last segment of a path or URI path, whichever separator it uses. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export function isPlanPath(path: string): boolean {
  return PLAN_EXTENSIONS.some((extension) => path.endsWith(extension));
}

function isConfigPath(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(baseName(path));
}

export function fileRole(path: string): FileRole {
  if (isConfigPath(path)) return 'config';
  if (isPlanPath(path)) return 'plan';
  return 'directory';
}

/** A plan's file name without its extension (`acme.rollout.yaml` -> `acme`). */
export function planStem(path: string): string {
  const base = baseName(path);
  const extension = PLAN_EXTENSIONS.find((e) => base.endsWith(e));
  return extension ? base.slice(0, -extension.length) : base;
}

/** The file name a new plan gets from its stem (`acme` -> `acme.rollout.yaml`). */
export function planFileName(stem: string): string {
  return `${stem}${PLAN_EXTENSIONS[0]}`;
}
