import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import configSchema from '../../schemas/config.schema.json';
import directorySchema from '../../schemas/directory.schema.json';
import planSchema from '../../schemas/plan.schema.json';
import { MAX_ALIAS_COUNT, parseSource } from '../../server/src/engine/parse';
import { validateAgainstSchema } from '../../server/src/engine/schema';
import type { SchemaKind } from '../../server/src/engine/schemaFiles';
import type { Finding } from '../../server/src/engine/types';

function validate(kind: SchemaKind, text: string, path = 'test.rollout.yaml'): Finding[] {
  const { source, fatal } = parseSource(path, text);
  expect(fatal).toBe(false);
  return validateAgainstSchema(kind, source, source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
}

/** One finding, as [message, startLine, startChar, endLine, endChar] for exact comparison. */
function summary(f: Finding): [string, number, number, number, number] {
  return [f.message, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
}

/** The plan-format.md example with the elided phases written out and every section used. */
const FULL_PLAN = `plan: 1
name: Northwind Service Cloud rollout
organization: { name: Northwind Traders, size: mid }
crm:
  product: Dynamics 365 Customer Service
  type: operational
  replaces: [Zendesk, support spreadsheets]
sponsor: dana
owner: priya
calendar:
  start: 2027-01-11
  workdays: [mon, tue, wed, thu, fri]
  holidays: [2027-05-31, 2027-07-05]
imports: [../people.yaml]
teams: [service, sales, marketing, it]
people:
  - { id: dana, name: Dana Whitfield, role: executive-sponsor, team: leadership }
  - { id: priya, name: Priya Raman, role: project-owner, team: it, email: priya@northwind.example }
  - { id: sam, name: Sam Okafor, role: data-steward, team: it }
objectives:
  - id: faster-response
    statement: Cut first-response time on support tickets
    metric: median first response, hours
    baseline: 9
    target: 4
    due: 2027-09-30
    owner: dana
  - { id: csat, statement: Raise customer satisfaction, baseline: 71%, target: "80%" }
phases:
  - id: discovery
    name: Discovery and planning
    kind: planning
    owner: priya
    start: 2027-01-11
    duration: 4w
    checklist:
      - { task: "Interview service, sales and marketing leads", owner: priya, tags: [stakeholders], due: 2027-01-22, done: true }
    milestones:
      - { id: charter-signed, name: Charter signed, date: 2027-02-05, owner: dana, gate: true, criteria: [Objectives approved by sponsor] }
  - id: data
    name: Data preparation and migration
    kind: data-migration
    owner: sam
    after: [discovery]
    duration: 6w
    checklist:
      - { task: Back up the legacy ticket database, owner: sam, tags: [backup] }
      - { task: Trial migration into the sandbox, owner: sam, tags: [test-migration] }
      - { task: Reconcile record counts after migration, owner: sam, tags: [validation] }
  - { id: design, name: Solution design, kind: design, owner: priya, after: [discovery], duration: 3w }
  - { id: build, name: Configuration, kind: configuration, owner: priya, after: [design], duration: 30d }
  - id: uat
    name: Testing
    kind: testing
    owner: priya
    after: [build, data]
    end: 2027-06-18
    checklist:
      - { id: erp-test, task: Test the ERP sync, tags: [integration-test], refs: [erp] }
      - { task: User acceptance test, tags: [uat, x-signoff] }
  - { id: train, name: Agent training, kind: training, owner: priya, after: [uat], duration: 2w, audiences: [service, sales, marketing, it] }
  - id: go-live
    name: Go-live
    kind: go-live
    owner: priya
    after: [train]
    duration: 1d
    wave: 1
    milestones:
      - { id: go-no-go, name: Go/no-go, gate: true, criteria: [UAT signed off, Rollback rehearsed] }
  - { id: hypercare, name: Hypercare, kind: support, owner: sam, after: [go-live], duration: 4w }
integrations:
  - { id: erp, system: SAP S/4HANA, direction: bidirectional, owner: priya }
customizations:
  - { id: warranty-object, name: Warranty claims object, supports: [faster-response], priority: must, owner: priya }
risks:
  - { id: dirty-data, description: Duplicate contacts in legacy data, likelihood: high, impact: high, mitigation: Dedupe before the trial migration, owner: sam }
kpis:
  - { id: adoption, name: Weekly active agents / licensed agents, target: 85%, review: monthly, measures: adoption, owner: priya }
  - { id: first-response, name: Median first response, target: 4, review: weekly }
budget:
  currency: USD
  lines:
    - { category: licenses, amount: 90000 }
    - { category: data-migration, amount: 20000 }
    - { category: integration, amount: 25000 }
    - { category: training, amount: 15000 }
    - { category: support, amount: 12000.5 }
governance:
  crm_owner: priya
  change_control: Change requests reviewed fortnightly by the CRM board
  data_stewards: [sam]
  retention: Closed tickets deleted after 6 years
`;

describe('plan schema: valid plans', () => {
  it('accepts the full example plan with zero findings', () => {
    expect(validate('plan', FULL_PLAN)).toEqual([]);
  });

  it('accepts the smallest plan: plan and name', () => {
    expect(validate('plan', 'plan: 1\nname: Pilot\n')).toEqual([]);
  });

  it('accepts x- keys at every level of a plan', () => {
    const text = `plan: 1
name: X
x-top: { anything: [1, 2] }
organization: { name: N, x-region: emea }
crm: { product: P, x-edition: pro }
calendar: { start: 2027-01-04, x-tz: Europe/Berlin }
people:
  - { id: a, name: A, x-slack: "@a" }
objectives:
  - { id: o, statement: S, x-source: board }
phases:
  - id: p
    name: P
    kind: planning
    x-colour: blue
    checklist:
      - { task: T, x-ticket: CRM-1 }
    milestones:
      - { id: m, name: M, x-note: n }
integrations:
  - { id: i, system: S, x-api: rest }
customizations:
  - { id: c, name: C, x-effort: 3 }
risks:
  - { id: r, description: D, x-score: 9 }
kpis:
  - { id: k, name: K, x-dashboard: url }
budget:
  x-approved: true
  lines:
    - { category: other, amount: 1, x-po: 42 }
governance: { crm_owner: a, x-board: monthly }
`;
    expect(validate('plan', text)).toEqual([]);
  });
});

describe('plan schema: messages and ranges', () => {
  it('reports a misspelt key with did-you-mean on the exact range of the key', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - id: discovery\n    name: Discovery\n    kind: planning\n    duraton: 4w\n';
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([['"duraton" is not a phase field; did you mean "duration"?', 6, 4, 6, 11]]);
    expect(findings[0]).toMatchObject({ ruleId: 'schema', messageId: 'unknownKey', severity: 'error', offsets: [85, 92] });
    expect(text.slice(85, 92)).toBe('duraton');
  });

  it('offers renaming a misspelt key as a safe fix when the right key is not there yet', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - id: discovery\n    name: Discovery\n    kind: planning\n    duraton: 4w\n';
    const [finding] = validate('plan', text);
    expect(finding.fixes).toEqual([{ title: 'rename to "duration"', edits: [{ start: 85, end: 92, newText: 'duration' }], kind: 'fix' }]);
  });

  it('lists the allowed fields when an unknown key resembles none', () => {
    const findings = validate('plan', 'plan: 1\nname: X\nrisks:\n  - { id: r, description: D, colour: red }\n');
    expect(findings.map(summary)).toEqual([
      ['"colour" is not a risk field; use one of id, description, likelihood, impact, mitigation, owner, or start your own keys with "x-"', 3, 29, 3, 35],
    ]);
  });

  it('reports an unknown key under a flow map on the key', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - id: p\n    name: P\n    kind: testing\n    checklist:\n      - { task: Test, owner: sam, tagz: [uat] }\n';
    expect(validate('plan', text).map(summary)).toEqual([['"tagz" is not a checklist item field; did you mean "tags"?', 7, 34, 7, 38]]);
  });

  it('explains that a comma inside { } cut a text short, and offers quoting it', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - id: p\n    name: P\n    kind: planning\n    checklist:\n      - { task: Interview service, sales and marketing leads, tags: [stakeholders] }\n';
    const [finding, ...others] = validate('plan', text);
    expect(others).toEqual([]);
    expect(summary(finding)).toEqual([
      '"sales and marketing leads" is not a checklist item field; inside { } a comma ends a value, so quote text that contains commas: task: "Interview service, sales and marketing leads"',
      7,
      35,
      7,
      60,
    ]);
    const [edit] = finding.fixes?.[0].edits ?? [];
    expect(text.slice(0, edit.start) + edit.newText + text.slice(edit.end)).toContain('- { task: "Interview service, sales and marketing leads", tags: [stakeholders] }');
  });

  it('reports a missing required key with the entity id, the allowed values, at the first key of the mapping', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - id: discovery\n    name: Discovery\n';
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([
      [
        'phase "discovery" is missing "kind"; add kind: one of planning, design, configuration, data-migration, testing, training, go-live, support, optimization',
        3,
        4,
        3,
        6,
      ],
    ]);
    expect(findings[0].messageId).toBe('missingKey');
  });

  it('reports a missing key of an item without id by its title, with an example', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - id: p\n    name: P\n    kind: testing\n    checklist:\n      - { owner: sam, tags: [uat] }\n';
    expect(validate('plan', text).map(summary)).toEqual([
      ['a checklist item is missing "task"; add it, e.g. task: Back up the legacy ticket database', 7, 10, 7, 15],
    ]);
  });

  it('reports missing top-level keys on the first key of the file', () => {
    const findings = validate('plan', '# my plan\nname: X\n');
    expect(findings.map(summary)).toEqual([['the plan is missing "plan"; add plan: 1', 1, 0, 1, 4]]);
  });

  it('reports a bad enum value on the value with the allowed values', () => {
    const text = 'plan: 1\nname: X\nrisks:\n  - id: r\n    description: D\n    likelihood: sometimes\n';
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([['"sometimes" is not a valid likelihood; use one of low, medium, high', 5, 16, 5, 25]]);
    expect(findings[0].messageId).toBe('badEnum');
  });

  it('suggests the enum value a typo is closest to and offers it as a fix', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - { id: p, name: P, kind: planing }\n';
    const [finding] = validate('plan', text);
    expect(summary(finding)).toEqual(['"planing" is not a valid phase kind; did you mean "planning"?', 3, 28, 3, 35]);
    expect(finding.fixes).toEqual([{ title: 'replace with "planning"', edits: [{ start: 52, end: 59, newText: 'planning' }], kind: 'fix' }]);
  });

  it('reports a date that does not exist with the ISO form to use', () => {
    const text = 'plan: 1\nname: X\ncalendar:\n  start: 2027-13-01\n  holidays: [2027-02-30]\n';
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([
      ['"2027-13-01" is not a date; write dates as YYYY-MM-DD', 3, 9, 3, 19],
      ['"2027-02-30" is not a date; write dates as YYYY-MM-DD', 4, 13, 4, 23],
    ]);
    expect(findings.map((f) => f.messageId)).toEqual(['badFormat', 'badFormat']);
  });

  it('reports a date in another form once, not once per broken keyword', () => {
    const findings = validate('plan', 'plan: 1\nname: X\ncalendar: { start: 11/01/2027 }\n');
    expect(findings.map(summary)).toEqual([['"11/01/2027" is not a date; write dates as YYYY-MM-DD', 2, 19, 2, 29]]);
  });

  it('reports a duration in words with the forms to use', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - { id: p, name: P, kind: design, duration: 6 weeks }\n';
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([['"6 weeks" is not a duration; write working days as 10d or weeks as 4w', 3, 46, 3, 53]]);
    expect(findings[0].messageId).toBe('badPattern');
  });

  it('reports a plan version other than 1', () => {
    const findings = validate('plan', 'plan: 2\nname: X\n');
    expect(findings.map(summary)).toEqual([['"plan" must be 1 (the format version)', 0, 6, 0, 7]]);
    expect(findings[0].messageId).toBe('badValue');
  });

  it('reports an id that is not kebab-case with the kebab-case spelling', () => {
    const findings = validate('plan', 'plan: 1\nname: X\nteams: [service, Field Sales]\n');
    expect(findings.map(summary)).toEqual([['"Field Sales" is not a valid id; ids are lower-case words joined by hyphens, such as "field-sales"', 2, 17, 2, 28]]);
  });

  it('reports a wrong scalar type on the value', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - { id: p, name: P, kind: go-live, wave: two }\n';
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([['"wave" must be a whole number, not "two"', 3, 43, 3, 46]]);
    expect(findings[0].messageId).toBe('wrongType');
  });

  it('reports a block of the wrong type on its key and nothing inside it', () => {
    const text = 'plan: 1\nname: X\nphases:\n  id: p\n  name: P\n  kind: nonsense\n  bogus: 1\n';
    expect(validate('plan', text).map(summary)).toEqual([['"phases" must be a list, not a mapping', 2, 0, 2, 6]]);
  });

  it('reports a list item of the wrong type on the item', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - { id: p, name: P, kind: data-migration, checklist: [Back up the database] }\n';
    expect(validate('plan', text).map(summary)).toEqual([['each checklist item must be a mapping, not "Back up the database"', 3, 56, 3, 76]]);
  });

  it('reports an empty value on its key with what to write', () => {
    const text = 'plan: 1\nname: X\ngovernance:\n  crm_owner:\n';
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([['"crm_owner" has no value; write a person id', 3, 2, 3, 11]]);
    expect(findings[0].messageId).toBe('emptyValue');
  });

  it('reports an empty list item on its dash', () => {
    const text = 'plan: 1\nname: X\nrisks:\n  -\n  - { id: r, description: D }\n';
    expect(validate('plan', text).map(summary)).toEqual([['entry 1 of "risks" is empty; write a risk, or remove the entry', 3, 2, 3, 3]]);
  });

  it('reports a repeated workday on the repetition', () => {
    const text = 'plan: 1\nname: X\ncalendar: { workdays: [mon, tue, mon] }\n';
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([['"mon" appears twice in "workdays"; remove one of them', 2, 33, 2, 36]]);
    expect(findings[0].messageId).toBe('duplicateItem');
  });

  it('reports a number below the minimum', () => {
    const text = 'plan: 1\nname: X\nbudget: { lines: [{ category: training, amount: -5 }] }\n';
    expect(validate('plan', text).map(summary)).toEqual([['-5 is too small for "amount"; use 0 or more', 2, 48, 2, 50]]);
  });

  it('accepts a string or a number as kpi target and objective baseline, but not a list', () => {
    const ok = 'plan: 1\nname: X\nobjectives: [{ id: o, statement: S, baseline: 62%, target: 80 }]\nkpis: [{ id: k, name: K, target: 85% }, { id: l, name: L, target: 4.5 }]\n';
    expect(validate('plan', ok)).toEqual([]);
    const bad = 'plan: 1\nname: X\nkpis: [{ id: k, name: K, target: [85] }]\n';
    expect(validate('plan', bad).map(summary)).toEqual([['"target" must be text or a number, not a list', 2, 33, 2, 37]]);
  });

  it('does not enumerate checklist tags: an unknown tag is the known-tags rule\'s finding', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - { id: p, name: P, kind: testing, checklist: [{ task: T, tags: [smoke-test] }] }\n';
    expect(validate('plan', text)).toEqual([]);
  });

  it('reports an empty plan file', () => {
    const findings = validate('plan', '');
    expect(findings.map((f) => [f.messageId, f.message])).toEqual([['emptyDocument', 'this file is empty; a plan needs at least "plan" and "name"']]);
  });

  it('reports a document that is a list instead of a mapping once', () => {
    expect(validate('plan', '- plan: 1\n- name: X\n').map((f) => f.message)).toEqual(['the plan must be a mapping, not a list']);
  });

  it('accepts every Version 1.1 field', () => {
    const text = `plan: 1
name: X
calendar: { start: 2027-03-01, extra_working_days: [2027-06-19] }
calendars:
  - { id: de, name: Germany, workdays: [mon, tue, wed, thu, fri], holidays: [2027-10-03], extra_working_days: [2027-06-20] }
waves:
  - { wave: 1, name: Germany, calendar: de, teams: [sales-dach] }
phases:
  - id: design
    name: D
    kind: design
    calendar: de
    wave: 1
    actual: { start: 2027-03-01, end: 2027-03-26 }
    milestones: [{ id: signed-off, name: Signed off, achieved: 2027-03-19 }]
    checklist: [{ task: A, done: 2027-03-02 }, { task: B, done: true }]
  - { id: build, name: B, kind: configuration, after: [signed-off, { id: design, type: ss, lag: 0d }, { id: design, lag: 2w }] }
`;
    expect(validate('plan', text)).toEqual([]);
  });

  it('explains what an after entry may be', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - { id: b, name: B, kind: testing, after: [5, { id: a, type: sf, lag: 3 }, { id: a, lag: -1d }] }\n';
    expect(validate('plan', text).map(summary)).toEqual([
      ['each entry of "after" must be a phase or milestone id, or { id, type, lag }, not 5', 3, 45, 3, 46],
      ['"sf" is not a valid dependency type; did you mean "fs"?', 3, 63, 3, 65],
      ['"lag" must be text, not 3', 3, 72, 3, 73],
      ['"-1d" is not in the form "lag" expects; for example 5d', 3, 91, 3, 94],
    ]);
  });

  it('records the instance path and a stable id path in the finding', () => {
    const text = 'plan: 1\nname: X\nphases:\n  - { id: uat, name: U, kind: testing, checklist: [{ task: T, done: 3 }] }\n';
    const [finding] = validate('plan', text);
    expect(finding.idPath).toBe('phases/uat/checklist/0/done');
    expect(finding.data).toMatchObject({ schema: 'plan', instancePath: '/phases/0/checklist/0/done', keyword: 'type' });
  });
});

