import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './helpers/importGraph';

const root = (dir: string) => fileURLToPath(new URL(`../${dir}`, import.meta.url));

describe('import cycles', () => {
  it('finds a planted cycle and leaves a chain alone', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('reads type-only imports and re-exports as edges', () => {
    const graph = importGraph(root('server/src'));
    expect(graph.get('engine/scheduler.ts')).toContain('engine/schedule.ts');
    expect(graph.get('engine/rules/index.ts')?.length).toBeGreaterThan(20);
  });

  for (const dir of ['server/src', 'client/src', 'client/webview']) {
    it(`${dir} has no import cycle`, () => {
      expect(importCycles(importGraph(root(dir)))).toEqual([]);
    });
  }
});
