import { UsageError } from './args';

/**
 * One mechanism for every command that writes several formats (lint reports, timeline
 * exports, diffs): a registry from format name to its renderer and a line of help. The
 * command checks `--format` against it and builds its help from it, so a format cannot be
 * added without being accepted and listed, nor listed without existing.
 */

/** One output format: what renders it and what `--help` says of it. */
interface OutputFormat<Render> {
  render: Render;
  description: string;
  /** `--output` file extensions that choose this format when `--format` is not given. */
  extensions?: readonly string[];
}

/** Formats by name, in the order `--help` and error messages list them. */
export type FormatRegistry<Name extends string, Render> = Readonly<Record<Name, OutputFormat<Render>>>;

export function formatNames<Name extends string>(registry: FormatRegistry<Name, unknown>): Name[] {
  return Object.keys(registry) as Name[];
}

/** `name`, when the registry has it; otherwise a usage error (exit 2) that lists the formats. */
export function checkedFormat<Name extends string>(registry: FormatRegistry<Name, unknown>, name: string): Name {
  if (!Object.hasOwn(registry, name)) throw new UsageError(`unknown format "${name}"; use one of ${formatNames(registry).join(', ')}`);
  return name as Name;
}

/** The format an `--output` file's extension names (`.svg`, case-insensitive), if any. */
export function formatOfExtension<Name extends string>(registry: FormatRegistry<Name, unknown>, extension: string): Name | undefined {
  return formatNames(registry).find((name) => registry[name].extensions?.includes(extension.toLowerCase()));
}

/**
 * The formats as `--help` lists them under `--format <name>`: one line each, names aligned,
 * the default marked, indented to `column` (where the option descriptions start).
 */
export function formatsHelp<Name extends string>(registry: FormatRegistry<Name, unknown>, defaultName: Name, column: number): string {
  const names = formatNames(registry);
  const width = Math.max(...names.map((name) => name.length));
  return names
    .map((name) => `${' '.repeat(column)}${name.padEnd(width)}  ${registry[name].description}${name === defaultName ? ' (default)' : ''}`)
    .join('\n');
}