describe('plan schema: aliases and merges', () => {
  it('maps an error in an aliased value to the alias, with the anchor as related location', () => {
    const text = 'plan: 1\nname: X\nx-levels:\n  usual: &usual sometimes\nrisks:\n  - { id: r, description: D, likelihood: *usual }\n';
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([['"sometimes" is not a valid likelihood; use one of low, medium, high', 5, 41, 5, 47]]);
    expect(text.slice(...findings[0].offsets)).toBe('*usual');
    expect(findings[0].related).toEqual([
      { file: 'test.rollout.yaml', range: { start: { line: 3, character: 16 }, end: { line: 3, character: 25 } }, message: 'the value of alias "*usual" is defined here' },
    ]);
  });

  it('reports an error inside a merged mapping once, on the real node, however many items merge it', () => {
    const text = `plan: 1
name: X
x-base: &base { kind: planing, owner: priya }
phases:
  - { <<: *base, id: a, name: A }
  - { <<: *base, id: b, name: B }
`;
    const findings = validate('plan', text);
    expect(findings.map(summary)).toEqual([['"planing" is not a valid phase kind; did you mean "planning"?', 2, 22, 2, 29]]);
    expect(text.slice(...findings[0].offsets)).toBe('planing');
  });

  it('reports an unknown key inside a merged mapping on that key', () => {
    const text = 'plan: 1\nname: X\nx-base: &base { kind: design, mielstones: [] }\nphases:\n  - { <<: *base, id: a, name: A }\n';
    expect(validate('plan', text).map(summary)).toEqual([['"mielstones" is not a phase field; did you mean "milestones"?', 2, 30, 2, 40]]);
  });

  it('walks through an aliased list to the item with the error', () => {
    const text = 'plan: 1\nname: X\nx-lines: &lines\n  - { category: trainig, amount: 5 }\nbudget: { lines: *lines }\n';
    expect(validate('plan', text).map(summary)).toEqual([['"trainig" is not a valid budget category; did you mean "training"?', 3, 16, 3, 23]]);
  });
});

