import { describe, expect, it } from 'vitest';
import { POSIX_PATHS } from '../../server/src/engine/paths';
import { ConfigLoader, findConfigFile, loadConfig, resolveRules } from '../../server/src/engine/config';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import type { RuleMeta } from '../../server/src/engine/rules/types';
import type { Finding } from '../../server/src/engine/types';

function meta(id: string, defaultSeverity: RuleMeta['defaultSeverity'], extra: Partial<RuleMeta> = {}): RuleMeta {
  return { id, category: 'lifecycle', defaultSeverity, description: id, messages: {}, ...extra };
}

/** A small registry: one rule per default severity, an all-only rule, a rule with options, a core rule. */
const REGISTRY: readonly RuleMeta[] = [
  meta('unknown-rule', 'warning', { category: 'core' }),
  meta('executive-sponsor', 'error'),
  meta('required-phases', 'warning'),
  meta('change-control', 'info'),
  meta('objective-timing', 'info', { allOnly: true }),
  meta('owner-overload', 'warning', { defaultOptions: { max: 3, countMilestones: false } }),
];
const KNOWN: ReadonlySet<string> = new Set(REGISTRY.map((m) => m.id));

function severities(settings: Map<string, { severity: string }>): Record<string, string> {
  return Object.fromEntries([...settings].map(([id, s]) => [id, s.severity]));
}

function load(files: Record<string, string>, path = '/repo/.crm-rollout.yaml') {
  const fs = new MemoryFileSystem(files);
  return { fs, config: new ConfigLoader().load(path, fs, KNOWN) };
}

function textAt(text: string, finding: Finding): string {
  return text.slice(finding.offsets[0], finding.offsets[1]);
}

describe('findConfigFile', () => {
  const plan = '/repo/a/b/plan.rollout.yaml';

  it('walks up from the plan to the nearest config file', () => {
    const fs = new MemoryFileSystem({ '/repo/.crm-rollout.yaml': '', [plan]: '' });
    expect(findConfigFile(plan, fs)).toBe('/repo/.crm-rollout.yaml');
  });

  it('prefers the nearest folder and finds the .yml spelling', () => {
    const fs = new MemoryFileSystem({ '/repo/.crm-rollout.yaml': '', '/repo/a/.crm-rollout.yml': '', [plan]: '' });
    expect(findConfigFile(plan, fs)).toBe('/repo/a/.crm-rollout.yml');
  });

  it('prefers .crm-rollout.yaml over .crm-rollout.yml in the same folder', () => {
    const fs = new MemoryFileSystem({ '/repo/a/.crm-rollout.yml': '', '/repo/a/.crm-rollout.yaml': '', [plan]: '' });
    expect(findConfigFile(plan, fs)).toBe('/repo/a/.crm-rollout.yaml');
  });

  it('stops at the workspace root', () => {
    const fs = new MemoryFileSystem({ '/repo/.crm-rollout.yaml': '', [plan]: '' });
    expect(findConfigFile(plan, fs, '/repo/a')).toBeUndefined();
    expect(findConfigFile(plan, fs, '/repo')).toBe('/repo/.crm-rollout.yaml');
  });

  it('stops at the file-system root when there is no config', () => {
    const fs = new MemoryFileSystem({ [plan]: '' });
    expect(findConfigFile(plan, fs)).toBeUndefined();
  });

  it('ignores a folder named like a config file', () => {
    const fs = new MemoryFileSystem({ '/repo/a/.crm-rollout.yaml/x': '', '/repo/.crm-rollout.yaml': '', [plan]: '' });
    expect(findConfigFile(plan, fs)).toBe('/repo/.crm-rollout.yaml');
  });
});

