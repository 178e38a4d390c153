import type { RuleMeta } from './rules/types';

/**
 * Findings the pipeline itself produces (parse, schema, imports, configuration). They have
 * ids, severities and pages like any rule, but no check of their own in rules/.
 */
export const CORE_RULES: readonly RuleMeta[] = [
  {
    id: 'yaml-syntax',
    category: 'core',
    defaultSeverity: 'error',
    description: 'the file is well-formed YAML: no syntax errors, duplicate keys, unresolved aliases or lists and mappings used as keys',
    messages: {
      syntax: '{{message}}',
      duplicateKey: 'key "{{key}}" appears twice in the same mapping; remove or rename one of them',
      unresolvedAlias: 'alias "*{{name}}" has no anchor "&{{name}}" before it; define the anchor first or write the value out',
      collectionKey: 'this key is a {{kind}}, but keys are names; write the key as plain text (quoted if it holds brackets), or make the {{kind}} the value of a named key',
      binary: 'file looks binary, not YAML',
    },
  },
  {
    id: 'encoding',
    category: 'core',
    defaultSeverity: 'error',
    description: 'the file is UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; other encodings are reported, never rewritten',
    messages: {
      notText: 'file is not UTF-8 or UTF-16 with a byte-order mark: {{what}} on line {{line}} looks like {{likely}}; save it as UTF-8 (--fix leaves it unchanged)',
    },
  },
  {
    id: 'schema',
    category: 'core',
    defaultSeverity: 'error',
    description: 'every key and value follows the plan format (schemas/plan.schema.json)',
    fixable: true,
    hasSuggestions: true,
    messages: { schema: '{{message}}' },
  },
  {
    id: 'import',
    category: 'core',
    defaultSeverity: 'error',
    description: 'every file in `imports:` exists, is readable YAML of the directory format, and imports do not form a cycle',
    messages: {
      missing: 'import "{{path}}" not found; check the path, which is relative to the importing file',
      directory: 'import "{{path}}" is a directory; name a YAML file such as {{path}}/people.yaml',
      unreadable: 'import "{{path}}" cannot be read: {{reason}}',
      broken: 'import "{{path}}" is not valid YAML ({{reason}} at line {{line}}); fix that file',
      cycle: 'imports form a cycle: {{cycle}}; remove one of these imports',
      outside: 'import "{{path}}" leads outside the project root {{root}} (directly or through a symbolic link), so it is not read; keep shared files inside the repository',
      extendsMissing: 'extended config "{{path}}" not found (looked for {{resolved}}); check the path, which is relative to this file',
      extendsDirectory: 'extended config "{{path}}" is a directory; name a YAML file such as {{path}}/.crm-rollout.yaml',
      extendsUnreadable: 'extended config "{{path}}" cannot be read: {{reason}}',
      extendsBroken: 'extended config "{{path}}" is not valid YAML; fix that file',
      extendsOutside: 'extended config "{{path}}" leads outside the project root {{root}} (directly or through a symbolic link), so it is not read; keep shared configuration inside the repository',
      extendsCycle: 'extends form a cycle: {{cycle}}; remove one of these extends',
      configUnreadable: 'configuration file cannot be read: {{reason}}; check the path',
    },
  },
  {
    id: 'unknown-rule',
    category: 'core',
    defaultSeverity: 'warning',
    description: 'rule ids named in `.crm-rollout.yaml` and in disable comments exist',
    hasSuggestions: true,
    messages: {
      unknown: 'rule "{{id}}" does not exist{{suggestion}}',
    },
  },
  {
    id: 'waiver-expired',
    category: 'core',
    defaultSeverity: 'warning',
    description: 'every `x-waivers` entry with an `until` date is still current on the as-of date (the CLI: --as-of, else today)',
    messages: {
      expired:
        'waiver of "{{rule}}" for "{{target}}" expired on {{until}} (as of {{asOf}}), so its findings are reported again; fix them, or renew the waiver with a later "until" and a current reason',
    },
  },
  {
    id: 'waiver-invalid',
    category: 'core',
    defaultSeverity: 'warning',
    description: 'every `x-waivers` entry names an existing rule, a target, a reason and a declared owner, with `until` as YYYY-MM-DD',
    hasSuggestions: true,
    messages: {
      notAList: '"x-waivers" must be a list of waivers, each { rule, target, reason, owner, until }',
      notAMapping: 'a waiver is a mapping such as { rule: owner-overload, target: priya, reason: ..., owner: dana, until: 2027-06-30 }',
      unknownField: 'waiver field "{{field}}" is not known; a waiver has rule, target, reason, owner and until{{suggestion}}',
      missingField: 'waiver has no "{{field}}"; {{hint}}',
      unknownRule: 'waiver names rule "{{rule}}", which does not exist{{suggestion}}',
      unknownTarget: 'waiver target "{{target}}" names nothing in this plan; name a declared id such as "uat" or an idPath such as "phases/uat"{{suggestion}}',
      unknownOwner: 'waiver owner "{{owner}}" is not a declared person or team{{suggestion}}',
      badDate: 'waiver "until" "{{until}}" is not a date; write it as YYYY-MM-DD',
    },
  },
  {
    id: 'limits',
    category: 'core',
    defaultSeverity: 'error',
    description: 'every input stays within the bounds the tool checks in bounded time and memory: file size, nesting, aliases, pattern complexity, the editor\'s time budget',
    messages: {
      tooLarge: 'file is larger than the {{max}} MiB limit for a plan; split it into smaller files with imports',
      tooDeep: 'the document is nested too deeply to parse; simplify the structure',
      aliasBomb: 'aliases expand to more than {{max}} nodes (an alias bomb); write the values out or use fewer aliases',
      pattern: 'file pattern "{{pattern}}" is beyond what the tool matches ({{reason}}), so it matches nothing; write a shorter pattern or several patterns',
      timeBudget: 'checking this file took longer than {{seconds}} s, so the editor stopped before its {{stage}} checks and shows only the findings found so far; split it into smaller files with imports, or run crm-rollout lint on it',
    },
  },
];