describe('directory schema', () => {
  it('accepts people, teams, calendar holidays and x- keys', () => {
    const text = `people:
  - { id: dana, name: Dana Whitfield, role: executive-sponsor, x-office: Leeds }
teams: [service, sales]
calendar:
  holidays: [2027-12-24, 2027-12-31]
  x-source: HR
x-maintainer: it
`;
    expect(validate('directory', text, 'people.yaml')).toEqual([]);
  });

  it('accepts a directory that imports another', () => {
    expect(validate('directory', 'imports: [./holidays.yaml]\nteams: [it]\n', 'people.yaml')).toEqual([]);
  });

  it('accepts an empty directory file', () => {
    expect(validate('directory', '', 'people.yaml')).toEqual([]);
  });

  it('rejects phases with the fields a directory may hold', () => {
    const findings = validate('directory', 'teams: [it]\nphases: []\n', 'people.yaml');
    expect(findings.map(summary)).toEqual([
      ['"phases" is not a directory field; use one of people, teams, calendar, calendars, imports, or start your own keys with "x-"', 1, 0, 1, 6],
    ]);
  });

  it('accepts named calendars', () => {
    expect(validate('directory', 'calendars:\n  - { id: de, name: Germany, holidays: [2027-10-03], extra_working_days: [2027-06-19] }\n', 'calendars.yaml')).toEqual([]);
  });

  it('rejects calendar keys other than holidays', () => {
    const findings = validate('directory', 'calendar:\n  start: 2027-01-04\n', 'people.yaml');
    expect(findings.map(summary)).toEqual([['"start" is not a directory calendar field; use holidays, or start your own keys with "x-"', 1, 2, 1, 7]]);
  });

  it('checks people with the plan schema\'s definitions', () => {
    const findings = validate('directory', 'people:\n  - { id: Dana, name: Dana, email: dana-at-example }\n', 'people.yaml');
    expect(findings.map(summary)).toEqual([
      ['"Dana" is not a valid id; ids are lower-case words joined by hyphens, such as "dana"', 1, 10, 1, 14],
      ['"dana-at-example" is not an e-mail address; write it as name@example.com', 1, 35, 1, 50],
    ]);
  });
});

