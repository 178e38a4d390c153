import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { RULE_METAS } from '../../server/src/engine/rules/index';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `crm-rollout <argv>` in `cwd`, capturing its output. */
export function runCli(argv: string[], cwd: string): CliRun {
  let stdout = '';
  let stderr = '';
  const code = main(argv, {
    cwd,
    stdout: { write: (s: string) => void (stdout += s), isTTY: false },
    stderr: { write: (s: string) => void (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** A temporary directory with the given files (relative path -> text or bytes). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

/**
 * A `.crm-rollout.yaml` that turns off every rule except `keep` (and the pipeline's core
 * rules), so a test's findings cannot change when more rules are registered.
 */
export function onlyRulesConfig(keep: readonly string[]): string {
  const off = RULE_METAS.filter((m) => m.category !== 'core' && !keep.includes(m.id)).map((m) => `  ${m.id}: off\n`);
  return `extends: recommended\nrules:\n${off.join('') || '  {}\n'}`;
}
