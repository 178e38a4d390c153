import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll } from '../../server/src/engine/arrays';
import { createIgnore } from '../../server/src/engine/gitignore';
import { matchGlob } from '../../server/src/engine/glob';
import { closest, Suggester } from '../../server/src/engine/suggest';
import { onlyRulesConfig, runCli, tempTree } from '../helpers/cli';

/**
 * Hostile input, unbounded-work half: inputs that made the tool work for minutes (a backtracking
 * glob, quadratic suggestions, argument spreads over huge arrays) end in bounded work with the
 * same answer, or in a `limits` finding. A regression here shows as a test that never ends
 * (the runner's timeout), not as a slow one.
 */

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = tempTree(files);
  fs.mkdirSync(path.join(root, '.git'));
  made.push(root);
  return root;
}

/** `*a*a…*a*b`: each star can take any run of the a's, so a backtracking matcher tries them all. */
function stars(count: number): string {
  return `${'*a'.repeat(count)}*b`;
}

/** Matched by `stars(n) + '.rollout.yaml'`, after trying every split of its a's. */
const LONG_NAME = `${'a'.repeat(80)}b.rollout.yaml`;
const UNMATCHED_NAME = `${'a'.repeat(80)}.rollout.yaml`;
const PLAN = 'plan: 1\nname: Pilot\nsponsor: dana\npeople:\n  - { id: dana, name: Dana Whitfield }\n';

describe('glob patterns with many stars', () => {
  it('decide a match against a long name without backtracking (12 stars, 80 characters)', () => {
    expect(matchGlob(stars(12), 'a'.repeat(80))).toBe(false);
    expect(matchGlob(stars(12), `${'a'.repeat(80)}b`)).toBe(true);
    expect(matchGlob(`**/${stars(12)}/**/${stars(8)}`, `${'a/'.repeat(30)}${'a'.repeat(60)}`)).toBe(false);
  });

  it('in a .gitignore line, decide quickly', () => {
    const ignore = createIgnore('/repo', `${stars(8)}\n${stars(12)}\n`);
    expect(ignore.ignores(`plans/${'a'.repeat(80)}`, false)).toBe(false);
    expect(ignore.ignores(`plans/${'a'.repeat(80)}b`, false)).toBe(true);
  });

  it('in an override of the configuration, apply as usual', () => {
    const config = `${onlyRulesConfig(['executive-sponsor'])}overrides:\n  - files: ["${stars(12)}.rollout.yaml", "${stars(8)}"]\n    rules:\n      executive-sponsor: off\n`;
    const root = workspace({ '.crm-rollout.yaml': config, [LONG_NAME]: PLAN.replace('sponsor: dana\n', '') });
    const run = runCli(['lint', LONG_NAME, '--format', 'json'], root);
    expect(JSON.parse(run.stdout)).toMatchObject({ findings: [] });
  });

  it('in a .gitignore of a folder the CLI walks, decide quickly', () => {
    const root = workspace({ '.gitignore': `${stars(12)}\n${stars(8)}.rollout.yaml\n`, '.crm-rollout.yaml': onlyRulesConfig([]), [`plans/${UNMATCHED_NAME}`]: PLAN, 'plans/b.rollout.yaml': PLAN });
    const run = runCli(['lint', 'plans', '--format', 'json'], root);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ summary: { files: 2 } });
  });
});

