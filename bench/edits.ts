import { randomSource } from './generatePlan';

/** One-character edits inside checklist task texts, as someone typing in a plan makes them. */
export interface OneCharEdit {
  /** The text after the edit. */
  text: string;
  offset: number;
  kind: 'insert' | 'delete';
}

/** Offsets just inside a task's text (after `task: ` and two characters of it). */
export function taskOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf('task: '); at >= 0; at = text.indexOf('task: ', at + 1)) offsets.push(at + 'task: '.length + 2);
  if (offsets.length === 0) throw new Error('the plan has no checklist task to edit');
  return offsets;
}

/**
 * `count` edits: an `x` typed at a random task, then deleted again, and so on, so the text
 * alternates between the original and one character more and never drifts.
 */
export function typingEdits(original: string, count: number, seed = 7): OneCharEdit[] {
  const random = randomSource(seed);
  const offsets = taskOffsets(original);
  const edits: OneCharEdit[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const offset = offsets[Math.floor(random() * offsets.length)];
      edits.push({ text: original.slice(0, offset) + 'x' + original.slice(offset), offset, kind: 'insert' });
    } else {
      edits.push({ text: original, offset: edits[i - 1].offset, kind: 'delete' });
    }
  }
  return edits;
}