describe('resolveRules presets', () => {
  it('uses recommended without a config: default severities, all-only rules off', () => {
    expect(severities(resolveRules(undefined, '/repo/p.rollout.yaml', REGISTRY, POSIX_PATHS))).toEqual({
      'unknown-rule': 'warning',
      'executive-sponsor': 'error',
      'required-phases': 'warning',
      'change-control': 'info',
      'objective-timing': 'off',
      'owner-overload': 'warning',
    });
  });

  it('uses recommended for a config without extends', () => {
    const { config } = load({ '/repo/.crm-rollout.yaml': 'rules: {}\n' });
    expect(config.preset).toBe('recommended');
    expect(resolveRules(config, '/repo/p.rollout.yaml', REGISTRY, POSIX_PATHS).get('objective-timing')?.severity).toBe('off');
  });

  it('strict raises warnings to errors and infos to warnings, all-only rules stay off', () => {
    const { config } = load({ '/repo/.crm-rollout.yaml': 'extends: strict\n' });
    expect(severities(resolveRules(config, '/repo/p.rollout.yaml', REGISTRY, POSIX_PATHS))).toEqual({
      'unknown-rule': 'error',
      'executive-sponsor': 'error',
      'required-phases': 'error',
      'change-control': 'warning',
      'objective-timing': 'off',
      'owner-overload': 'error',
    });
  });

  it('all turns every rule on at its default severity', () => {
    const { config } = load({ '/repo/.crm-rollout.yaml': 'extends: all\n' });
    expect(severities(resolveRules(config, '/repo/p.rollout.yaml', REGISTRY, POSIX_PATHS))).toEqual({
      'unknown-rule': 'warning',
      'executive-sponsor': 'error',
      'required-phases': 'warning',
      'change-control': 'info',
      'objective-timing': 'info',
      'owner-overload': 'warning',
    });
  });
});

describe('resolveRules rules and overrides', () => {
  it('sets a severity and merges options over the defaults', () => {
    const { config } = load({
      '/repo/.crm-rollout.yaml': 'rules:\n  required-phases: off\n  owner-overload: [error, { max: 4 }]\n  objective-timing: info\n',
    });
    expect(config.findings).toEqual([]);
    const settings = resolveRules(config, '/repo/p.rollout.yaml', REGISTRY, POSIX_PATHS);
    expect(settings.get('required-phases')).toEqual({ severity: 'off', options: {} });
    expect(settings.get('owner-overload')).toEqual({ severity: 'error', options: { max: 4, countMilestones: false } });
    expect(settings.get('objective-timing')?.severity).toBe('info');
  });

  it('keeps the default options for a bare severity', () => {
    const { config } = load({ '/repo/.crm-rollout.yaml': 'rules:\n  owner-overload: info\n' });
    expect(resolveRules(config, '/repo/p.rollout.yaml', REGISTRY, POSIX_PATHS).get('owner-overload')).toEqual({
      severity: 'info',
      options: { max: 3, countMilestones: false },
    });
  });

  it('applies overrides whose glob matches the plan path relative to the config folder, in order', () => {
    const { config } = load({
      '/repo/.crm-rollout.yaml': [
        'rules:',
        '  change-control: warning',
        'overrides:',
        '  - files: ["pilots/**"]',
        '    rules: { required-phases: off, change-control: error }',
        '  - files: ["pilots/late/*.rollout.yaml"]',
        '    rules: { required-phases: info }',
        '',
      ].join('\n'),
    });
    const main = resolveRules(config, '/repo/main.rollout.yaml', REGISTRY, POSIX_PATHS);
    expect(main.get('required-phases')?.severity).toBe('warning');
    expect(main.get('change-control')?.severity).toBe('warning');
    const pilot = resolveRules(config, '/repo/pilots/a/b.rollout.yaml', REGISTRY, POSIX_PATHS);
    expect(pilot.get('required-phases')?.severity).toBe('off');
    expect(pilot.get('change-control')?.severity).toBe('error');
    const late = resolveRules(config, '/repo/pilots/late/c.rollout.yaml', REGISTRY, POSIX_PATHS);
    expect(late.get('required-phases')?.severity).toBe('info');
  });

  it('skips a setting the schema rejects and reports it as a schema finding at the value', () => {
    const text = 'rules:\n  required-phases: loud\n';
    const { config } = load({ '/repo/.crm-rollout.yaml': text });
    expect(resolveRules(config, '/repo/p.rollout.yaml', REGISTRY, POSIX_PATHS).get('required-phases')?.severity).toBe('warning');
    const schema = config.findings.filter((f) => f.ruleId === 'schema');
    expect(schema).toHaveLength(1);
    expect(textAt(text, schema[0])).toBe('loud');
    expect(schema[0].file).toBe('/repo/.crm-rollout.yaml');
  });

  it('treats an empty config file as the defaults, without findings', () => {
    const { config } = load({ '/repo/.crm-rollout.yaml': '# nothing yet\n' });
    expect(config.findings).toEqual([]);
    expect(config.preset).toBe('recommended');
  });
});

