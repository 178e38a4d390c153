import { ownerOverload } from '../../server/src/engine/rules/owner-overload';
import { testRule } from '../helpers/ruleTester';

const HEADER = `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
teams: [it]
people: [{ id: priya, name: Priya }, { id: sam, name: Sam }]
`;

testRule(ownerOverload, {
  valid: [
    {
      name: 'three overlapping phases for one person is within the default max of 3',
      plan: `${HEADER}phases:
  - { id: discovery, name: Discovery, kind: planning, owner: priya, duration: 2w }
  - { id: design, name: Design, kind: design, owner: priya, start: 2027-01-18, duration: 2w }
  - { id: data, name: Data, kind: data-migration, owner: priya, start: 2027-01-18, duration: 4w }
  - { id: testing, name: Testing, kind: testing, owner: priya, start: 2027-02-01, duration: 1w }
`,
    },
    {
      name: 'a declared team may own any number of overlapping phases',
      plan: `${HEADER}phases:
  - { id: a, name: A, kind: planning, owner: it, duration: 2w }
  - { id: b, name: B, kind: design, owner: it, duration: 2w }
  - { id: c, name: C, kind: configuration, owner: it, duration: 2w }
  - { id: d, name: D, kind: testing, owner: it, duration: 2w }
`,
    },
    {
      name: 'phases that overlap only on a weekend do not overload anyone (max 1)',
      options: { max: 1 },
      plan: `${HEADER}phases:
  - { id: a, name: A, kind: planning, owner: sam, start: 2027-01-11, end: 2027-01-16 }
  - { id: b, name: B, kind: design, owner: sam, start: 2027-01-16, end: 2027-01-20 }
`,
    },
  ],
  invalid: [
    {
      name: 'five overlapping phases: one finding at the owner of the fourth by start, ties by file order',
      plan: `${HEADER}phases:
  - { id: discovery, name: Discovery, kind: planning, owner: priya, duration: 2w }
  - { id: design, name: Design, kind: design, owner: priya, start: 2027-01-18, duration: 2w }
  - { id: data, name: Data, kind: data-migration, owner: priya, start: 2027-01-18, duration: 4w }
  - { id: training, name: Training, kind: training, owner: priya, start: 2027-01-20, duration: 1w }
  - { id: testing, name: Testing, kind: testing, owner: priya, start: 2027-01-20, duration: 1w }
`,
      errors: [
        {
          messageId: 'overloaded',
          line: 10,
          column: 60,
          endLine: 10,
          endColumn: 65,
          message:
            'person "priya" owns 5 phases on 2027-01-20 ("discovery", "design", "data", "training" and "testing"), more than 3; give "training" another owner or move it so that fewer of them overlap',
        },
      ],
      output: null,
    },
    {
      name: 'with max 1 the first overloaded day is the first working day both phases share, once per person',
      options: { max: 1 },
      plan: `${HEADER}phases:
  - { id: a, name: A, kind: planning, owner: sam, start: 2027-01-11, duration: 2w }
  - { id: b, name: B, kind: design, owner: sam, start: 2027-01-16, duration: 1w }
  - { id: c, name: C, kind: configuration, owner: sam, start: 2027-01-19, duration: 1w }
  - { id: d, name: D, kind: testing, owner: priya, start: 2027-02-01, duration: 1w }
  - { id: e, name: E, kind: training, owner: priya, start: 2027-02-05, duration: 1w }
`,
      errors: [
        {
          messageId: 'overloaded',
          line: 8,
          column: 44,
          endLine: 8,
          endColumn: 47,
          message: 'person "sam" owns 2 phases on 2027-01-18 ("a" and "b"), more than 1; give "b" another owner or move it so that fewer of them overlap',
        },
        { messageId: 'overloaded', line: 11, column: 46, endLine: 11, endColumn: 51, message: /^person "priya" owns 2 phases on 2027-02-05 \("d" and "e"\)/ },
      ],
      output: null,
    },
  ],
});
