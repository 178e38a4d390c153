import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixFile } from '../../server/src/cli/fixFiles';
import { applyEdits } from '../../server/src/engine/edits';
import { fixIsSound } from '../../server/src/engine/fix';
import { lintText } from '../../server/src/engine/lint';
import { MemoryFileSystem, type FileSystem } from '../../server/src/engine/fileSystem';
import { NodeFileSystem } from '../../server/src/platform/nodeFileSystem';
import { onlyRulesConfig, runCli, tempTree } from '../helpers/cli';
import { BACKUP_ITEM, FINAL_MIGRATION_ITEM, migrationPlan } from '../helpers/migrationPlan';

/**
 * The hostile-input suite, data-loss half: what `lint --fix` (and every other writer) must never
 * do to a user's file. Each case names the defect of issue #14 it pins down, runs the real CLI
 * on a real folder, and compares bytes: what a fix did not touch stays byte for byte.
 */

const CONFIG = onlyRulesConfig(['known-tags', 'known-references', 'migration-backup']);

/** A plan with one safe fix (the tag typo), written with `body` as its checklist items. */
const planWith = (checklist: string) => `plan: 1
name: Pilot
sponsor: dan
owner: dan
people:
  - { id: dan, name: Dan }
phases:
  - id: discovery
    name: Discovery
    kind: planning
    owner: dan
    start: 2027-01-11
    duration: 1w
    checklist:
${checklist}`;

const TYPO_ITEM = '      - { task: Interview the leads, tags: [stakholders] }\n';

function workspace(files: Record<string, string | Uint8Array>, config = CONFIG): string {
  return tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', '.crm-rollout.yaml': config, ...files });
}

/** For the cases that need a multi-line insertion: required-phases adds whole phases. */
const WITH_PHASES = onlyRulesConfig(['required-phases']);

function read(dir: string, file: string): Buffer {
  return fs.readFileSync(path.join(dir, file));
}

function jsonFindings(dir: string, file: string): { rule: string; message: string; line: number; column: number }[] {
  return JSON.parse(runCli(['lint', '--format', 'json', file], dir).stdout).findings;
}

/** Where `before` and `after` first differ and how long their common tail is: everything outside was left alone. */
function untouched(before: Buffer, after: Buffer): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

