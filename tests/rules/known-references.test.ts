import { knownReferences } from '../../server/src/engine/rules/known-references';
import { testRule } from '../helpers/ruleTester';

const PEOPLE = `people:
  - { id: dana, name: Dana }
  - { id: priya, name: Priya }
`;

testRule(knownReferences, {
  valid: [
    {
      name: 'owners, sponsor, after and audiences all resolve, including imported people',
      plan: `plan: 1
name: Pilot
sponsor: dana
owner: sam
imports: [people.yaml]
teams: [sales]
${PEOPLE}phases:
  - { id: a, name: A, kind: planning, owner: priya }
  - { id: b, name: B, kind: training, owner: sales, after: [a], audiences: [sales] }
`,
      files: { '/work/people.yaml': 'people:\n  - { id: sam, name: Sam }\n' },
    },
    {
      name: 'refs may name any declared id',
      plan: `plan: 1
name: Pilot
integrations: [{ id: erp, system: SAP }]
phases:
  - id: test
    name: Test
    kind: testing
    checklist: [{ task: Test ERP sync, refs: [erp, test] }]
`,
    },
    {
      name: 'after may name milestones, as ids or in { id, type, lag } entries; calendars and waves resolve, imported calendars too',
      plan: `plan: 1
name: Waves
imports: [calendars.yaml]
teams: [sales-fr]
calendars: [{ id: fr, name: France }]
waves:
  - { wave: 1, name: France, calendar: fr, teams: [sales-fr] }
  - { wave: 2, name: Germany, calendar: de }
phases:
  - { id: a, name: A, kind: design, milestones: [{ id: signed-off, name: Signed off }] }
  - { id: b, name: B, kind: configuration, wave: 1, after: [signed-off, { id: a, type: ss, lag: 2d }] }
  - { id: c, name: C, kind: testing, wave: 2, calendar: fr, after: [{ id: signed-off, lag: 1w }] }
`,
      files: { '/work/calendars.yaml': 'calendars:\n  - { id: de, name: Germany, holidays: [2027-10-03] }\n' },
    },
    {
      name: 'wave numbers are free while no waves are declared',
      plan: `plan: 1
name: Pilot
phases:
  - { id: a, name: A, kind: go-live, wave: 7 }
`,
    },
  ],
  invalid: [
    {
      name: 'a milestone id typo in after gets did-you-mean among phases and milestones',
      plan: `plan: 1
name: Pilot
phases:
  - { id: design, name: D, kind: design, milestones: [{ id: design-signed-off, name: Signed off }] }
  - { id: build, name: B, kind: configuration, after: [design-signed-of] }
`,
      errors: [
        {
          messageId: 'unknown',
          line: 5,
          column: 56,
          endLine: 5,
          endColumn: 72,
          message: 'after "design-signed-of" is not a declared phase or milestone; did you mean "design-signed-off"?',
        },
      ],
      output: `plan: 1
name: Pilot
phases:
  - { id: design, name: D, kind: design, milestones: [{ id: design-signed-off, name: Signed off }] }
  - { id: build, name: B, kind: configuration, after: [design-signed-off] }
`,
    },
    {
      name: 'the id of a { id, type, lag } entry is checked too',
      plan: `plan: 1
name: Pilot
phases:
  - { id: uat, name: U, kind: testing }
  - { id: training, name: T, kind: training, after: [{ id: uta, type: ss, lag: 5d }] }
`,
      errors: [{ messageId: 'unknown', line: 5, column: 60, endLine: 5, endColumn: 63, message: 'after "uta" is not a declared phase or milestone; did you mean "uat"?' }],
      output: `plan: 1
name: Pilot
phases:
  - { id: uat, name: U, kind: testing }
  - { id: training, name: T, kind: training, after: [{ id: uat, type: ss, lag: 5d }] }
`,
    },
    {
      name: 'a calendar id typo, in a phase and in a wave, gets did-you-mean',
      plan: `plan: 1
name: Pilot
calendars: [{ id: germany, name: Germany }]
waves: [{ wave: 1, calendar: germny }]
phases:
  - { id: a, name: A, kind: planning, wave: 1, calendar: gremany }
`,
      errors: [
        { messageId: 'unknown', line: 4, column: 30, endLine: 4, endColumn: 36, message: 'calendar "germny" is not a declared calendar; did you mean "germany"?' },
        { messageId: 'unknown', line: 6, column: 58, endLine: 6, endColumn: 65, message: 'calendar "gremany" is not a declared calendar; did you mean "germany"?' },
      ],
      output: `plan: 1
name: Pilot
calendars: [{ id: germany, name: Germany }]
waves: [{ wave: 1, calendar: germany }]
phases:
  - { id: a, name: A, kind: planning, wave: 1, calendar: germany }
`,
    },
    {
      name: 'a wave number not declared in waves gets the nearest declared one',
      plan: `plan: 1
name: Pilot
waves: [{ wave: 1, name: France }, { wave: 2, name: Germany }]
phases:
  - { id: a, name: A, kind: go-live, wave: 3 }
`,
      errors: [{ messageId: 'unknownWave', line: 5, column: 44, endLine: 5, endColumn: 45, message: 'wave 3 of phase "a" is not declared in "waves"; did you mean 2? Declared: 1, 2' }],
      output: `plan: 1
name: Pilot
waves: [{ wave: 1, name: France }, { wave: 2, name: Germany }]
phases:
  - { id: a, name: A, kind: go-live, wave: 2 }
`,
    },
    {
      name: 'a calendar typo is matched against imported calendars too',
      plan: `plan: 1
name: Pilot
imports: [calendars.yaml]
phases:
  - { id: a, name: A, kind: planning, calendar: uk-holidays }
`,
      files: { '/work/calendars.yaml': 'calendars:\n  - { id: uk-holiday, name: United Kingdom }\n' },
      errors: [{ messageId: 'unknown', line: 5, column: 49, endLine: 5, endColumn: 60, message: 'calendar "uk-holidays" is not a declared calendar; did you mean "uk-holiday"?' }],
      output: `plan: 1
name: Pilot
imports: [calendars.yaml]
phases:
  - { id: a, name: A, kind: planning, calendar: uk-holiday }
`,
    },
    {
      name: 'a calendar id in a plan that declares no calendar asks to declare it',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: a, name: A, kind: planning, duration: 1w, calendar: fr }
`,
      errors: [{ messageId: 'unknown', line: 5, column: 63, endLine: 5, endColumn: 65, message: 'calendar "fr" is not a declared calendar; declare it or use one of the declared ids' }],
      output: null,
    },
    {
      name: 'after naming a calendar, and a calendar naming a phase, are the wrong kind',
      plan: `plan: 1
name: Pilot
calendars: [{ id: fr }]
phases:
  - { id: a, name: A, kind: planning, after: [fr] }
  - { id: b, name: B, kind: design, calendar: a }
`,
      errors: [
        { messageId: 'wrongKind', line: 5, column: 47, endLine: 5, endColumn: 49, message: 'after "fr" is a calendar, not a phase or milestone; name a phase or milestone id here' },
        { messageId: 'wrongKind', line: 6, column: 47, endLine: 6, endColumn: 48, message: 'calendar "a" is a phase, not a calendar; name a calendar id here' },
      ],
      output: null,
    },
    {
      name: 'malformed after entries, calendars and waves leave the well-formed references checked',
      plan: `plan: 1
name: Pilot
calendars: [{ name: No id }, { id: 5 }]
waves: [{ name: No number }, { wave: x }, { wave: 1, calendar: frr }]
phases:
  - { id: a, name: A, kind: design, wave: 2, calendar: 7, milestones: [{ id: signed-off, name: S }] }
  - { id: b, name: B, kind: design, after: [{ type: ss }, { id: 5 }, [a], ~, { id: sigend-off, lag: 2d }] }
`,
      errors: [
        { messageId: 'unknown', line: 4, column: 64, endLine: 4, endColumn: 67, message: 'calendar "frr" is not a declared calendar; declare it or use one of the declared ids' },
        { messageId: 'unknownWave', line: 6, column: 43, endLine: 6, endColumn: 44, message: 'wave 2 of phase "a" is not declared in "waves"; did you mean 1? Declared: 1' },
        { messageId: 'unknown', line: 7, column: 84, endLine: 7, endColumn: 94, message: 'after "sigend-off" is not a declared phase or milestone; did you mean "signed-off"?' },
      ],
      output: `plan: 1
name: Pilot
calendars: [{ name: No id }, { id: 5 }]
waves: [{ name: No number }, { wave: x }, { wave: 1, calendar: frr }]
phases:
  - { id: a, name: A, kind: design, wave: 1, calendar: 7, milestones: [{ id: signed-off, name: S }] }
  - { id: b, name: B, kind: design, after: [{ type: ss }, { id: 5 }, [a], ~, { id: signed-off, lag: 2d }] }
`,
    },
    {
      name: 'an owner typo gets did-you-mean and a safe replacement',
      plan: `plan: 1
name: Pilot
${PEOPLE}phases:
  - { id: a, name: A, kind: planning, owner: priay }
`,
      errors: [{ messageId: 'unknown', line: 7, column: 46, endLine: 7, endColumn: 51, message: 'owner "priay" is not a declared person or team; did you mean "priya"?' }],
      output: `plan: 1
name: Pilot
${PEOPLE}phases:
  - { id: a, name: A, kind: planning, owner: priya }
`,
    },
    {
      name: 'after naming a person is the wrong kind',
      plan: `plan: 1
name: Pilot
${PEOPLE}phases:
  - { id: a, name: A, kind: planning, after: [dana] }
`,
      errors: [{ messageId: 'wrongKind', line: 7, column: 47, endLine: 7, endColumn: 51, message: 'after "dana" is a person, not a phase or milestone; name a phase or milestone id here' }],
      output: null,
    },
    {
      name: 'an unknown sponsor far from any declared id offers only the person stub',
      plan: `plan: 1
name: Pilot
sponsor: zebediah
${PEOPLE}`,
      errors: [{ messageId: 'unknown', line: 3, column: 10, endLine: 3, endColumn: 18, message: 'sponsor "zebediah" is not a declared person; declare it or use one of the declared ids' }],
      output: null,
    },
  ],
});
