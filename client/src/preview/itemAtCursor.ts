import type { Position, Range } from '../../../server/src/engine/types';
import type { TimelineData } from '../../../server/src/protocol';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(range: Range, at: Position): boolean {
  return before(range.start, at) && before(at, range.end);
}

/** The id of the innermost milestone or phase whose entry holds the cursor (milestones sit inside phases). */
export function itemAtCursor(data: TimelineData, at: Position): string | undefined {
  const milestone = data.milestones.find((m) => m.extent && contains(m.extent, at));
  if (milestone) return milestone.id;
  return data.phases.find((p) => p.extent && contains(p.extent, at))?.id;
}