describe('--fix writes atomically and checks what it overwrites', () => {
  it('leaves a read-only plan byte for byte, still fixes and reports the other files, and exits 2', () => {
    const text = planWith(TYPO_ITEM);
    const dir = workspace({ 'a.rollout.yaml': text, 'b.rollout.yaml': text });
    fs.chmodSync(path.join(dir, 'a.rollout.yaml'), 0o444);
    const run = runCli(['lint', '--fix', '--no-color', 'a.rollout.yaml', 'b.rollout.yaml'], dir);
    expect(run.code).toBe(2);
    expect(read(dir, 'a.rollout.yaml').toString('utf8')).toBe(text);
    expect(read(dir, 'b.rollout.yaml').toString('utf8')).toBe(text.replace('[stakholders]', '[stakeholders]'));
    expect(run.stderr).toBe('crm-rollout: "a.rollout.yaml" is read-only; it was left unchanged\nfixed 1 problem in b.rollout.yaml\n');
    // The report still covers every file: the read-only one keeps its finding.
    expect(run.stdout).toContain('a.rollout.yaml');
    expect(run.stdout).toContain('did you mean "stakeholders"?');
    expect(run.stdout).not.toContain('b.rollout.yaml:');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite a plan an editor saved while the fixes were computed, keeping the editor\'s bytes', () => {
    const text = planWith(TYPO_ITEM);
    const dir = workspace({ 'p.rollout.yaml': text });
    const file = path.join(dir, 'p.rollout.yaml');
    const saved = `${text}# saved by the editor meanwhile\n`;
    const disk = new NodeFileSystem();
    // The configuration is read while the plan is being linted, after the plan's own bytes were read.
    const racing: FileSystem = {
      paths: disk.paths,
      read: (p) => {
        if (p.endsWith('.crm-rollout.yaml')) fs.writeFileSync(file, saved);
        return disk.read(p);
      },
      kind: (p) => disk.kind(p),
      realPath: (p) => disk.realPath(p),
    };
    const outcome = fixFile(file, { fs: racing, root: dir }, true, 'p.rollout.yaml');
    expect(outcome.writeError).toBe('"p.rollout.yaml" changed on disk while it was being fixed; it was left as it is now, run again');
    expect(fs.readFileSync(file, 'utf8')).toBe(saved);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes through a symbolic link to its target, keeps the link and the target\'s permission bits', () => {
    const text = planWith(TYPO_ITEM);
    const dir = workspace({ 'real/plan.yaml.txt': text });
    fs.chmodSync(path.join(dir, 'real/plan.yaml.txt'), 0o640);
    fs.symlinkSync('real/plan.yaml.txt', path.join(dir, 'p.rollout.yaml'));
    const run = runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
    expect(run.stderr).toBe('fixed 1 problem in p.rollout.yaml\n');
    expect(fs.lstatSync(path.join(dir, 'p.rollout.yaml')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'real/plan.yaml.txt').toString('utf8')).toBe(text.replace('[stakholders]', '[stakeholders]'));
    expect(fs.statSync(path.join(dir, 'real/plan.yaml.txt')).mode & 0o777).toBe(0o640);
  });

  it('writes --output and --update-baseline through the same atomic writer', () => {
    const text = planWith(TYPO_ITEM);
    const dir = workspace({ 'p.rollout.yaml': text, 'out/report.json': 'old report\n', 'base.json': '{}' });
    fs.chmodSync(path.join(dir, 'out/report.json'), 0o600);
    const run = runCli(['lint', '--format', 'json', '--output', 'out/report.json', 'p.rollout.yaml'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(read(dir, 'out/report.json').toString('utf8')).findings).toHaveLength(1);
    expect(fs.statSync(path.join(dir, 'out/report.json')).mode & 0o777).toBe(0o600);
    fs.chmodSync(path.join(dir, 'base.json'), 0o444);
    const refused = runCli(['lint', '--baseline', 'base.json', '--update-baseline', 'p.rollout.yaml'], dir);
    expect(refused).toMatchObject({ code: 2, stderr: 'crm-rollout: cannot write --baseline "base.json": "base.json" is read-only; it was left unchanged\n' });
    expect(read(dir, 'base.json').toString('utf8')).toBe('{}');
  });
});

describe('encodings: decoded strictly, written back as they were read', () => {
  const LATIN1_PLAN = (name: string) => `plan: 1\nname: Rollout\nx-team: ${name} Zürich\nsponsor: dan\n`;

  it('reports a Windows-1252 plan as an encoding finding at its first bad byte, and --fix leaves every byte', () => {
    const bytes = Buffer.from(LATIN1_PLAN('Müller'), 'latin1');
    const dir = workspace({ 'p.rollout.yaml': bytes });
    expect(jsonFindings(dir, 'p.rollout.yaml')).toEqual([
      expect.objectContaining({
        rule: 'encoding',
        line: 3,
        column: 10,
        message:
          'file is not UTF-8 or UTF-16 with a byte-order mark: byte 0xFC on line 3 looks like Windows-1252 (or another single-byte encoding); save it as UTF-8 (--fix leaves it unchanged)',
      }),
    ]);
    const run = runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(read(dir, 'p.rollout.yaml').equals(bytes)).toBe(true);
  });

  it('reports UTF-16 without a byte-order mark instead of calling it binary', () => {
    const dir = workspace({ 'p.rollout.yaml': Buffer.from(LATIN1_PLAN('Müller'), 'utf16le') });
    expect(jsonFindings(dir, 'p.rollout.yaml').map((f) => [f.rule, f.line])).toEqual([['encoding', 1]]);
    expect(jsonFindings(dir, 'p.rollout.yaml')[0].message).toContain('looks like UTF-16LE without a byte-order mark');
  });

  it('names an imported file in another encoding, without reading it as UTF-8', () => {
    const plan = `plan: 1\nname: Pilot\nimports: [people.yaml]\nsponsor: dan\nowner: dan\n`;
    const dir = workspace({ 'p.rollout.yaml': plan, 'people.yaml': Buffer.from('people:\n  - { id: dan, name: Dan Müller }\n', 'latin1') });
    const [finding] = jsonFindings(dir, 'p.rollout.yaml').filter((f) => f.rule === 'import');
    expect(finding.message).toMatch(/^import "people\.yaml" cannot be read: .*people\.yaml": file is not UTF-8 .*byte 0xFC on line 2 looks like Windows-1252/);
  });

  const encodings: [string, (text: string) => Buffer][] = [
    ['UTF-8 with a byte-order mark', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
    ['UTF-16LE with a byte-order mark', (t) => Buffer.from(`\ufeff${t}`, 'utf16le')],
    ['UTF-16BE with a byte-order mark', (t) => Buffer.from(`\ufeff${t}`, 'utf16le').swap16()],
  ];
  for (const [name, encode] of encodings) {
    it(`fixes a CRLF plan in ${name} and writes it back in the same encoding, mark and line endings`, () => {
      const text = planWith(`      - { task: Brief Zoë and Jürgen, tags: [training] }\n${TYPO_ITEM}`).replace(/\n/g, '\r\n');
      const dir = workspace({ 'p.rollout.yaml': encode(text) });
      const run = runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
      expect(run.stderr).toBe('fixed 1 problem in p.rollout.yaml\n');
      expect(read(dir, 'p.rollout.yaml').equals(encode(text.replace('[stakholders]', '[stakeholders]')))).toBe(true);
    });
  }
});

describe('fixes and suggestions land at the right syntactic place, or not at all', () => {
  /**
   * What accepting every suggestion of `ruleId` one after the other in the editor's light bulb
   * gives: each round lints the text again (the engine, as the language server does), takes the
   * first finding's first suggestion, requires the check the editor applies before offering it
   * (fixIsSound), and applies it. Bounded: a plan gets at most `max` suggestions.
   */
  function acceptSuggestions(text: string, ruleId: string, config = CONFIG, max = 10): { after: string; accepted: number } {
    let after = text;
    let accepted = 0;
    for (; accepted < max; accepted++) {
      const fsys = new MemoryFileSystem({ '/w/p.rollout.yaml': after, '/w/.crm-rollout.yaml': config });
      const finding = lintText('/w/p.rollout.yaml', after, { fs: fsys, root: '/w' }).findings.find((f) => f.ruleId === ruleId);
      const suggestion = finding?.fixes?.find((f) => f.kind === 'suggestion');
      if (!suggestion) break;
      expect(fixIsSound(after, suggestion), suggestion.title).toBe(true);
      after = applyEdits(after, suggestion.edits);
    }
    return { after, accepted };
  }

  it('leaves plan content to a person: lint --fix inserts no backup item, only the light bulb offers it', () => {
    const text = migrationPlan(` [\n${FINAL_MIGRATION_ITEM}  # more later\n    ]`);
    const dir = workspace({ 'p.rollout.yaml': text });
    const run = runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
    expect(run.stderr).toBe('');
    expect(read(dir, 'p.rollout.yaml').toString('utf8')).toBe(text);
    expect(jsonFindings(dir, 'p.rollout.yaml').map((f) => f.rule)).toEqual(['migration-backup']);
  });

  it('puts an item of a flow list before the comment that precedes its closing bracket, once', () => {
    const text = migrationPlan(` [\n${FINAL_MIGRATION_ITEM}  # more later\n    ]`);
    const { after, accepted } = acceptSuggestions(text, 'migration-backup');
    expect(after).toBe(migrationPlan(` [\n${FINAL_MIGRATION_ITEM}, ${BACKUP_ITEM}  # more later\n    ]`));
    expect(accepted).toBe(1);
  });

  it('keeps a trailing comma in a flow list single', () => {
    const { after } = acceptSuggestions(migrationPlan(` [\n${FINAL_MIGRATION_ITEM}, ]`), 'migration-backup');
    expect(after).toBe(migrationPlan(` [\n${FINAL_MIGRATION_ITEM}, ${BACKUP_ITEM}, ]`));
  });

  it('writes a new block item at the dash column of a list written `-   task:`', () => {
    const items = '\n      -   task: Final import\n          tags: [final-migration]\n          due: 2027-02-12';
    const { after } = acceptSuggestions(migrationPlan(items), 'migration-backup');
    // The backup goes before the final migration it protects.
    expect(after).toBe(migrationPlan(`\n      -   ${BACKUP_ITEM}${items}`));
    expect(parse(after).phases[0].checklist).toHaveLength(2);
  });

  it('keeps the trailing blank lines of a keep-chomping block scalar when a key is inserted after it', () => {
    const text = 'plan: 1\nname: Keep\nsponsor: dan\nowner: dan\npeople:\n  - { id: dan, name: Dan }\ngovernance:\n  change_control: |+\n    Changes go through the steering group.\n\n\n';
    const { after } = acceptSuggestions(text, 'required-phases', WITH_PHASES);
    expect(after.startsWith(text)).toBe(true);
    expect(parse(after).governance.change_control).toBe('Changes go through the steering group.\n\n\n');
    expect(parse(after).phases.map((p: { kind: string }) => p.kind)).toContain('go-live');
  });

  it('never rewrites an anchored value on behalf of one use: the anchor and its aliases keep their bytes', () => {
    const text = planWith('      - task: &t bakup\n        tags: [*t]\n');
    const dir = workspace({ 'p.rollout.yaml': text });
    const run = runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
    expect(read(dir, 'p.rollout.yaml').toString('utf8')).toBe(text);
    // The fix is withheld before --fix sees it (engine/anchoredFixes.ts), so nothing is even tried.
    expect(run.stderr).toBe('');
    expect(jsonFindings(dir, 'p.rollout.yaml').map((f) => f.rule)).toEqual(['known-tags']);
  });

  it('does not change an anchored owner that an alias elsewhere repeats', () => {
    const text = planWith(TYPO_ITEM)
      .replace('people:\n  - { id: dan, name: Dan }', 'people:\n  - { id: dan, name: Dan }\n  - { id: priya, name: Priya }')
      .replace('    owner: dan\n    start', '    owner: &lead pryia\n    x-deputy: *lead\n    start');
    const dir = workspace({ 'p.rollout.yaml': text });
    runCli(['lint', '--fix', 'p.rollout.yaml'], dir);
    const after = read(dir, 'p.rollout.yaml');
    const { prefix } = untouched(Buffer.from(text), after);
    // The tag typo further down is fixed; nothing before it, the anchor included, changed.
    expect(prefix).toBeGreaterThan(text.indexOf('stakholders'));
    expect(jsonFindings(dir, 'p.rollout.yaml').map((f) => f.rule)).toEqual(['known-references']);
  });

  it('inserts into a whole-plan flow mapping in flow style, so the plan stays valid YAML', () => {
    const text = '{ plan: 1, name: Flow, sponsor: dan, owner: dan, people: [{ id: dan, name: Dan }] }\n';
    const { after } = acceptSuggestions(text, 'required-phases', WITH_PHASES);
    const dir = workspace({ 'p.rollout.yaml': after }, WITH_PHASES);
    expect(jsonFindings(dir, 'p.rollout.yaml').filter((f) => f.rule === 'yaml-syntax')).toEqual([]);
    expect(parse(after).phases.map((p: { id: string }) => p.id)).toEqual(['planning', 'design', 'configuration', 'testing', 'training', 'go-live']);
    expect(after.startsWith('{ plan: 1, name: Flow, sponsor: dan, owner: dan, people: [{ id: dan, name: Dan }]')).toBe(true);
  });
});

describe('lint --fix on the layouts where insertions once broke plans: only the fixed tokens change', () => {
  /** Fix-kind findings (typos), and two rules whose insertions after the last key are suggestions --fix leaves to a person. */
  const GOVERNANCE = onlyRulesConfig(['known-tags', 'known-references', 'change-control', 'objectives-defined']);

  /** Runs `lint --fix` on one plan; the plan after, the run, and the findings left. */
  function fix(text: string, config = GOVERNANCE) {
    const dir = workspace({ 'p.rollout.yaml': text }, config);
    const run = runCli(['lint', '--fix', '--no-color', 'p.rollout.yaml'], dir);
    const after = read(dir, 'p.rollout.yaml').toString('utf8');
    return { run, after, left: jsonFindings(dir, 'p.rollout.yaml').map((f) => f.rule) };
  }

  it('fixes a plan whose last top-level key is phases: and that lacks governance, appending nothing after phases', () => {
    const text = planWith(`${TYPO_ITEM}      - { task: Kick off, owner: dna }\n`);
    const { run, after, left } = fix(text);
    expect(run.stderr).toBe('fixed 2 problems in p.rollout.yaml\n');
    // Byte for byte: the two typos replaced, nothing inserted (governance is for a person to write).
    expect(after).toBe(text.replace('[stakholders]', '[stakeholders]').replace('owner: dna }', 'owner: dan }'));
    expect(parse(after).phases[0].checklist).toHaveLength(2);
    expect(left.sort()).toEqual(['change-control', 'objectives-defined']);
  });

  it('keeps a trailing comma single in flow sequences and flow mappings', () => {
    const text = planWith('      - { task: Interview the leads, tags: [sales, stakholders, ], }\n').replace(
      '  - id: discovery\n    name: Discovery\n    kind: planning\n    owner: dan\n    start: 2027-01-11\n    duration: 1w\n    checklist:\n',
      '  - { id: discovery, name: Discovery, kind: planning, owner: dna, start: 2027-01-11, duration: 1w, }\n  - id: build\n    name: Build\n    kind: configuration\n    owner: dan\n    after: [discovery]\n    duration: 1w\n    checklist:\n',
    );
    const { run, after } = fix(text);
    expect(run.stderr).toBe('fixed 2 problems in p.rollout.yaml\n');
    expect(after).toBe(text.replace('[sales, stakholders, ]', '[sales, stakeholders, ]').replace('owner: dna,', 'owner: dan,'));
    expect(after).not.toContain(',,');
    expect(after).not.toMatch(/,\s*,/);
    expect(parse(after).phases[1].checklist[0].tags).toEqual(['sales', 'stakeholders']);
  });

  it('fixes items of a block list written `-   task:` in place, at their own columns', () => {
    const items = '      -   task: Interview the leads\n          tags: [stakholders]\n      -   task: Kick off\n          owner: dna\n';
    const text = planWith(items);
    const { run, after } = fix(text);
    expect(run.stderr).toBe('fixed 2 problems in p.rollout.yaml\n');
    expect(after).toBe(planWith(items.replace('[stakholders]', '[stakeholders]').replace('owner: dna', 'owner: dan')));
    expect(parse(after).phases[0].checklist).toEqual([
      { task: 'Interview the leads', tags: ['stakeholders'] },
      { task: 'Kick off', owner: 'dan' },
    ]);
  });
});