describe('extends', () => {
  it('applies the extended file first, its preset, options and overrides relative to its own folder', () => {
    const { config } = load({
      '/repo/shared/base.yaml': [
        'extends: strict',
        'rules:',
        '  owner-overload: [warning, { max: 5 }]',
        '  change-control: off',
        'overrides:',
        '  - files: ["../pilots/**"]',
        '    rules: { executive-sponsor: info }',
        '',
      ].join('\n'),
      '/repo/.crm-rollout.yaml': 'extends: ./shared/base.yaml\nrules:\n  owner-overload: info\n',
    });
    expect(config.findings).toEqual([]);
    expect(config.preset).toBe('strict');
    expect(config.layers.map((l) => l.path)).toEqual(['/repo/shared/base.yaml', '/repo/.crm-rollout.yaml']);
    const settings = resolveRules(config, '/repo/main.rollout.yaml', REGISTRY, POSIX_PATHS);
    expect(settings.get('required-phases')?.severity).toBe('error');
    expect(settings.get('change-control')?.severity).toBe('off');
    expect(settings.get('owner-overload')).toEqual({ severity: 'info', options: { max: 5, countMilestones: false } });
    expect(settings.get('executive-sponsor')?.severity).toBe('error');
    expect(resolveRules(config, '/repo/pilots/p.rollout.yaml', REGISTRY, POSIX_PATHS).get('executive-sponsor')?.severity).toBe('info');
  });

  it('reports a missing extended file at the extends value', () => {
    const text = 'extends: ./nope.yaml\n';
    const { config } = load({ '/repo/.crm-rollout.yaml': text });
    expect(config.findings).toHaveLength(1);
    const [finding] = config.findings;
    expect(finding.ruleId).toBe('import');
    expect(finding.messageId).toBe('extendsMissing');
    expect(finding.file).toBe('/repo/.crm-rollout.yaml');
    expect(finding.range).toEqual({ start: { line: 0, character: 9 }, end: { line: 0, character: 20 } });
    expect(finding.message).toBe('extended config "./nope.yaml" not found (looked for /repo/nope.yaml); check the path, which is relative to this file');
  });

  it('reports a broken extended file at the extends value and its syntax error in that file', () => {
    const text = 'extends: ./base.yaml\n';
    const { config } = load({ '/repo/.crm-rollout.yaml': text, '/repo/base.yaml': 'rules: [unclosed\n' });
    const broken = config.findings.find((f) => f.messageId === 'extendsBroken');
    expect(broken?.file).toBe('/repo/.crm-rollout.yaml');
    expect(broken && textAt(text, broken)).toBe('./base.yaml');
    expect(config.findings.some((f) => f.ruleId === 'yaml-syntax' && f.file === '/repo/base.yaml')).toBe(true);
    expect(config.layers.map((l) => l.path)).toEqual(['/repo/.crm-rollout.yaml']);
  });

  it('reports an extends cycle at the extends value that closes it, once', () => {
    const base = 'extends: ../.crm-rollout.yaml\n';
    const { config } = load({ '/repo/.crm-rollout.yaml': 'extends: ./shared/base.yaml\n', '/repo/shared/base.yaml': base });
    expect(config.findings).toHaveLength(1);
    const [finding] = config.findings;
    expect(finding.messageId).toBe('extendsCycle');
    expect(finding.file).toBe('/repo/shared/base.yaml');
    expect(finding.range).toEqual({ start: { line: 0, character: 9 }, end: { line: 0, character: 29 } });
    expect(finding.message).toBe('extends form a cycle: ../.crm-rollout.yaml → base.yaml → ../.crm-rollout.yaml; remove one of these extends');
  });

  it('reports a config that extends itself', () => {
    const { config } = load({ '/repo/.crm-rollout.yaml': 'extends: ./.crm-rollout.yaml\n' });
    expect(config.findings.map((f) => f.messageId)).toEqual(['extendsCycle']);
  });
});

