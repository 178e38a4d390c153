import { isScalar, type Node, type Scalar } from 'yaml';
import { CONFIG_FILE_NAMES } from '../fileRoles';
import { containment } from './containment';
import { CORE_RULES } from './coreRules';
import { unknownRuleFinding } from './disables';
import type { FileSystem } from './fileSystem';
import { globProblem, matchAnyGlob } from './glob';
import { formatMessage } from './messages';
import { documentValue, parseSource } from './parse';
import type { RuleMeta } from './rules/types';
import { validateAgainstSchema } from './schema';
import { nodeOffsets, rangeFromOffsets, type SourceFile } from './source';
import type { Finding, Severity, SeverityOrOff } from './types';
import { asMap, asSeq, deref, keysOf, pairOf, valueOf } from './yamlNodes';
import { pushAll } from './arrays';
import type { PathSyntax } from './paths';

/**
 * `.crm-rollout.yaml`: which rules run, at what severity, with which options.
 *
 * Decisions where rules.md is silent:
 * - `.crm-rollout.yaml` wins over `.crm-rollout.yml` in the same folder; the nearest folder wins.
 * - `extends` is a preset name or a path starting with `./` or `../`, relative to the declaring
 *   file (the schema's pattern); other values are left to the schema's finding. The preset
 *   named by the file deepest in the chain is the base (an extending file cannot name one as
 *   well, `extends` holding one value); `recommended` when none is named.
 * - Order of application: the preset, then for each file in the chain (extended files before
 *   the file extending them) its `rules`, then its matching `overrides` in order.
 * - `[severity, options]` sets options to the rule's `defaultOptions` with `options` merged
 *   over them (shallow), replacing options set by earlier layers; a bare severity keeps them.
 * - Override globs are relative to the folder of the file that declares them (glob.ts); a
 *   glob beyond glob.ts's bounds is a `limits` finding at the glob and is left out.
 * - Problems with `extends` (outside the project root, missing, a directory, unreadable,
 *   broken YAML, cyclic) are findings of the core rule `import` at the `extends` value;
 *   unknown rule ids are `unknown-rule` warnings at the key. All of them are located in the config file.
 * - An empty config file means "the defaults" and is not a schema error.
 */

export const PRESETS = ['recommended', 'strict', 'all'] as const;
const IMPORT_MESSAGES = CORE_RULES.find((r) => r.id === 'import')!.messages;
const LIMITS_MESSAGES = CORE_RULES.find((r) => r.id === 'limits')!.messages;
export type PresetName = (typeof PRESETS)[number];
const SEVERITIES: readonly SeverityOrOff[] = ['error', 'warning', 'info', 'off'];
const STRICT_SEVERITY: Record<Severity, Severity> = { error: 'error', warning: 'error', info: 'warning' };

