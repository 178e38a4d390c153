import { provision, SYSTEM_HOST } from './programs';

/**
 * Vitest global setup: before any test runs, installs the Debian programs the suite needs
 * (tests/setup/programs.ts) once, saying so in one line, or stops the run at once with the
 * exact command to run. No test skips because a program is missing.
 */
export default function setup(): void {
  const outcome = provision(SYSTEM_HOST);
  if (outcome.kind === 'installed') process.stderr.write(`test setup: installed ${outcome.packages.join(', ')} with apt-get (needed by the browser and Neovim tests)\n`);
  if (outcome.kind === 'cannot') throw new Error(outcome.message);
}