describe('unknown rule ids', () => {
  it('warns at the key in rules with a did-you-mean and a replace fix', () => {
    const text = 'rules:\n  owner-overlaod: off\n';
    const { config } = load({ '/repo/.crm-rollout.yaml': text });
    expect(config.findings).toHaveLength(1);
    const [finding] = config.findings;
    expect(finding.ruleId).toBe('unknown-rule');
    expect(finding.severity).toBe('warning');
    expect(finding.file).toBe('/repo/.crm-rollout.yaml');
    expect(finding.range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 16 } });
    expect(finding.message).toBe('rule "owner-overlaod" does not exist; did you mean "owner-overload"?');
    expect(finding.fixes?.[0].edits).toEqual([{ start: 9, end: 23, newText: 'owner-overload' }]);
  });

  it('warns at the key in an override and keeps quotes out of the fix', () => {
    const text = 'overrides:\n  - files: ["a/**"]\n    rules:\n      "change-controll": off\n';
    const { config } = load({ '/repo/.crm-rollout.yaml': text });
    expect(config.findings).toHaveLength(1);
    const [finding] = config.findings;
    expect(textAt(text, finding)).toBe('"change-controll"');
    expect(finding.range).toEqual({ start: { line: 3, character: 6 }, end: { line: 3, character: 23 } });
    const [edit] = finding.fixes?.[0].edits ?? [];
    expect(text.slice(edit.start, edit.end)).toBe('change-controll');
    expect(edit.newText).toBe('change-control');
  });

  it('does not apply an unknown id', () => {
    const { config } = load({ '/repo/.crm-rollout.yaml': 'rules:\n  no-such-rule-at-all: off\n' });
    expect(config.findings[0].message).toBe('rule "no-such-rule-at-all" does not exist; remove it or use a rule id listed in docs/rules');
    expect([...resolveRules(config, '/repo/p.rollout.yaml', REGISTRY, POSIX_PATHS).keys()]).not.toContain('no-such-rule-at-all');
  });
});

describe('config cache', () => {
  it('returns the same object while the texts are unchanged', () => {
    const fs = new MemoryFileSystem({ '/cache/.crm-rollout.yaml': 'extends: ./base.yaml\n', '/cache/base.yaml': 'extends: all\n' });
    const first = loadConfig('/cache/.crm-rollout.yaml', fs, KNOWN);
    expect(loadConfig('/cache/.crm-rollout.yaml', fs, KNOWN)).toBe(first);
  });

  it('reloads when the config text changes', () => {
    const fs = new MemoryFileSystem({ '/c1/.crm-rollout.yaml': 'extends: all\n' });
    const loader = new ConfigLoader();
    const first = loader.load('/c1/.crm-rollout.yaml', fs, KNOWN);
    fs.set('/c1/.crm-rollout.yaml', 'extends: strict\n');
    const second = loader.load('/c1/.crm-rollout.yaml', fs, KNOWN);
    expect(second).not.toBe(first);
    expect(second.preset).toBe('strict');
  });

  it('reloads when an extended file changes', () => {
    const fs = new MemoryFileSystem({ '/c2/.crm-rollout.yaml': 'extends: ./base.yaml\n', '/c2/base.yaml': 'extends: all\n' });
    const loader = new ConfigLoader();
    const first = loader.load('/c2/.crm-rollout.yaml', fs, KNOWN);
    fs.set('/c2/base.yaml', 'extends: strict\n');
    const second = loader.load('/c2/.crm-rollout.yaml', fs, KNOWN);
    expect(second).not.toBe(first);
    expect(second.preset).toBe('strict');
    expect(second.dependencies).toEqual(['/c2/.crm-rollout.yaml', '/c2/base.yaml']);
  });
});
