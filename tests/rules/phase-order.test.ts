import { phaseOrder } from '../../server/src/engine/rules/phase-order';
import { testRule } from '../helpers/ruleTester';

testRule(phaseOrder, {
  valid: [
    {
      name: 'each wave keeps the order: wave 2 data and testing may run past wave 1 go-live',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: plan, name: Plan, kind: planning, duration: 1w }
  - { id: design, name: Design, kind: design, after: [plan], duration: 1w }
  - { id: test-1, name: Test 1, kind: testing, wave: 1, after: [design], duration: 1w }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, after: [test-1], duration: 1w }
  - { id: data-2, name: Data 2, kind: data-migration, wave: 2, start: 2027-01-25, end: 2027-02-12 }
  - { id: test-2, name: Test 2, kind: testing, wave: 2, after: [live-1], duration: 1w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, after: [test-2, data-2], duration: 1w }
`,
    },
    {
      name: 'design may start on the day planning ends, and testing for a wave without a go-live is not compared',
      plan: `plan: 1
name: Pilot
phases:
  - { id: plan, name: Plan, kind: planning, start: 2027-01-11, end: 2027-01-15 }
  - { id: design, name: Design, kind: design, start: 2027-01-15, end: 2027-01-22 }
  - { id: pilot-test, name: Pilot test, kind: testing, wave: 3, start: 2027-03-01, duration: 1w }
  - { id: live, name: Live, kind: go-live, start: 2027-02-01, duration: 1w }
`,
    },
    {
      name: 'configuration may overlap the design end by design_overlap working days',
      plan: `plan: 1
name: Pilot
phases:
  - { id: design, name: Design, kind: design, start: 2027-01-11, end: 2027-01-22 }
  - { id: build, name: Build, kind: configuration, start: 2027-01-20, end: 2027-02-05 }
  - { id: live, name: Live, kind: go-live, start: 2027-02-15, duration: 1w }
`,
      options: { design_overlap: 3 },
    },
    {
      name: 'configuration for wave 2 may start while wave 1 is still being designed',
      plan: `plan: 1
name: Pilot
phases:
  - { id: design-1, name: Design 1, kind: design, wave: 1, start: 2027-01-11, end: 2027-01-22 }
  - { id: build-2, name: Build 2, kind: configuration, wave: 2, start: 2027-01-18, end: 2027-02-05 }
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, start: 2027-02-15, duration: 1w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, start: 2027-03-15, duration: 1w }
`,
    },
  ],
  invalid: [
    {
      name: 'configuration that starts before its design ends is reported at its start',
      plan: `plan: 1
name: Pilot
phases:
  - { id: design, name: Design, kind: design, start: 2027-01-11, end: 2027-01-22 }
  - { id: build, name: Build, kind: configuration, start: 2027-01-20, end: 2027-02-05 }
  - { id: live, name: Live, kind: go-live, start: 2027-02-15, duration: 1w }
`,
      errors: [
        {
          messageId: 'configurationBeforeDesign',
          line: 5,
          column: 59,
          endLine: 5,
          endColumn: 69,
          message:
            'configuration phase "build" starts 2027-01-20, before design phase "design" ends (2027-01-22); configure according to the approved design: start on or after 2027-01-22, for example with after: [design]',
        },
      ],
      output: null,
    },
    {
      name: 'an overlap beyond design_overlap is reported, saying what the option allows',
      plan: `plan: 1
name: Pilot
phases:
  - { id: design, name: Design, kind: design, start: 2027-01-11, end: 2027-01-22 }
  - { id: build, name: Build, kind: configuration, start: 2027-01-20, end: 2027-02-05 }
  - { id: live, name: Live, kind: go-live, start: 2027-02-15, duration: 1w }
`,
      options: { design_overlap: 1 },
      errors: [
        {
          messageId: 'configurationBeforeDesign',
          line: 5,
          column: 59,
          endLine: 5,
          endColumn: 69,
          message:
            'configuration phase "build" starts 2027-01-20, before design phase "design" ends (2027-01-22) by more than the 1 working days design_overlap allows; configure according to the approved design: start on or after 2027-01-21, for example with after: [design]',
        },
      ],
      output: null,
    },
    {
      name: 'a design start before planning ends points at the start',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: plan, name: Plan, kind: planning, duration: 2w }
  - { id: design, name: Design, kind: design, start: 2027-01-18, duration: 1w }
  - { id: live, name: Live, kind: go-live, start: 2027-03-01, duration: 1w }
`,
      errors: [
        {
          messageId: 'designBeforePlanning',
          line: 6,
          column: 54,
          endLine: 6,
          endColumn: 64,
          message: 'design phase "design" starts 2027-01-18, before planning phase "plan" ends (2027-01-22); start the design after planning, for example with after: [plan]',
        },
      ],
      output: null,
    },
    {
      name: 'a design without its own start is reported at its id, against the planning phase that ends last',
      plan: `plan: 1
name: Pilot
calendar: { start: 2027-01-11 }
phases:
  - { id: scope, name: Scope, kind: planning, duration: 1w }
  - { id: vendor, name: Vendor, kind: planning, duration: 3w }
  - { id: design, name: Design, kind: design, after: [scope], duration: 2w }
`,
      errors: [
        {
          messageId: 'designBeforePlanning',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 17,
          message: 'design phase "design" starts 2027-01-18, before planning phase "vendor" ends (2027-01-29); start the design after planning, for example with after: [vendor]',
        },
      ],
      output: null,
    },
    {
      name: 'testing that ends on the day its go-live starts points at the end',
      plan: `plan: 1
name: Pilot
phases:
  - id: test
    name: Test
    kind: testing
    start: 2027-02-01
    end: 2027-02-08
  - { id: live, name: Live, kind: go-live, start: 2027-02-08, duration: 1w }
`,
      errors: [
        {
          messageId: 'endsAfterGoLive',
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 20,
          message: 'testing phase "test" ends 2027-02-08 but its go-live "live" starts 2027-02-08; finish testing by 2027-02-05 or move the go-live later',
        },
      ],
      output: null,
    },
    {
      name: 'wave 2 data migration that runs past wave 2 go-live points at its duration',
      plan: `plan: 1
name: Pilot
phases:
  - { id: live-1, name: Live 1, kind: go-live, wave: 1, start: 2027-02-01, duration: 1w }
  - { id: data-2, name: Data 2, kind: data-migration, wave: 2, start: 2027-02-01, duration: 4w }
  - { id: live-2, name: Live 2, kind: go-live, wave: 2, start: 2027-02-22, duration: 1w }
`,
      errors: [
        {
          messageId: 'endsAfterGoLive',
          line: 5,
          column: 93,
          endLine: 5,
          endColumn: 95,
          message: 'data-migration phase "data-2" ends 2027-02-26 but its go-live "live-2" starts 2027-02-22; finish data-migration by 2027-02-19 or move the go-live later',
        },
      ],
      output: null,
    },
  ],
});