export interface RuleSetting {
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

/** One entry of a `rules:` map, as written. */
export interface RuleEntry {
  id: string;
  severity: SeverityOrOff;
  /** Present only for the `[severity, options]` form. */
  options?: Record<string, unknown>;
}

export interface ConfigOverride {
  files: string[];
  rules: RuleEntry[];
}

/** What one config file of the `extends` chain contributes. */
export interface ConfigLayer {
  path: string;
  /** Folder the layer's override globs are relative to. */
  baseDir: string;
  rules: RuleEntry[];
  overrides: ConfigOverride[];
}

export interface LoadedConfig {
  path: string;
  preset: PresetName;
  /** In order of application: extended files first. */
  layers: ConfigLayer[];
  /** Problems of every file in the chain, each located in its own file. */
  findings: Finding[];
  /** Every path read to build this config, found or not (for re-validation when one changes). */
  dependencies: string[];
}

/** Walks up from the plan's folder to `stopAt` (a workspace root) or the file-system root. */
export function findConfigFile(planPath: string, fs: FileSystem, stopAt?: string): string | undefined {
  const { paths } = fs;
  const stop = stopAt === undefined ? undefined : paths.resolve(stopAt, '.');
  let dir = paths.dirname(planPath);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = paths.join(dir, name);
      if (fs.kind(candidate) === 'file') return candidate;
    }
    if (stop !== undefined && paths.resolve(dir, '.') === stop) return undefined;
    const parent = paths.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The base severity a preset gives a rule. */
export function presetSeverity(preset: PresetName, meta: RuleMeta): SeverityOrOff {
  if (meta.allOnly && preset !== 'all') return 'off';
  return preset === 'strict' ? STRICT_SEVERITY[meta.defaultSeverity] : meta.defaultSeverity;
}

/**
 * Every rule's severity and options for one plan: preset, then rules and overrides of each
 * layer (an override's globs match the plan's path relative to its layer's folder, in `paths`).
 */
export function resolveRules(config: LoadedConfig | undefined, planPath: string, registry: readonly RuleMeta[], paths: PathSyntax): Map<string, RuleSetting> {
  const preset = config?.preset ?? 'recommended';
  const metas = new Map(registry.map((meta) => [meta.id, meta]));
  const settings = new Map<string, RuleSetting>();
  for (const meta of registry) settings.set(meta.id, { severity: presetSeverity(preset, meta), options: { ...meta.defaultOptions } });
  const apply = (entries: readonly RuleEntry[]) => {
    for (const entry of entries) {
      const meta = metas.get(entry.id);
      const current = settings.get(entry.id);
      if (!meta || !current) continue;
      const options = entry.options ? { ...meta.defaultOptions, ...entry.options } : current.options;
      settings.set(entry.id, { severity: entry.severity, options });
    }
  };
  for (const layer of config?.layers ?? []) {
    apply(layer.rules);
    const relative = paths.relative(layer.baseDir, planPath);
    for (const override of layer.overrides) if (matchAnyGlob(override.files, relative)) apply(override.rules);
  }
  return settings;
}

/** One parsed config file, before its `extends` are followed. */
interface ConfigFile {
  source: SourceFile;
  fatal: boolean;
  findings: Finding[];
  extendsEntry?: { value: string; node: Node };
  rules: RuleEntry[];
  overrides: ConfigOverride[];
}

interface CachedFile {
  text: string;
  knownIds: ReadonlySet<string>;
  file: ConfigFile;
}

interface CachedConfig {
  knownIds: ReadonlySet<string>;
  root: string | undefined;
  /** Text of each file read, undefined when it could not be read. */
  reads: Map<string, string | undefined>;
  config: LoadedConfig;
}

/**
 * Loads configs with a cache keyed by path and compared by text, so validating a plan on every
 * keystroke re-parses a config (or a file it extends) only when its text changed.
 */
export class ConfigLoader {
  private readonly files = new Map<string, CachedFile>();
  private readonly configs = new Map<string, CachedConfig>();

  /** `root`: the folder `extends` paths may not leave (projectRoot.ts); none in tests. */
  load(configPath: string, fs: FileSystem, knownIds: ReadonlySet<string>, root?: string): LoadedConfig {
    const cached = this.configs.get(configPath);
    if (cached && cached.knownIds === knownIds && cached.root === root && unchanged(cached.reads, fs)) return cached.config;
    const reads = new Map<string, string | undefined>();
    const config = this.build(configPath, fs, knownIds, reads, root);
    this.configs.set(configPath, { knownIds, root, reads, config });
    return config;
  }

  clear(): void {
    this.files.clear();
    this.configs.clear();
  }

