/** A small, strict argument parser: unknown options are errors, never silently ignored. */

interface OptionSpec {
  /** Takes a value (`--format json` or `--format=json`). */
  value?: boolean;
  /** May be given several times; values are collected. */
  repeat?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const option = spec[name];
    if (!option) {
      const known = Object.keys(spec).map((k) => `--${k}`).join(', ');
      throw new UsageError(`unknown option "--${name}"; known options: ${known}`);
    }
    if (!option.value) {
      if (eq >= 0) throw new UsageError(`option "--${name}" takes no value`);
      parsed.flags.add(name);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`option "--${name}" needs a value`);
    const values = parsed.options.get(name) ?? [];
    if (values.length > 0 && !option.repeat) throw new UsageError(`option "--${name}" is given twice`);
    values.push(value);
    parsed.options.set(name, values);
  }
  return parsed;
}

export function optionValue(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}
