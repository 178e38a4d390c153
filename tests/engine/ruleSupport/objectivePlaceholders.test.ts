import { describe, expect, it } from 'vitest';
import { OBJECTIVE_PLACEHOLDERS } from '../../../server/src/engine/ruleSupport/objectivePlaceholders';

describe('OBJECTIVE_PLACEHOLDERS', () => {
  it('holds no comma, colon or bracket, so each stays a plain scalar in a flow mapping', () => {
    for (const text of Object.values(OBJECTIVE_PLACEHOLDERS)) expect(text).not.toMatch(/[,:[\]{}]/);
  });

  it('dates and owns nothing by guesswork: due and owner are left for a person to fill in', () => {
    expect([OBJECTIVE_PLACEHOLDERS.due, OBJECTIVE_PLACEHOLDERS.owner]).toEqual(['TODO', 'TODO']);
  });
});