  private build(configPath: string, fs: FileSystem, knownIds: ReadonlySet<string>, reads: Map<string, string | undefined>, root: string | undefined): LoadedConfig {
    const findings: Finding[] = [];
    const layers: ConfigLayer[] = [];
    let preset: PresetName | undefined;

    const visit = (file: ConfigFile, chain: string[]) => {
      pushAll(findings, file.findings);
      const entry = file.extendsEntry;
      if (entry && isPreset(entry.value)) preset = entry.value;
      else if (entry) followExtends(file, entry, chain);
      if (!file.fatal) layers.push({ path: file.source.path, baseDir: fs.paths.dirname(file.source.path), rules: file.rules, overrides: file.overrides });
    };

    const followExtends = (file: ConfigFile, entry: { value: string; node: Node }, chain: string[]) => {
      const target = fs.paths.resolve(fs.paths.dirname(file.source.path), entry.value);
      const contained = containment(fs, root, target);
      if (contained.verdict === 'loop') {
        findings.push(extendsFinding(file.source, entry.node, 'extendsUnreadable', `extended config "${entry.value}" cannot be read: it is a symbolic link loop`));
        return;
      }
      if (contained.verdict === 'outside') {
        findings.push(extendsFinding(file.source, entry.node, 'extendsOutside', formatMessage(IMPORT_MESSAGES.extendsOutside, { path: entry.value, root: root ?? '' })));
        return;
      }
      const read = fs.read(target);
      reads.set(target, read.ok ? read.text : undefined);
      const cycleStart = read.ok ? chain.indexOf(read.realPath) : -1;
      if (!read.ok) {
        findings.push(unreadableFinding(file.source, entry, target, read));
      } else if (cycleStart >= 0) {
        const here = fs.paths.dirname(file.source.path);
        const cycle = [...chain.slice(cycleStart), read.realPath].map((p) => fs.paths.relative(here, p)).join(' → ');
        findings.push(extendsFinding(file.source, entry.node, 'extendsCycle', `extends form a cycle: ${cycle}; remove one of these extends`));
      } else {
        const extended = this.parseFile(target, read.text, knownIds);
        if (extended.fatal) {
          findings.push(extendsFinding(file.source, entry.node, 'extendsBroken', `extended config "${entry.value}" is not valid YAML; fix that file`));
        }
        visit(extended, [...chain, read.realPath]);
      }
    };

    const read = fs.read(configPath);
    reads.set(configPath, read.ok ? read.text : undefined);
    if (read.ok) {
      visit(this.parseFile(configPath, read.text, knownIds), [read.realPath]);
    } else {
      const source = parseSource(configPath, '').source;
      findings.push(extendsFinding(source, undefined, 'configUnreadable', `configuration file cannot be read: ${read.message}; check the path`));
    }
    return { path: configPath, preset: preset ?? 'recommended', layers, findings, dependencies: [...reads.keys()] };
  }

  private parseFile(path: string, text: string, knownIds: ReadonlySet<string>): ConfigFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text && cached.knownIds === knownIds) return cached.file;
    const file = readConfigFile(path, text, knownIds);
    this.files.set(path, { text, knownIds, file });
    return file;
  }
}

const defaultLoader = new ConfigLoader();

/** Loads a config and the files it extends through the shared cache. */
export function loadConfig(configPath: string, fs: FileSystem, knownIds: ReadonlySet<string>, root?: string): LoadedConfig {
  return defaultLoader.load(configPath, fs, knownIds, root);
}

function unchanged(reads: ReadonlyMap<string, string | undefined>, fs: FileSystem): boolean {
  for (const [path, text] of reads) {
    const read = fs.read(path);
    if ((read.ok ? read.text : undefined) !== text) return false;
  }
  return true;
}

function isPreset(value: string): value is PresetName {
  return (PRESETS as readonly string[]).includes(value);
}

function isRelativePath(value: string): boolean {
  return /^\.\.?\//.test(value);
}

function readConfigFile(path: string, text: string, knownIds: ReadonlySet<string>): ConfigFile {
  const parsed = parseSource(path, text);
  const { source } = parsed;
  const file: ConfigFile = { source, fatal: parsed.fatal, findings: [...parsed.findings], rules: [], overrides: [] };
  if (parsed.fatal || source.doc.contents === null) return file;
  const value = documentValue(source);
  pushAll(file.findings, value.findings);
  if (value.findings.length > 0) return file;
  pushAll(file.findings, validateAgainstSchema('config', source, value.value));

  const doc = source.doc;
  const root = asMap(doc, doc.contents);
  if (!root) return file;
  const extendsNode = valueOf(doc, root, 'extends');
  if (isScalar(extendsNode) && typeof extendsNode.value === 'string' && (isPreset(extendsNode.value) || isRelativePath(extendsNode.value))) {
    file.extendsEntry = { value: extendsNode.value, node: extendsNode };
  }
  file.rules = readRuleEntries(source, valueOf(doc, root, 'rules'), knownIds, file.findings);
  for (const item of asSeq(doc, valueOf(doc, root, 'overrides'))?.items ?? []) {
    const override = asMap(doc, item);
    if (!override) continue;
    const globs = asSeq(doc, valueOf(doc, override, 'files'))?.items.map((n) => deref(doc, n)) ?? [];
    const files: string[] = [];
    for (const node of globs) {
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      const problem = globProblem(node.value);
      if (problem) file.findings.push(patternFinding(source, node, node.value, problem));
      else files.push(node.value);
    }
    const rules = readRuleEntries(source, valueOf(doc, override, 'rules'), knownIds, file.findings);
    file.overrides.push({ files, rules });
  }
  return file;
}

