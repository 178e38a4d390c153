/**
 * A small multi-file workspace for the language-server tests: two plans sharing a people
 * directory, and the linter configuration at the root. The plans are realistic but short;
 * each test adds the one problem it is about and asserts on that finding only, so rules
 * added later do not change what a test checks.
 */

export const PEOPLE = `# Shared directory
teams: [leadership, it]
people:
  - { id: dana, name: Dana Whitfield, role: Chief operating officer, team: leadership }
  - { id: priya, name: Priya Raman, role: CRM product owner, team: it }
  - { id: sam, name: Sam Okafor, role: Data steward, team: it }
`;

export const NORTHWIND = `plan: 1
name: Northwind rollout
organization: { name: Northwind Traders, size: mid }
sponsor: dana
owner: priya
calendar:
  start: 2027-01-11
imports: [../people.yaml]
teams: [sales, service]
objectives:
  - id: faster-response
    statement: Cut first-response time
    metric: median first response, hours
    baseline: 9
    target: 4
    due: 2027-09-30
    owner: dana
phases:
  - id: discovery
    name: Discovery
    kind: planning
    owner: priya
    duration: 4w
    checklist:
      - { task: Interview the service leads, owner: priya, tags: [stakeholders] }
    milestones:
      - { id: charter-signed, name: Charter signed, owner: dana }
  - id: build
    name: Build
    kind: configuration
    owner: sam
    after: [discovery]
    duration: 6w
  - id: go-live
    name: Go-live
    kind: go-live
    owner: priya
    after: [build]
    duration: 1w
customizations:
  - { id: routing, name: Case routing, supports: [faster-response], owner: priya }
governance:
  crm_owner: priya
  data_stewards: [sam]
`;

export const CONTOSO = `plan: 1
name: Contoso pilot
sponsor: dana
owner: sam
calendar:
  start: 2027-03-01
imports: [../people.yaml]
phases:
  - id: pilot
    name: Pilot
    kind: planning
    owner: sam
    duration: 2w
`;

export const CONFIG = `extends: recommended
`;

export const WORKSPACE_FILES: Record<string, string> = {
  'people.yaml': PEOPLE,
  'plans/northwind.rollout.yaml': NORTHWIND,
  'plans/contoso.rollout.yaml': CONTOSO,
  '.crm-rollout.yaml': CONFIG,
};

/** The as-of date every test server uses, so date-sensitive rules do not change overnight. */
export const AS_OF = '2027-01-04';
