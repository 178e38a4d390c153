import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onlyRulesConfig } from '../helpers/cli';

/**
 * The bad-input corpus: files no plan should be, each with what the CLI must say about it.
 * Small cases are committed under tests/corpus/files/ (byte for byte: see .gitattributes);
 * large ones (over the size limit, very long lines, deep nesting) and symbolic links are
 * made when the workspace is built, so the repository stays small and portable.
 */

export const FILES_DIR = fileURLToPath(new URL('./files/', import.meta.url));

/** Every case, by the plan file (relative to the workspace) that exercises it. */
export interface CorpusCase {
  name: string;
  file: string;
  /** The CLI's exit code: 1 for findings with errors, 2 for a path it cannot read. */
  exitCode: 0 | 1 | 2;
  /** Text the CLI's report or error must contain: the message that explains the problem. */
  says: string;
  /** Where the finding that says it starts (1-based), when the case is about positions. */
  at?: { line: number; column: number; endLine?: number; endColumn?: number };
}

export const CASES: CorpusCase[] = [
  { name: 'alias bomb', file: 'alias-bomb.rollout.yaml', exitCode: 1, says: 'aliases expand to more than 1000 nodes (an alias bomb)' },
  { name: 'deeply nested flow lists', file: 'generated/deep-flow.rollout.yaml', exitCode: 1, says: 'nested too deeply' },
  { name: 'deeply nested block lists', file: 'generated/deep-block.rollout.yaml', exitCode: 1, says: 'nested too deeply' },
  { name: 'a file over the size limit', file: 'generated/oversize.rollout.yaml', exitCode: 1, says: 'larger than the 10 MiB limit for a plan' },
  {
    name: 'a very long line',
    file: 'generated/long-line.rollout.yaml',
    exitCode: 1,
    says: '"planing" is not a valid phase kind; did you mean "planning"?',
    at: { line: 8, column: 11, endLine: 8, endColumn: 18 },
  },
  { name: 'binary bytes', file: 'binary.rollout.yaml', exitCode: 1, says: 'looks binary, not YAML' },
  {
    name: 'UTF-16 with a byte-order mark',
    file: 'utf16-bom.rollout.yaml',
    exitCode: 1,
    says: '"planing" is not a valid phase kind',
    at: { line: 9, column: 11, endLine: 9, endColumn: 18 },
  },
  {
    name: 'CRLF line ends',
    file: 'crlf.rollout.yaml',
    exitCode: 1,
    says: '"planing" is not a valid phase kind',
    at: { line: 9, column: 11, endLine: 9, endColumn: 18 },
  },
  { name: 'tab indentation', file: 'tabs.rollout.yaml', exitCode: 1, says: 'tabs are not allowed as indentation', at: { line: 4, column: 1 } },
  { name: 'duplicate keys', file: 'duplicate-keys.rollout.yaml', exitCode: 1, says: 'key "sponsor" appears twice in the same mapping', at: { line: 4, column: 1, endLine: 4, endColumn: 8 } },
  { name: 'merge keys', file: 'merge-keys.rollout.yaml', exitCode: 1, says: '"desgin" is not a valid phase kind; did you mean "design"?', at: { line: 18, column: 11, endLine: 18, endColumn: 17 } },
  { name: 'cyclic imports', file: 'cycle/cyclic-imports.rollout.yaml', exitCode: 1, says: 'imports form a cycle' },
  { name: 'an import of a directory', file: 'directory/import-directory.rollout.yaml', exitCode: 1, says: 'import "people" is a directory' },
  { name: 'an import outside the workspace', file: 'import-outside.rollout.yaml', exitCode: 1, says: 'leads outside the project root' },
  { name: 'an import of a symbolic link loop', file: 'links/imports-loop.rollout.yaml', exitCode: 1, says: 'symbolic link loop' },
  { name: 'a plan that is a symbolic link loop', file: 'links/loop.rollout.yaml', exitCode: 2, says: 'is a symbolic link loop' },
];

const KIND_TYPO_PLAN = (filler: string) =>
  `plan: 1\nname: Long line rollout\nx-note: "${filler}"\npeople:\n  - { id: dana, name: Dana Whitfield }\nphases:\n  - id: discovery\n    kind: planing\n    name: Discovery\n`;

/**
 * A workspace (a temporary folder that is its own repository root) holding the corpus, with
 * a configuration that turns every best-practice rule off: only syntax, schema, import and
 * configuration findings remain, which is what the corpus is about.
 */
export function buildCorpusWorkspace(): { root: string; dispose(): void } {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-corpus-')));
  const root = path.join(base, 'workspace');
  fs.cpSync(FILES_DIR, root, { recursive: true });
  fs.mkdirSync(path.join(root, '.git'));
  fs.writeFileSync(path.join(root, '.crm-rollout.yaml'), onlyRulesConfig([]));
  const generated = path.join(root, 'generated');
  fs.mkdirSync(generated);
  const write = (name: string, text: string) => fs.writeFileSync(path.join(generated, name), text);
  write('deep-flow.rollout.yaml', `plan: 1\nname: Deep\nx-deep: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
  write('deep-block.rollout.yaml', `plan: 1\nname: Deep\nx-deep:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i + 2)}- `).join('\n')}x\n`);
  write('oversize.rollout.yaml', `plan: 1\nname: Big\nx-notes: |\n${'  lorem ipsum dolor sit amet, consectetur adipiscing elit\n'.repeat(190_000)}`);
  write('long-line.rollout.yaml', KIND_TYPO_PLAN('lorem ipsum '.repeat(170_000)));
  const links = path.join(root, 'links');
  fs.mkdirSync(links);
  fs.symlinkSync('loop.rollout.yaml', path.join(links, 'loop.rollout.yaml'));
  fs.symlinkSync('people-loop.yaml', path.join(links, 'people-loop.yaml'));
  fs.writeFileSync(path.join(links, 'imports-loop.rollout.yaml'), 'plan: 1\nname: Looping import\nimports: [people-loop.yaml]\n');
  // A directory that contains itself: linting the folder must still end.
  fs.symlinkSync('..', path.join(links, 'again'));
  // The outside file exists, so only the workspace boundary can reject it.
  fs.writeFileSync(path.join(base, 'outside-people.yaml'), 'people: []\n');
  return { root, dispose: () => fs.rmSync(base, { recursive: true, force: true }) };
}

/** The text an editor would hold for a corpus file (UTF-16 and BOMs decoded, as VS Code does). */
export function editorText(root: string, file: string): string | undefined {
  const full = path.join(root, file);
  try {
    const bytes = fs.readFileSync(full);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}
