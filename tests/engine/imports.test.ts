import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { resolveImports } from '../../server/src/engine/imports';
import { parseSource } from '../../server/src/engine/parse';

function resolve(plan: string, files: Record<string, string>, root?: string) {
  const fs = new MemoryFileSystem({ '/repo/plans/p.rollout.yaml': plan, ...files });
  return resolveImports(parseSource('/repo/plans/p.rollout.yaml', plan).source, fs, { root });
}

describe('resolveImports', () => {
  it('reads people, teams and holidays relative to the importing file, through nested imports', () => {
    const r = resolve('plan: 1\nimports: [../shared/people.yaml]\n', {
      '/repo/shared/people.yaml': 'imports: [calendar.yaml]\npeople: [{ id: sam, name: Sam }]\nteams: [it]\n',
      '/repo/shared/calendar.yaml': 'calendar:\n  holidays: [2027-05-31]\n',
    });
    expect(r.findings).toEqual([]);
    expect(r.people.map((p) => p.id)).toEqual(['sam']);
    expect(r.teams.map((t) => t.id)).toEqual(['it']);
    expect(r.holidays.map((h) => h.value)).toEqual(['2027-05-31']);
    expect(r.dependencies).toEqual(['/repo/shared/people.yaml', '/repo/shared/calendar.yaml']);
  });

  it('reads a file reached through two import paths once', () => {
    const r = resolve('imports: [a.yaml, b.yaml]\n', {
      '/repo/plans/a.yaml': 'imports: [people.yaml]\n',
      '/repo/plans/b.yaml': 'imports: [people.yaml]\n',
      '/repo/plans/people.yaml': 'people: [{ id: sam, name: Sam }]\n',
    });
    expect(r.people).toHaveLength(1);
    expect(r.findings).toEqual([]);
  });

  it('reports a missing import at its entry', () => {
    const r = resolve('plan: 1\nimports: [people.yaml]\n', {});
    expect(r.findings.map((f) => [f.messageId, f.message, f.range])).toEqual([
      [
        'missing',
        'import "people.yaml" not found; check the path, which is relative to the importing file',
        { start: { line: 1, character: 10 }, end: { line: 1, character: 21 } },
      ],
    ]);
  });

  it('reports an import of a directory', () => {
    const r = resolve('imports: [shared]\n', { '/repo/plans/shared/people.yaml': 'people: []\n' });
    expect(r.findings.map((f) => f.messageId)).toEqual(['directory']);
  });

  it('reports broken YAML in an imported file with its line', () => {
    const r = resolve('imports: [people.yaml]\n', { '/repo/plans/people.yaml': 'people:\n  - { id: sam\n' });
    expect(r.findings.map((f) => f.messageId)).toEqual(['broken']);
    expect(r.findings[0].message).toMatch(/^import "people.yaml" is not valid YAML \(.* at line \d+\); fix that file$/);
  });

  it('detects an import cycle and spells it', () => {
    const r = resolve('imports: [a.yaml]\n', {
      '/repo/plans/a.yaml': 'imports: [b.yaml]\n',
      '/repo/plans/b.yaml': 'imports: [a.yaml]\n',
    });
    expect(r.findings.map((f) => f.message)).toEqual(['imports form a cycle: p.rollout.yaml → a.yaml → b.yaml → a.yaml; remove one of these imports']);
  });

  it('refuses an import outside the workspace root', () => {
    const r = resolve('imports: [../../etc/people.yaml]\n', { '/etc/people.yaml': 'people: []\n' }, '/repo');
    expect(r.findings.map((f) => f.messageId)).toEqual(['outside']);
  });

  it('maps an imported declaration back to the plan entry that brought it in', () => {
    const r = resolve('imports: [a.yaml]\n', {
      '/repo/plans/a.yaml': 'imports: [people.yaml]\n',
      '/repo/plans/people.yaml': 'people: [{ id: sam, name: Sam }]\n',
    });
    const entry = r.entryFor(r.people[0].source);
    expect(entry?.range?.slice(0, 2)).toEqual([10, 16]);
  });
});
