import { CORE_RULES } from './coreRules';
import type { EncodingProblem } from './fileSystem';
import { formatMessage } from './messages';
import { rangeFromOffsets, type SourceFile } from './source';
import type { Finding } from './types';

/**
 * The `encoding` finding: a file in no encoding the plan format allows (UTF-8 with or without a
 * byte-order mark, UTF-16 with one). The platform's decoder finds the problem; this says it the
 * same way for the plan being linted and for a file it imports.
 */

const TEMPLATE = CORE_RULES.find((r) => r.id === 'encoding')!.messages.notText;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** `file is not UTF-8 …: byte 0xFC on line 3 looks like Windows-1252 …`; `text` is the lossy decoding. */
export function encodingMessage(text: string, problem: EncodingProblem): string {
  return formatMessage(TEMPLATE, { what: problem.what, line: lineOf(text, problem.offset), likely: problem.likely });
}

/** The finding at the first character that could not be decoded, in `source` (the lossy text). */
export function encodingFinding(source: SourceFile, problem: EncodingProblem): Finding {
  const start = Math.min(problem.offset, source.text.length);
  const end = Math.min(start + 1, source.text.length);
  return {
    ruleId: 'encoding',
    messageId: 'notText',
    severity: 'error',
    message: encodingMessage(source.text, problem),
    file: source.path,
    range: rangeFromOffsets(source, start, end),
    offsets: [start, end],
  };
}
