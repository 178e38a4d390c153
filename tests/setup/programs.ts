import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/**
 * The programs some tests run that npm cannot ship, with the Debian package that provides each:
 * Chromium renders the timeline export (tests/render/browser.test.ts), Neovim runs the documented
 * Neovim set-up (tests/lsp/neovim.test.ts). (The JUnit XSD check runs libxml2 as WebAssembly from
 * npm, libxml2-wasm, so it needs no program.)
 */
export const REQUIRED_PROGRAMS: readonly { program: string; debianPackage: string }[] = [
  { program: 'chromium', debianPackage: 'chromium' },
  { program: 'nvim', debianPackage: 'neovim' },
];

const SEARCH_PATH = ['/usr/bin', '/usr/local/bin', '/bin'];

export function isInstalled(program: string, searchPath: readonly string[] = SEARCH_PATH): boolean {
  return searchPath.some((dir) => fs.existsSync(`${dir}/${program}`));
}

/** The Debian packages still to install, in REQUIRED_PROGRAMS order. */
export function missingPackages(installed: (program: string) => boolean = isInstalled): string[] {
  return REQUIRED_PROGRAMS.filter((p) => !installed(p.program)).map((p) => p.debianPackage);
}

/** The command a person runs to install `packages`. */
export function installCommand(packages: readonly string[]): string {
  return `apt-get update && apt-get install -y ${packages.join(' ')}`;
}

export type ProvisionOutcome = { kind: 'present' } | { kind: 'installed'; packages: string[] } | { kind: 'cannot'; message: string };

export interface ProvisionHost {
  installed: (program: string) => boolean;
  /** Whether this process may run apt-get (root, and apt-get exists). */
  canUseApt: () => boolean;
  /** Runs apt-get for `packages`; true when it succeeded. */
  aptInstall: (packages: readonly string[]) => boolean;
}

/**
 * Makes sure every required program is there before the suite runs: installs what is missing
 * with apt-get when this process can, else says exactly which command to run. Never skips.
 */
export function provision(host: ProvisionHost): ProvisionOutcome {
  const packages = missingPackages(host.installed);
  if (packages.length === 0) return { kind: 'present' };
  const command = installCommand(packages);
  if (!host.canUseApt()) {
    return { kind: 'cannot', message: `the test suite needs ${packages.join(', ')} (Debian packages); install them first: sudo ${command}` };
  }
  if (!host.aptInstall(packages) || missingPackages(host.installed).length > 0) {
    return { kind: 'cannot', message: `installing ${packages.join(', ')} with apt-get failed; run it yourself and read its error: ${command}` };
  }
  return { kind: 'installed', packages };
}

export const SYSTEM_HOST: ProvisionHost = {
  installed: (program) => isInstalled(program),
  canUseApt: () => process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get'),
  aptInstall: (packages) => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (update.status !== 0) return false;
    const install = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
    return install.status === 0;
  },
};
