/** Shared vocabulary of the engine: positions, edits, findings. Pure data, no behaviour. */

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

/** Zero-based line and UTF-16 character, as LSP uses. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A splice of a file's text: replace [start, end) (UTF-16 offsets) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * The two kinds of edit a finding offers (rules.md, "Fixes and suggestions"; ESLint's `fix` and
 * `suggestions`). A `fix` corrects what is already written and is safe to apply unseen (a
 * did-you-mean, a date moved to the next working day, a start moved after its prerequisite):
 * `lint --fix`, fix-all and fix-on-save apply fixes only. A `suggestion` adds plan content
 * someone has to plan for real, chooses a person, or records a fact only a person knows
 * (done, achieved, started): it is offered in the editor's light bulb under a title saying
 * what it inserts, and never applied automatically.
 */
export type FixKind = 'fix' | 'suggestion';

/** An edit a finding offers, a fix or a suggestion: edits to the finding's own file. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  kind: FixKind;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** Path of the file the finding is in (as given to the engine). */
  file: string;
  range: Range;
  /** UTF-16 offsets of the range in the file text. */
  offsets: [number, number];
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** What a front end needs beyond the message (e.g. the id a fix would use). */
  data?: Record<string, unknown>;
  /** Stable location key made of ids, not line numbers (e.g. `phases/uat/checklist/2`). */
  idPath?: string;
}
