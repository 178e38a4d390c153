// The throw-away workspace the end-to-end suites open: the fixtures plus a copy of the small
// sample, so tests that edit and save plans never touch the repository.
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function copyInto(target, sources) {
  mkdirSync(target, { recursive: true });
  for (const [from, to] of sources) cpSync(from, path.join(target, to), { recursive: true });
  return target;
}

const fixtures = path.join(repo, 'tests', 'e2e', 'fixtures', 'workspace');

/** The folder out/test/index.js expects. */
export function testsWorkspace(target) {
  return copyInto(target, [
    [fixtures, '.'],
    [path.join(repo, 'samples', 'small', 'acme.rollout.yaml'), 'acme.rollout.yaml'],
  ]);
}

/**
 * The folder out/test/tour.js walks: the samples, the plan full of markup, the plans it edits
 * (and may not edit) from the timeline, and the three-wave and in-execution plans of the timeline's golden files.
 */
export function tourWorkspace(target) {
  return copyInto(target, [
    [path.join(repo, 'samples'), '.'],
    [path.join(fixtures, 'xss.rollout.yaml'), 'xss.rollout.yaml'],
    [path.join(repo, 'tests', 'e2e', 'fixtures', 'tour', 'drag.rollout.yaml'), 'drag.rollout.yaml'],
    [path.join(repo, 'tests', 'e2e', 'fixtures', 'tour', 'history.rollout.yaml'), 'history.rollout.yaml'],
    [path.join(repo, 'tests', 'render', 'golden', 'waves.rollout.yaml'), 'waves.rollout.yaml'],
    [path.join(repo, 'tests', 'render', 'golden', 'tracked.rollout.yaml'), 'tracked.rollout.yaml'],
  ]);
}
