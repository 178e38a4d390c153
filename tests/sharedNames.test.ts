import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAMES, CONFIG_GLOB, isPlanPath, PLAN_EXTENSIONS, PLAN_GLOB } from '../server/src/fileRoles';
import { COMMANDS, FIX_ALL_KIND, SERVER_COMMANDS, STATUS_REPORT_REQUEST, STATUS_VIEW_TYPE, TIMELINE_REQUEST, TIMELINE_VIEW_TYPE } from '../server/src/protocol';

/**
 * One source for every name the client, the server and package.json share: the file patterns
 * live in server/src/fileRoles.ts, the ids in server/src/protocol.ts. This test fails when a
 * product source spells one of them instead of importing it, and when package.json's
 * contributions disagree with the constants.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OWNERS = new Set(['server/src/fileRoles.ts', 'server/src/protocol.ts']);
const SOURCE_DIRS = ['server/src', 'client/src', 'client/webview'];

interface PackageJson {
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    yamlValidation: { fileMatch: string[]; url: string }[];
    walkthroughs: { steps: { description: string; completionEvents?: string[] }[] }[];
  };
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Every string, template piece and regular expression literal of a TypeScript file, with its line. */
function literals(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node)) {
      found.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

const IDS = new Set<string>([...Object.values(COMMANDS), ...Object.values(SERVER_COMMANDS), FIX_ALL_KIND, TIMELINE_VIEW_TYPE, TIMELINE_REQUEST, STATUS_VIEW_TYPE, STATUS_REPORT_REQUEST]);
/** A plan or configuration file name pattern: a glob, a regular expression or a bare extension (prose has spaces, so it never matches). */
const FILE_PATTERN = /^[^\s]*(rollout\\?\.(ya\??ml|yaml|yml|\{yaml,yml\})|crm-rollout\\?\.ya)[^\s]*$/;

/** What a literal spells that only the owning module may: a shared id or a file-name pattern. */
function spelledName(text: string): string | undefined {
  if (IDS.has(text)) return 'an id of protocol.ts';
  if (FILE_PATTERN.test(text)) return 'a file pattern of fileRoles.ts';
  return undefined;
}

describe('shared names', () => {
  it('are spelled only by the module that owns them', () => {
    const all = SOURCE_DIRS.flatMap(sourceFiles);
    for (const owner of OWNERS) expect(all).toContain(owner);
    const files = all.filter((f) => !OWNERS.has(f));
    const offenders = files.flatMap((file) =>
      literals(file).flatMap(({ text, line }) => {
        const what = spelledName(text);
        return what ? [`${file}:${line} spells ${JSON.stringify(text)}, ${what}`] : [];
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('the check itself recognises each kind of spelling', () => {
    for (const text of ['/\\.rollout\\.ya?ml$/', '\\.rollout\\.ya?ml$', '**/*.rollout.{yaml,yml}', '.rollout.yaml', '.rollout.yml', '.crm-rollout.yaml', '**/.crm-rollout.yaml', COMMANDS.fixAll, FIX_ALL_KIND]) {
      expect(spelledName(text), text).toBeDefined();
    }
    for (const text of ['Checks rollout plans (*.rollout.yaml, *.rollout.yml) against', 'crm-rollout', 'crm-rollout.plan']) {
      expect(spelledName(text), text).toBeUndefined();
    }
  });

  it('package.json contributes exactly the commands of protocol.ts', () => {
    expect(pkg.contributes.commands.map((c) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
  });

  it('package.json menus, walkthrough links and completion events name contributed commands', () => {
    const known = new Set<string>(Object.values(COMMANDS));
    const named = [
      ...Object.values(pkg.contributes.menus).flatMap((items) => items.map((i) => i.command)),
      ...pkg.contributes.walkthroughs.flatMap((w) =>
        w.steps.flatMap((s) => [...[...s.description.matchAll(/\(command:([\w.-]+)\)/g)].map((m) => m[1]), ...(s.completionEvents ?? []).map((e) => e.replace(/^onCommand:/, ''))]),
      ),
    ];
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((c) => !known.has(c))).toEqual([]);
  });

  it('package.json activates on plans and on the timeline and status panels (to revive them) by the shared pattern and view types', () => {
    expect(pkg.activationEvents).toEqual(['onLanguage:yaml', `workspaceContains:${PLAN_GLOB}`, `onWebviewPanel:${TIMELINE_VIEW_TYPE}`, `onWebviewPanel:${STATUS_VIEW_TYPE}`]);
  });

  it('package.json validates plans and configurations by the shared file names', () => {
    const [plans, configs] = pkg.contributes.yamlValidation;
    expect(plans).toEqual({ fileMatch: PLAN_EXTENSIONS.map((e) => `*${e}`), url: './schemas/plan.schema.json' });
    expect(configs).toEqual({ fileMatch: [...CONFIG_FILE_NAMES], url: './schemas/config.schema.json' });
    expect(CONFIG_GLOB).toBe(`**/${CONFIG_FILE_NAMES[0].replace(/yaml$/, '{yaml,yml}')}`);
    expect(PLAN_GLOB).toBe(`**/*${PLAN_EXTENSIONS[0].replace(/yaml$/, '{yaml,yml}')}`);
  });

  it("package.json's when-clauses tell plans and the timeline and status panels apart as fileRoles.ts and protocol.ts do", () => {
    const clauses = Object.values(pkg.contributes.menus).flatMap((items) => items.flatMap((i) => (i.when ? [i.when] : [])));
    const planRegexps = new Set(clauses.flatMap((w) => [...w.matchAll(/resourceFilename =~ \/(.+?)\/(?= |$)/g)].map((m) => m[1])));
    const panelIds = new Set(clauses.flatMap((w) => [...w.matchAll(/activeWebviewPanelId == '([^']+)'/g)].map((m) => m[1])));
    expect(planRegexps.size).toBe(1);
    expect([...panelIds].sort()).toEqual([STATUS_VIEW_TYPE, TIMELINE_VIEW_TYPE].sort());
    const regexp = new RegExp([...planRegexps][0]);
    const names = ['acme.rollout.yaml', 'acme.rollout.yml', 'Acme.ROLLOUT.YAML', 'acme.yaml', '.crm-rollout.yaml', 'acme.rollout.yaml.bak', 'acme.rollout.json'];
    for (const name of names) expect(regexp.test(name), name).toBe(isPlanPath(name));
  });
});
