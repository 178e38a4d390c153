import type { RuleMeta } from '../server/src/engine/rules/types';

/**
 * Writes the rule-options part of schemas/config.schema.json from the rule registry, so each
 * option is declared once, in its rule's `meta.optionsSchema`: a `<rule>Options` definition per
 * rule that takes options, the `$defs` its schema brings, and the rule's entry under `rules`
 * (severity or `[severity, { options }]`, with the default and an example). Everything else in
 * the file is written by hand and kept as it is.
 */

type Json = Record<string, unknown>;

/** `owner-overload` → `ownerOverloadOptions`, the name of its definition in `$defs`. */
export function optionsDefName(ruleId: string): string {
  return `${ruleId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Options`;
}

/** Options as the docs write them inline: `{ max: 3 }`, `{ require: [] }`. */
function inlineValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, v]) => `${key}: ${inlineValue(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return String(value);
}

/** The first example of the first option that has one: `{ max: 4 }`. */
function exampleOptions(optionsSchema: Json): Json | undefined {
  const properties = (optionsSchema.properties ?? {}) as Record<string, Json>;
  for (const [name, property] of Object.entries(properties)) {
    if (Array.isArray(property.examples) && property.examples.length > 0) return { [name]: property.examples[0] };
  }
  return undefined;
}

function ruleSetting(meta: RuleMeta, optionsSchema: Json): Json {
  const sentence = `${meta.description[0].toUpperCase()}${meta.description.slice(1)}.`;
  const defaults = meta.defaultOptions ? ` with \`${inlineValue(meta.defaultOptions)}\`` : '';
  const example = exampleOptions(optionsSchema);
  return {
    title: 'rule setting',
    description: `${sentence} Default: \`${meta.defaultSeverity}\`${defaults}.`,
    type: ['string', 'array'],
    minItems: 1,
    maxItems: 2,
    if: { type: 'string' },
    then: { $ref: '#/$defs/severity' },
    else: { prefixItems: [{ $ref: '#/$defs/severity' }, { $ref: `#/$defs/${optionsDefName(meta.id)}` }] },
    examples: example ? [meta.defaultSeverity, [meta.defaultSeverity, example]] : [meta.defaultSeverity],
  };
}

/** `current` (the parsed config schema) with its rule-options part generated from `metas`. */
export function withRuleOptions(current: Json, metas: readonly RuleMeta[]): Json {
  const currentDefs = current.$defs as Record<string, Json>;
  const generatedDefs: Record<string, Json> = {};
  const settings: Record<string, Json> = {};
  for (const meta of metas) {
    if (!meta.optionsSchema) continue;
    const { $defs: broughtDefs, ...optionsSchema } = meta.optionsSchema as Json & { $defs?: Record<string, Json> };
    settings[meta.id] = ruleSetting(meta, optionsSchema);
    generatedDefs[optionsDefName(meta.id)] = { title: `${meta.id} options`, description: `Options of the \`${meta.id}\` rule.`, ...optionsSchema };
    for (const [name, def] of Object.entries(broughtDefs ?? {})) {
      if (name in generatedDefs) throw new Error(`$defs/${name} of ${meta.id} is declared by another rule too`);
      generatedDefs[name] = def;
    }
  }
  const handWritten = Object.fromEntries(Object.entries(currentDefs).filter(([name]) => name === 'rules' || !isGeneratedDef(name, currentDefs)));
  const rules = { ...currentDefs.rules, properties: settings };
  return { ...current, $defs: { ...handWritten, rules, ...generatedDefs } };
}

/**
 * A definition this generator wrote last time: an `...Options` definition, or one only those
 * refer to. What is left after removing them is what the file's author wrote by hand.
 */
function isGeneratedDef(name: string, defs: Record<string, Json>, visiting: ReadonlySet<string> = new Set()): boolean {
  if (name.endsWith('Options')) return true;
  if (visiting.has(name)) return false;
  const referrers = Object.keys(defs).filter((other) => other !== name && JSON.stringify(defs[other]).includes(`"#/$defs/${name}"`));
  const inside = new Set([...visiting, name]);
  return referrers.length > 0 && referrers.every((other) => other !== 'rules' && isGeneratedDef(other, defs, inside));
}

/** The file's text: two-space JSON with a final newline. */
export function renderConfigSchema(current: Json, metas: readonly RuleMeta[]): string {
  return `${JSON.stringify(withRuleOptions(current, metas), null, 2)}\n`;
}