describe('a pattern beyond the bounds', () => {
  it('is a limits finding at the pattern in the configuration, and matches nothing', () => {
    const hostile = '{a,b}'.repeat(9);
    const config = `${onlyRulesConfig(['executive-sponsor'])}overrides:\n  - files: ["${hostile}/*.rollout.yaml"]\n    rules:\n      executive-sponsor: off\n`;
    const root = workspace({ '.crm-rollout.yaml': config, 'p.rollout.yaml': PLAN.replace('sponsor: dana\n', '') });
    const run = runCli(['lint', 'p.rollout.yaml', '--format', 'json'], root);
    const findings = (JSON.parse(run.stdout) as { findings: { file: string; rule: string; line: number; column: number; message: string }[] }).findings;
    // The override applies to nothing, so the plan's missing sponsor is still reported.
    expect(findings.map((f) => [f.file, f.rule])).toEqual([
      ['p.rollout.yaml', 'executive-sponsor'],
      ['.crm-rollout.yaml', 'limits'],
    ]);
    expect(findings[1]).toMatchObject({ line: config.split('\n').length - 3, column: 13 });
    expect(findings[1].message).toBe(
      'file pattern "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b…" is beyond what the tool matches (the pattern\'s braces expand to more than 256 alternatives), so it matches nothing; write a shorter pattern or several patterns',
    );
  });

  it('on the command line is a usage error (exit 2)', () => {
    const root = workspace({ 'p.rollout.yaml': PLAN });
    const run = runCli(['lint', `${'{a,b}'.repeat(9)}*.rollout.yaml`], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is beyond what the tool matches');
  });
});

describe('arrays of any size', () => {
  const huge = Array.from({ length: 500_000 }, (_, i) => i);

  it('are appended and measured without spreading them into arguments', () => {
    expect(pushAll([-1], huge)).toHaveLength(500_001);
    expect(maxOf(huge)).toBe(499_999);
    expect(minOf(huge)).toBe(0);
    expect([maxOf([]), minOf([])]).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });

  it('of timeline days: a phase of 99999 weeks exports as SVG instead of overflowing the stack', () => {
    const plan = 'plan: 1\nname: Long\nsponsor: dana\npeople:\n  - { id: dana, name: Dana }\nphases:\n  - { id: build, name: Build, kind: build, start: 2027-01-04, duration: 99999w }\n';
    const root = workspace({ 'p.rollout.yaml': plan });
    const run = runCli(['timeline', 'p.rollout.yaml', '--format', 'svg', '--output', 'out.svg'], root);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'out.svg'), 'utf8')).toMatch(/^<svg[^]*<\/svg>\n$/);
  });
});

describe('did-you-mean against thousands of people', () => {
  const people = Array.from({ length: 20_000 }, (_, i) => `person-${i.toString(36)}-${(i * 7919) % 100_000}`);

  it('finds the same suggestions through the index as by comparing with every candidate', () => {
    const typos = ['persn-a-79190', 'person-b-87109x', 'preson-c-95028', 'person-zz', 'ownr-1-zz', 'PERSON-D-2876'];
    const indexed = new Suggester(people);
    // An iterator is neither an array nor a Set, so closest() compares with every candidate.
    const scanned = (word: string) => closest(word, people.values());
    for (const typo of typos) expect(indexed.closest(typo), typo).toBe(scanned(typo));
  });

  it('answers 3,000 unknown owners of a plan importing 20,000 people, one edit away or not', () => {
    const directory = `people:\n${people.map((id) => `  - { id: ${id}, name: P }\n`).join('')}`;
    const owners = Array.from({ length: 3000 }, (_, i) => (i % 2 ? `ownr-${i}-zz` : people[i].replace('person', 'persn')));
    const checklist = owners.map((owner, i) => `      - { task: T${i}, owner: ${owner} }\n`).join('');
    const plan = `plan: 1\nname: Big\nimports: [people.yaml]\nsponsor: ${people[0]}\nphases:\n  - id: build\n    name: Build\n    kind: configuration\n    checklist:\n${checklist}`;
    const root = workspace({ '.crm-rollout.yaml': onlyRulesConfig(['known-references']), 'people.yaml': directory, 'big.rollout.yaml': plan });
    const run = runCli(['lint', 'big.rollout.yaml', '--format', 'json'], root);
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.rule === 'known-references')).toHaveLength(3000);
    expect(findings[0].message).toBe(`owner "${owners[0]}" is not a declared person or team; did you mean "${people[0]}"?`);
    expect(findings[1].message).toBe(`owner "${owners[1]}" is not a declared person or team; declare it or use one of the declared ids`);
    // Parsing 20,000 people is most of the work; a generous bound for a busy machine, not a timing.
  }, 120_000);
});
