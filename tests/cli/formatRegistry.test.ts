import { describe, expect, it } from 'vitest';
import { UsageError } from '../../server/src/cli/args';
import { checkedFormat, formatOfExtension, formatsHelp, type FormatRegistry } from '../../server/src/cli/formatRegistry';
import { runCli, tempTree } from '../helpers/cli';

const SHAPES = {
  square: { render: (n: number) => `${n * n}`, description: 'the square', extensions: ['.sq'] },
  cube: { render: (n: number) => `${n * n * n}`, description: 'the cube', extensions: ['.cube', '.cb'] },
} satisfies FormatRegistry<string, (n: number) => string>;

describe('format registry', () => {
  it('accepts a registered name and rejects another with the list of names', () => {
    expect(checkedFormat(SHAPES, 'cube')).toBe('cube');
    expect(() => checkedFormat(SHAPES, 'toString')).toThrow(new UsageError('unknown format "toString"; use one of square, cube'));
  });

  it('finds the format an output extension names, whatever its case', () => {
    expect(formatOfExtension(SHAPES, '.CB')).toBe('cube');
    expect(formatOfExtension(SHAPES, '.txt')).toBeUndefined();
  });

  it('lists each format on its own aligned line, the default marked', () => {
    expect(formatsHelp(SHAPES, 'cube', 4)).toBe('    square  the square\n    cube    the cube (default)');
  });

  it('is what each command lists in --help and accepts in --format', () => {
    const dir = tempTree({});
    const commands = [
      ['lint', ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab', 'markdown'], ['a.rollout.yaml']],
      ['timeline', ['mermaid', 'svg', 'html', 'json', 'csv'], ['a.rollout.yaml']],
      ['diff', ['text', 'json', 'markdown'], ['a.rollout.yaml', 'b.rollout.yaml']],
    ] as const;
    for (const [command, names, files] of commands) {
      const help = runCli([command, '--help'], dir).stdout;
      const listed = [...help.matchAll(/^ {24,}([a-z]+) {2,}\S/gm)].map((m) => m[1]);
      expect(listed, command).toEqual(names);
      const rejected = runCli([command, '--format', 'nope', ...files], dir);
      expect(rejected.stderr, command).toBe(`crm-rollout: unknown format "nope"; use one of ${names.join(', ')}\n`);
    }
  });
});
