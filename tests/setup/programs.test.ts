import { describe, expect, it } from 'vitest';
import { installCommand, missingPackages, provision, REQUIRED_PROGRAMS, type ProvisionHost } from './programs';

function host(present: Set<string>, apt: boolean, installWorks = true): ProvisionHost & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    installed: (program) => present.has(program),
    canUseApt: () => apt,
    aptInstall: (packages) => {
      calls.push([...packages]);
      if (installWorks) for (const p of REQUIRED_PROGRAMS) if (packages.includes(p.debianPackage)) present.add(p.program);
      return installWorks;
    },
  };
}

describe('provisioning the programs npm cannot ship', () => {
  it('does nothing when every program is there', () => {
    const h = host(new Set(['chromium', 'nvim']), true);
    expect(provision(h)).toEqual({ kind: 'present' });
    expect(h.calls).toEqual([]);
  });

  it('installs only the missing packages with apt-get when it can', () => {
    const h = host(new Set(['chromium']), true);
    expect(provision(h)).toEqual({ kind: 'installed', packages: ['neovim'] });
    expect(h.calls).toEqual([['neovim']]);
  });

  it('stops with the exact command when apt-get cannot be used', () => {
    const h = host(new Set(), false);
    expect(provision(h)).toEqual({
      kind: 'cannot',
      message: 'the test suite needs chromium, neovim (Debian packages); install them first: sudo apt-get update && apt-get install -y chromium neovim',
    });
    expect(h.calls).toEqual([]);
  });

  it('stops with the command when apt-get fails', () => {
    const outcome = provision(host(new Set(), true, false));
    expect(outcome.kind).toBe('cannot');
    expect(outcome.kind === 'cannot' && outcome.message).toContain(installCommand(['chromium', 'neovim']));
  });

  it('lists the packages of missing programs in a stable order', () => {
    expect(missingPackages(() => false)).toEqual(['chromium', 'neovim']);
  });
});