describe('config schema', () => {
  it('accepts the example configuration from rules.md', () => {
    const text = `extends: recommended              # recommended | strict | all
rules:
  realistic-timeline: off
  owner-overload: [warning, { max: 4 }]
  budget-coverage: [warning, { require: [contingency] }]
overrides:
  - files: ["pilots/**"]
    rules: { required-phases: off }
`;
    expect(validate('config', text, '.crm-rollout.yaml')).toEqual([]);
  });

  it('accepts every typed rule option, a relative extends path, bare severities and x- keys', () => {
    const text = `extends: ../.crm-rollout.yaml
rules:
  owner-required: [warning, { inherit: false }]
  over-customization: [info, { max: 5 }]
  long-timeline: [info, { factor: 1.5 }]
  realistic-timeline: [warning, { ranges: { small: { min: 20d }, mid: { min: 2m }, enterprise: { min: 26w } } }]
  executive-sponsor: [error]
  some-future-rule: [warning, { anything: 1 }]
x-owner: platform-team
`;
    expect(validate('config', text, '.crm-rollout.yaml')).toEqual([]);
  });

  it('accepts an empty configuration file', () => {
    expect(validate('config', '', '.crm-rollout.yaml')).toEqual([]);
  });

  it('rejects owner-overload max 0 with one message on the value', () => {
    const findings = validate('config', 'rules:\n  owner-overload: [warning, { max: 0 }]\n', '.crm-rollout.yaml');
    expect(findings.map(summary)).toEqual([['0 is too small for "max"; use 1 or more', 1, 35, 1, 36]]);
  });

  it('rejects an unknown preset name and suggests the closest preset', () => {
    const findings = validate('config', 'extends: recommend\n', '.crm-rollout.yaml');
    expect(findings.map(summary)).toEqual([['"recommend" is not a preset or a relative path; did you mean "recommended"?', 0, 9, 0, 18]]);
  });

  it('rejects a preset name unlike any preset with the choices', () => {
    const findings = validate('config', 'extends: eslint\n', '.crm-rollout.yaml');
    expect(findings.map((f) => f.message)).toEqual(['"eslint" is not a preset or a relative path; use recommended, strict or all, or a path starting with ./ or ../']);
  });

  it('gives one message, no branch noise, for a misspelt severity', () => {
    const findings = validate('config', 'rules:\n  owner-overload: warn\n  known-tags: warn\n', '.crm-rollout.yaml');
    expect(findings.map(summary)).toEqual([
      ['"warn" is not a valid severity; did you mean "warning"?', 1, 18, 1, 22],
      ['"warn" is not a valid severity; did you mean "warning"?', 2, 14, 2, 18],
    ]);
  });

  it('gives one message listing both forms for a rule value of the wrong type', () => {
    const findings = validate('config', 'rules:\n  over-customization: 5\n  known-tags: { severity: warning }\n', '.crm-rollout.yaml');
    expect(findings.map(summary)).toEqual([
      ['"over-customization" must be a severity (error, warning, info or off) or [severity, { options }], not 5', 1, 22, 1, 23],
      ['"known-tags" must be a severity (error, warning, info or off) or [severity, { options }], not a mapping', 2, 14, 2, 35],
    ]);
  });

  it('gives one message for a rule setting list of the wrong length', () => {
    const findings = validate('config', 'rules:\n  known-tags: []\n  owner-overload: [warning, { max: 4 }, extra]\n', '.crm-rollout.yaml');
    expect(findings.map((f) => f.message)).toEqual([
      '"known-tags" must be a severity (error, warning, info or off) or [severity, { options }], not an empty list',
      '"owner-overload" must be a severity (error, warning, info or off) or [severity, { options }], not a list of 3 items',
    ]);
  });

  it('reports an unknown rule option with the option it resembles', () => {
    const findings = validate('config', 'rules:\n  owner-overload: [warning, { maxx: 4 }]\n', '.crm-rollout.yaml');
    expect(findings.map(summary)).toEqual([['"maxx" is not one of the owner-overload options; did you mean "max"?', 1, 30, 1, 34]]);
  });

  it('reports a timeline span in words, and a budget category typo in require', () => {
    const text = 'rules:\n  realistic-timeline: [warning, { ranges: { mid: { min: 3 months } } }]\n  budget-coverage: [warning, { require: [contingncy] }]\n';
    expect(validate('config', text, '.crm-rollout.yaml').map(summary)).toEqual([
      ['"3 months" is not a time span; write days as 20d, weeks as 4w or months as 3m', 1, 56, 1, 64],
      ['"contingncy" is not a valid budget category; did you mean "contingency"?', 2, 41, 2, 51],
    ]);
  });

  it('reports an override without files', () => {
    const findings = validate('config', 'overrides:\n  - rules: { required-phases: off }\n', '.crm-rollout.yaml');
    expect(findings.map(summary)).toEqual([['an override is missing "files"; add it, e.g. files: ["pilots/**"]', 1, 4, 1, 9]]);
  });
});

