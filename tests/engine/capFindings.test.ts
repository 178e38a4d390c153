import { describe, expect, it } from 'vitest';
import { capFindings, moreFindingsText } from '../../server/src/engine/capFindings';
import type { Finding } from '../../server/src/engine/types';

function finding(ruleId: string, messageId: string, line: number): Finding {
  return {
    ruleId,
    messageId,
    severity: 'error',
    message: `${ruleId} ${messageId} on line ${line}`,
    file: '/w/p.rollout.yaml',
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
    offsets: [line, line + 1],
  };
}

/** An entry as one readable string: the finding's message, or `+N like <message>`. */
function show(entries: ReturnType<typeof capFindings>): string[] {
  return entries.map((e) => ('more' in e ? `+${e.more} like ${e.like.message}` : e.finding.message));
}

describe('capFindings', () => {
  it('keeps every finding when no kind passes the cap', () => {
    const findings = [finding('schema', 'unknownKey', 1), finding('schema', 'unknownKey', 2), finding('schema', 'type', 3)];
    expect(show(capFindings(findings, 2))).toEqual(['schema unknownKey on line 1', 'schema unknownKey on line 2', 'schema type on line 3']);
  });

  it('cuts each kind (rule and message id) after the cap and counts the rest right after the last one shown', () => {
    const findings = [
      finding('schema', 'unknownKey', 1),
      finding('schema', 'type', 2),
      finding('schema', 'unknownKey', 3),
      finding('schema', 'unknownKey', 4),
      finding('known-tags', 'unknownKey', 5),
      finding('schema', 'unknownKey', 6),
      finding('schema', 'type', 7),
    ];
    expect(show(capFindings(findings, 2))).toEqual([
      'schema unknownKey on line 1',
      'schema type on line 2',
      'schema unknownKey on line 3',
      '+2 like schema unknownKey on line 3',
      'known-tags unknownKey on line 5',
      'schema type on line 7',
    ]);
  });

  it('says how many more, with thousands separated', () => {
    expect(moreFindingsText(79_900)).toBe('… and 79,900 more findings like this');
    expect(moreFindingsText(1)).toBe('… and 1 more finding like this');
  });
});
