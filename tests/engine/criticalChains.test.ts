import { describe, expect, it } from 'vitest';
import { criticalChains, MAX_CRITICAL_CHAINS, type ChainLink, type ChainPhase } from '../../server/src/engine/criticalChains';

const phases = (spec: string): ChainPhase[] => spec.split(' ').map((p) => ({ id: p.replace('*', ''), critical: p.endsWith('*') }));
const links = (spec: string): ChainLink[] =>
  spec
    .split(' ')
    .filter(Boolean)
    .map((l) => {
      const [from, to] = l.replace('!', '').split('>');
      return { from, to, critical: l.endsWith('!') };
    });

describe('criticalChains', () => {
  it.each([
    { name: 'one chain along critical links', phases: 'a* b* c*', links: 'a>b! b>c!', expected: [['a', 'b', 'c']] },
    {
      name: 'two tied chains through parallel phases are both listed',
      phases: 'design* build* integrations* testing*',
      links: 'design>build! design>integrations! build>testing! integrations>testing!',
      expected: [
        ['design', 'build', 'testing'],
        ['design', 'integrations', 'testing'],
      ],
    },
    { name: 'a link that does not decide the start breaks the chain', phases: 'a* b*', links: 'a>b', expected: [['a'], ['b']] },
    { name: 'a phase with float is never on a chain', phases: 'a* b c*', links: 'a>b! b>c!', expected: [['a'], ['c']] },
    { name: 'a critical phase on no link is a chain of its own', phases: 'a* b', links: '', expected: [['a']] },
    { name: 'no critical phase, no chain', phases: 'a b', links: 'a>b!', expected: [] },
    { name: 'a repeated id counts once and a link back onto the chain is not followed', phases: 'a* b* a*', links: 'a>b! b>a!', expected: [] },
    { name: 'a self link is ignored', phases: 'a*', links: 'a>a!', expected: [['a']] },
  ])('$name', ({ phases: p, links: l, expected }) => {
    expect(criticalChains(phases(p), links(l))).toEqual(expected);
  });

  it(`stops at ${MAX_CRITICAL_CHAINS} chains when ties multiply them (a ladder of 30 tied pairs has 2^30)`, () => {
    const ids: string[] = ['s0'];
    const ladder: ChainLink[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push(`u${i}`, `d${i}`, `s${i + 1}`);
      for (const mid of [`u${i}`, `d${i}`]) ladder.push({ from: `s${i}`, to: mid, critical: true }, { from: mid, to: `s${i + 1}`, critical: true });
    }
    const chains = criticalChains(
      ids.map((id) => ({ id, critical: true })),
      ladder,
    );
    expect(chains).toHaveLength(MAX_CRITICAL_CHAINS);
    expect(chains[0]).toHaveLength(61);
    expect(chains[0].slice(0, 3)).toEqual(['s0', 'u0', 's1']);
    expect(new Set(chains.map((c) => c.join(' '))).size).toBe(MAX_CRITICAL_CHAINS);
  });

  it('follows a chain of 20000 phases without running out of stack', () => {
    const ids = Array.from({ length: 20000 }, (_, i) => `p${i}`);
    const chain = criticalChains(
      ids.map((id) => ({ id, critical: true })),
      ids.slice(1).map((id, i) => ({ from: ids[i], to: id, critical: true })),
    );
    expect(chain).toHaveLength(1);
    expect(chain[0]).toHaveLength(20000);
  });
});
