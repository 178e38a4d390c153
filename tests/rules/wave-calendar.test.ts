import { waveCalendar } from '../../server/src/engine/rules/wave-calendar';
import { testRule } from '../helpers/ruleTester';

const plan = (waves: string) => `plan: 1
name: Rollout
teams: [sales-no, sales-de]
calendars:
  - { id: no, name: Norway, holidays: [2027-05-17] }
  - { id: de, name: Germany, holidays: [2027-10-03] }
waves:
${waves}
`;

testRule(waveCalendar, {
  valid: [
    {
      name: 'every wave declares its calendar',
      plan: plan('  - { wave: 1, name: Norway, calendar: no, teams: [sales-no] }\n  - { wave: 2, name: Germany, calendar: de, teams: [sales-de] }'),
    },
    {
      name: 'waves that bring the same teams live (in any order) may share the plan calendar',
      plan: plan('  - { wave: 1, teams: [sales-no, sales-de] }\n  - { wave: 2, teams: [sales-de, sales-no] }'),
    },
    {
      name: 'only one wave declares teams: nothing to compare',
      plan: plan('  - { wave: 1, name: Norway, teams: [sales-no] }\n  - { wave: 2, name: Germany }'),
    },
  ],
  invalid: [
    {
      name: 'waves with different teams: each wave without a calendar is reported at its number, with its name; no fix',
      plan: plan('  - { wave: 1, name: Norway, calendar: no, teams: [sales-no] }\n  - { wave: 2, name: Germany, teams: [sales-de] }\n  - wave: 3\n    teams: [sales-no, sales-de]'),
      errors: [
        {
          messageId: 'missing',
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 14,
          message:
            'wave 2 (Germany) declares no calendar, although the waves bring different teams live; give it a calendar with the holidays of the country its teams work in (calendars:, then calendar: on the wave)',
          suggestions: [],
        },
        { messageId: 'missing', line: 10, column: 11, endLine: 10, endColumn: 12, message: /^wave 3 declares no calendar, / , suggestions: [] },
      ],
      output: null,
    },
  ],
});