/** Entries of a `rules:` map; values the schema rejects are skipped (the schema reports them). */
function readRuleEntries(source: SourceFile, node: Node | undefined, knownIds: ReadonlySet<string>, findings: Finding[]): RuleEntry[] {
  const doc = source.doc;
  const map = asMap(doc, node);
  if (!map) return [];
  const entries: RuleEntry[] = [];
  for (const key of keysOf(map)) {
    if (!knownIds.has(key.name)) {
      const offsets = nodeOffsets(key.node) ?? [0, 0];
      findings.push(unknownRuleFinding(source, offsets, key.name, knownIds, innerOffsets(key.node, offsets)));
      continue;
    }
    const setting = readSetting(source, deref(doc, pairOf(doc, map, key.name)?.value));
    if (setting) entries.push({ id: key.name, ...setting });
  }
  return entries;
}

function readSetting(source: SourceFile, node: Node | undefined): Omit<RuleEntry, 'id'> | undefined {
  const doc = source.doc;
  const severity = (n: unknown): SeverityOrOff | undefined => {
    const s = deref(doc, n);
    return isScalar(s) && SEVERITIES.includes(s.value as SeverityOrOff) ? (s.value as SeverityOrOff) : undefined;
  };
  const seq = asSeq(doc, node);
  if (!seq) {
    const only = severity(node);
    return only ? { severity: only } : undefined;
  }
  const first = severity(seq.items[0]);
  if (!first) return undefined;
  const optionsMap = asMap(doc, seq.items[1]);
  if (!optionsMap) return seq.items.length === 1 ? { severity: first } : undefined;
  return { severity: first, options: optionsMap.toJS(doc) as Record<string, unknown> };
}

/** The id text of a key: inside the quotes of a quoted key. */
function innerOffsets(key: Scalar, offsets: [number, number]): [number, number] {
  const quoted = key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE';
  return quoted ? [offsets[0] + 1, offsets[1] - 1] : offsets;
}

function patternFinding(source: SourceFile, node: Node, pattern: string, reason: string): Finding {
  const offsets = nodeOffsets(node) ?? [0, 0];
  const shown = pattern.length > 40 ? `${pattern.slice(0, 39)}…` : pattern;
  return {
    ruleId: 'limits',
    messageId: 'pattern',
    severity: 'error',
    message: formatMessage(LIMITS_MESSAGES.pattern, { pattern: shown, reason }),
    file: source.path,
    range: rangeFromOffsets(source, offsets[0], offsets[1]),
    offsets,
  };
}

function extendsFinding(source: SourceFile, node: Node | undefined, messageId: string, message: string): Finding {
  const offsets = nodeOffsets(node) ?? [0, 0];
  return { ruleId: 'import', messageId, severity: 'error', message, file: source.path, range: rangeFromOffsets(source, offsets[0], offsets[1]), offsets };
}

function unreadableFinding(source: SourceFile, entry: { value: string; node: Node }, target: string, read: { reason: string; message: string }): Finding {
  const messages: Record<string, [string, string]> = {
    missing: ['extendsMissing', `extended config "${entry.value}" not found (looked for ${target}); check the path, which is relative to this file`],
    directory: ['extendsDirectory', `extended config "${entry.value}" is a directory; name a YAML file such as ${entry.value}/${CONFIG_FILE_NAMES[0]}`],
  };
  const [messageId, message] = messages[read.reason] ?? ['extendsUnreadable', `extended config "${entry.value}" cannot be read: ${read.message}`];
  return extendsFinding(source, entry.node, messageId, message);
}
