import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../server/src/cli/unifiedDiff';

/** Applies a unified diff made by unifiedDiff to `before` (strict: context must match). */
function applyPatch(before: string, patch: string): string {
  const old = before.split(/(?<=\n)/).filter((l) => l !== '');
  const lines = patch.split('\n');
  const out: string[] = [];
  let cursor = 0;
  let i = 2;
  while (i < lines.length && lines[i] !== '') {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[i]);
    if (!header) throw new Error(`bad hunk header ${lines[i]}`);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const start = oldCount === 0 ? Number(header[1]) : Number(header[1]) - 1;
    out.push(...old.slice(cursor, start));
    cursor = start;
    i++;
    while (i < lines.length && /^[ +\-\\]/.test(lines[i])) {
      const kind = lines[i][0];
      const unterminated = lines[i + 1]?.startsWith('\\');
      const text = lines[i].slice(1) + (unterminated ? '' : '\n');
      if (kind === ' ' || kind === '-') {
        if (old[cursor] !== text) throw new Error(`context mismatch at old line ${cursor + 1}`);
        cursor++;
      }
      if (kind === ' ' || kind === '+') out.push(text);
      i += unterminated ? 2 : 1;
    }
  }
  out.push(...old.slice(cursor));
  return out.join('');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a', 'b', 'x\n', 'x\n')).toBe('');
  });

  it('matches diff -u: separate hunks with three lines of context, and a line added at the end', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn\n';
    expect(unifiedDiff('a/p.yaml', 'b/p.yaml', before, after)).toBe(
      ['--- a/p.yaml', '+++ b/p.yaml', '@@ -1,7 +1,7 @@', ' a', ' b', ' c', '-d', '+D', ' e', ' f', ' g', '@@ -9,5 +9,6 @@', ' i', ' j', ' k', '-l', '+L', ' m', '+n', ''].join('\n'),
    );
  });

  it('merges changes six unchanged lines apart into one hunk, as diff -u does', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'A\nb\nc\nd\ne\nf\ng\nH\n';
    expect(unifiedDiff('a', 'b', before, after).match(/^@@/gm)).toHaveLength(1);
  });

  it('marks a missing final newline like diff -u', () => {
    expect(unifiedDiff('a', 'b', 'x\ny', 'x\ny\n')).toBe(['--- a', '+++ b', '@@ -1,2 +1,2 @@', ' x', '-y', '\\ No newline at end of file', '+y', ''].join('\n'));
  });

  it('writes single-line and empty ranges like diff -u', () => {
    expect(unifiedDiff('a', 'b', 'one\n', 'zero\none\n')).toBe(['--- a', '+++ b', '@@ -1 +1,2 @@', '+zero', ' one', ''].join('\n'));
    expect(unifiedDiff('a', 'b', '', 'new\n')).toBe(['--- a', '+++ b', '@@ -0,0 +1 @@', '+new', ''].join('\n'));
  });

  it('keeps CR of CRLF lines inside the line, so the patch applies to the file byte for byte', () => {
    const before = 'a: 1\r\nb: 2\r\n';
    const after = 'a: 1\r\nb: 3\r\n';
    const patch = unifiedDiff('a', 'b', before, after);
    expect(patch).toContain('-b: 2\r\n+b: 3\r\n');
    expect(applyPatch(before, patch)).toBe(after);
  });

  it('always produces a patch that turns the old text into the new one (random edits)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const lines = Array.from({ length: random(40) }, () => `line ${random(8)}\n`);
      const edited = [...lines];
      for (let e = random(6); e > 0; e--) {
        const at = random(edited.length + 1);
        const op = random(3);
        if (op === 0) edited.splice(at, 0, `new ${random(5)}\n`);
        else if (op === 1) edited.splice(at, 1);
        else edited.splice(at, 1, `changed ${random(5)}\n`);
      }
      const before = lines.join('') + (round % 5 === 0 ? 'tail' : '');
      const after = edited.join('') + (round % 7 === 0 ? 'end' : '');
      const patch = unifiedDiff('a', 'b', before, after);
      expect(applyPatch(before, patch), `round ${round}`).toBe(after);
    }
  });
});