describe('the schema files', () => {
  const files = { plan: planSchema, directory: directorySchema, config: configSchema };

  it('are valid draft 2020-12 schemas', () => {
    const ajv = new Ajv2020({ allowUnionTypes: true, strictTuples: false });
    for (const schema of Object.values(files)) expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  /** Every object schema in a file, with its JSON pointer. */
  function objectSchemas(node: unknown, pointer = '#'): { pointer: string; schema: Record<string, unknown> }[] {
    if (typeof node !== 'object' || node === null) return [];
    const out: { pointer: string; schema: Record<string, unknown> }[] = [];
    const record = node as Record<string, unknown>;
    if (record.type === 'object') out.push({ pointer, schema: record });
    for (const [key, child] of Object.entries(record)) out.push(...objectSchemas(child, `${pointer}/${key}`));
    return out;
  }

  function resolve(schema: Record<string, unknown>, root: Record<string, unknown>): Record<string, unknown> {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const [file, pointer] = ref.split('#');
    const base = (file === 'plan.schema.json' ? planSchema : root) as Record<string, unknown>;
    return pointer.split('/').slice(1).reduce<Record<string, unknown>>((node, part) => node[part] as Record<string, unknown>, base);
  }

  it('give every object a title, close it to unknown keys and leave x- keys free', () => {
    for (const [name, root] of Object.entries(files)) {
      for (const { pointer, schema } of objectSchemas(root)) {
        const context = `${name} ${pointer}`;
        if (!schema.properties) continue; // the free-form options of rules without typed options
        expect(typeof schema.title, context).toBe('string');
        expect(schema.additionalProperties === false || pointer.endsWith('/rules'), context).toBe(true);
        if (schema.additionalProperties === false) expect(schema.patternProperties, context).toEqual({ '^x-': expect.anything() });
      }
    }
  });

  it('describe every property, directly or through the definition it refers to', () => {
    for (const [name, root] of Object.entries(files)) {
      for (const { pointer, schema } of objectSchemas(root)) {
        for (const [key, property] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
          const described = property.description ?? resolve(property, root as Record<string, unknown>).description;
          expect(typeof described, `${name} ${pointer}/properties/${key}`).toBe('string');
        }
      }
    }
  });
});
