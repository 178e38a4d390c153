/**
 * A unified diff (`diff -u` / `git diff` style, 3 lines of context) between two texts, so
 * `lint --fix-dry-run` output can be read in review or applied with `git apply`. No
 * dependency: Myers' O(ND) algorithm on lines, after the common head and tail are trimmed.
 * A missing final newline is marked `\ No newline at end of file`, as diff does.
 */

const CONTEXT = 3;
/** Beyond this many differing lines the middle is shown as one replaced block: still a valid diff. */
const MAX_EDIT_DISTANCE = 2000;

type Step = '=' | '-' | '+';

interface Op {
  kind: ' ' | '-' | '+';
  text: string;
  /** This line is the last of the old (new) text, which has no final line break. */
  oldUnterminated: boolean;
  newUnterminated: boolean;
}

/** Lines with their terminators, so a last line without `\n` never equals one with it. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/**
 * Myers' greedy shortest edit script. `trace[d]` keeps only the diagonals -d..d that
 * backtracking reads, so memory grows with the square of the distance, not with file size.
 */
function myers(a: readonly string[], b: readonly string[]): Step[] | undefined {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, MAX_EDIT_DISTANCE); d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d);
    }
  }
  return undefined;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number, last: number): Step[] {
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const v = (k: number) => trace[d][k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v(k - 1) < v(k + 1)) ? k + 1 : k - 1;
    const prevX = v(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      steps.push('=');
      x--;
      y--;
    }
    steps.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    steps.push('=');
    x--;
    y--;
  }
  return steps.reverse();
}

function operations(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const script = myers(midA, midB) ?? [...midA.map((): Step => '-'), ...midB.map((): Step => '+')];
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  const push = (kind: Op['kind']) => {
    const line = kind === '+' ? b[j] : a[i];
    const unterminated = !line.endsWith('\n');
    ops.push({
      kind,
      text: unterminated ? line : line.slice(0, -1),
      oldUnterminated: kind !== '+' && unterminated,
      newUnterminated: kind !== '-' && unterminated,
    });
    if (kind !== '+') i++;
    if (kind !== '-') j++;
  };
  for (let h = 0; h < head; h++) push(' ');
  for (const step of script) push(step === '=' ? ' ' : step);
  for (let t = 0; t < tail; t++) push(' ');
  return ops;
}

function range(start: number, count: number): string {
  // diff writes an empty range as the line before it: `-0,0` for an insertion at the top.
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/** The unified diff of two texts, or '' when they are equal. Paths go in the `---`/`+++` lines as given. */
export function unifiedDiff(oldPath: string, newPath: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = operations(splitLines(before), splitLines(after));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const out = [`--- ${oldPath}`, `+++ ${newPath}`];
  let h = 0;
  while (h < changed.length) {
    let end = h;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * CONTEXT + 1) end++;
    const from = Math.max(0, changed[h] - CONTEXT);
    const to = Math.min(ops.length - 1, changed[end] + CONTEXT);
    let oldStart = 1;
    let newStart = 1;
    for (let i = 0; i < from; i++) {
      if (ops[i].kind !== '+') oldStart++;
      if (ops[i].kind !== '-') newStart++;
    }
    const hunk = ops.slice(from, to + 1);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const op of hunk) {
      out.push(`${op.kind}${op.text}`);
      if (op.oldUnterminated || op.newUnterminated) out.push('\\ No newline at end of file');
    }
    h = end + 1;
  }
  return `${out.join('\n')}\n`;
}
