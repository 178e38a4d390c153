/**
 * Generates rollout plans of a requested size with the structure real plans have: people,
 * objectives, workstreams of phases (planning through support) with checklists and gate
 * milestones, integrations, risks, kpis, a budget and governance, in the mix of block and
 * flow styles the samples use. Deterministic for a seed, so benchmark runs compare the same
 * text. Used by the benchmark, the soak script and the fuzz tests.
 */

export interface GeneratedPlan {
  text: string;
  /** Lines of `text` (it ends with a newline). */
  lines: number;
}

export interface PlanShape {
  /** Approximate number of lines wanted; the result is within a few percent above 150. */
  lines: number;
  seed?: number;
  /** Inserted into the plan name, so several generated plans differ in their text. */
  label?: string;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same plan on every machine. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['dana', 'priya', 'tom', 'sam', 'ngozi', 'lisa', 'marco', 'elena', 'hana', 'omar', 'wes', 'ben', 'ivy', 'raj', 'zoe', 'li'];
const LAST = ['Whitfield', 'Raman', 'Herrera', 'Okafor', 'Eze', 'Brandt', 'Bianchi', 'Petrova', 'Sato', 'Haddad', 'Carter', 'Liu'];
const ROLES = ['Solution architect', 'Data steward', 'QA lead', 'Sales director', 'Service manager', 'Trainer', 'Change lead', 'Integration developer'];
const TEAMS = ['sales', 'customer-service', 'marketing', 'it', 'finance', 'leadership'];
const SYSTEMS = ['SAP S/4HANA', 'Business Central', 'Mailchimp', 'Snowflake', 'Okta', 'Zendesk', 'DocuSign', 'NetSuite'];
const VERBS = ['Review', 'Agree', 'Document', 'Prepare', 'Check', 'Confirm', 'Schedule', 'Walk through'];
const OBJECTS = ['the regional sales pipeline', 'case routing rules', 'the quote approval flow', 'territory assignments', 'consent records', 'the partner portal', 'the service catalogue'];

/** Checklist tags each phase kind carries, so the plan satisfies the lifecycle and data rules. */
const TAGS_BY_KIND: Record<string, string[][]> = {
  planning: [['stakeholders'], ['requirements'], ['process-mapping'], ['communication']],
  design: [['design'], ['access-roles'], ['champions']],
  configuration: [['design'], []],
  'data-migration': [['data-audit'], ['data-mapping'], ['data-cleansing'], ['test-migration'], ['backup'], ['final-migration'], ['validation']],
  testing: [['functional-test'], ['integration-test'], ['uat'], ['performance-test']],
  training: [['training', 'champions'], ['training'], ['communication']],
  'go-live': [['rollback'], ['go-live-readiness'], ['support', 'champions']],
  support: [['support'], ['feedback'], ['training'], ['kpi-review']],
};

const STREAM: { suffix: string; kind: string; name: string; weeks: number; after: string[] }[] = [
  { suffix: 'discovery', kind: 'planning', name: 'Discovery and planning', weeks: 3, after: [] },
  { suffix: 'design', kind: 'design', name: 'Solution design', weeks: 3, after: ['discovery'] },
  { suffix: 'build', kind: 'configuration', name: 'Configuration and integration build', weeks: 5, after: ['design'] },
  { suffix: 'data', kind: 'data-migration', name: 'Data preparation and migration', weeks: 6, after: ['discovery'] },
  { suffix: 'testing', kind: 'testing', name: 'System and user acceptance testing', weeks: 3, after: ['build'] },
  { suffix: 'training', kind: 'training', name: 'Role-based training', weeks: 2, after: ['design'] },
  { suffix: 'go-live', kind: 'go-live', name: 'Go-live', weeks: 1, after: ['testing', 'training', 'data'] },
  { suffix: 'hypercare', kind: 'support', name: 'Hypercare', weeks: 6, after: ['go-live'] },
];

/** The ISO date `weeks` weeks after Monday 2027-01-04 (always a Monday). */
function mondayAfter(weeks: number): string {
  return new Date(Date.UTC(2027, 0, 4 + 7 * weeks)).toISOString().slice(0, 10);
}

class Writer {
  readonly out: string[] = [];
  line(text: string): void {
    this.out.push(text);
  }
  get count(): number {
    return this.out.length;
  }
}

export function generatePlan(shape: PlanShape): GeneratedPlan {
  const random = randomSource(shape.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const target = Math.max(150, shape.lines);
  // About 135 lines per workstream of eight phases; the rest is header and tail.
  const streams = Math.max(1, Math.round((target - 95) / 135));
  const phaseCount = streams * STREAM.length;
  const peopleCount = Math.max(10, Math.ceil(phaseCount / 2) + 2);
  const people = Array.from({ length: peopleCount }, (_, i) => `${FIRST[i % FIRST.length]}-${i}`);
  // Each workstream's integration test covers one integration, so every integration is tested.
  const integrations = Array.from({ length: Math.min(streams, 3 + Math.floor(streams / 4), 400) }, (_, i) => `int-${i}`);
  let owner = 2;
  const nextOwner = () => people[2 + ((owner++ - 2) % (peopleCount - 2))];

  const w = new Writer();
  w.line(`# Generated benchmark plan: ${streams} workstream(s), ${phaseCount} phases.`);
  w.line('plan: 1');
  w.line(`name: Contoso ${shape.label ?? 'global'} CRM rollout`);
  w.line(`organization: { name: Contoso, size: ${streams > 1 ? 'enterprise' : 'mid'} }`);
  w.line('crm:');
  w.line('  product: Dynamics 365 Sales and Customer Service');
  w.line('  type: operational');
  w.line('  replaces: [GoldMine, Zendesk]');
  w.line(`sponsor: ${people[0]}`);
  w.line(`owner: ${people[1]}`);
  w.line('calendar:');
  w.line('  start: 2027-01-04');
  w.line('  holidays: [2027-05-31, 2027-07-05, 2027-09-06]');
  w.line(`teams: [${TEAMS.join(', ')}]`);
  w.line('people:');
  people.forEach((id, i) => {
    const name = `${id.split('-')[0].replace(/^./, (c) => c.toUpperCase())} ${LAST[i % LAST.length]}`;
    if (i % 5 === 4) {
      w.line(`  - id: ${id}`);
      w.line(`    name: ${name}`);
      w.line(`    role: ${pick(ROLES)}`);
      w.line(`    team: ${TEAMS[i % TEAMS.length]}`);
    } else {
      w.line(`  - { id: ${id}, name: ${name}, role: ${pick(ROLES)}, team: ${TEAMS[i % TEAMS.length]}, email: ${id}@contoso.example }`);
    }
  });
  w.line('');
  w.line('objectives:');
  const objectiveCount = Math.max(2, Math.min(40, streams));
  for (let i = 0; i < objectiveCount; i++) {
    w.line(`  - id: objective-${i}`);
    w.line(`    statement: Improve ${pick(OBJECTS)} in region ${i}`);
    w.line('    metric: median first response, business hours');
    w.line(`    baseline: ${20 + i}`);
    w.line(`    target: ${10 + i}`);
    w.line('    due: 2029-09-28');
    w.line(`    owner: ${people[1]}`);
  }
  w.line('');
  w.line('phases:');
  for (let s = 0; s < streams; s++) {
    const wave = s + 1;
    const id = (suffix: string) => (streams === 1 ? suffix : `w${wave}-${suffix}`);
    if (s > 0 && s % 7 === 0) w.line(`  # wave ${wave}: ${pick(OBJECTS)}`);
    for (const step of STREAM) {
      w.line(`  - id: ${id(step.suffix)}`);
      w.line(`    name: ${step.name}${streams === 1 ? '' : ` (wave ${wave})`}`);
      w.line(`    kind: ${step.kind}`);
      w.line(`    owner: ${nextOwner()}`);
      if (streams > 1) w.line(`    wave: ${wave}`);
      if (step.after.length === 0) w.line(`    start: ${mondayAfter(s % 20)}`);
      else w.line(`    after: [${step.after.map(id).join(', ')}]`);
      w.line(`    duration: ${step.weeks}w`);
      if (step.kind === 'training') w.line(`    audiences: [${TEAMS.join(', ')}]`);
      w.line('    checklist:');
      const extra = Math.floor(random() * 3);
      const tagSets = [...TAGS_BY_KIND[step.kind], ...Array.from({ length: extra }, () => [] as string[])];
      tagSets.forEach((tags, i) => {
        const task = `${pick(VERBS)} ${pick(OBJECTS)}${tags.length ? ` (${tags[0]})` : ''}`;
        const refs = tags[0] === 'integration-test' ? `, refs: [${integrations[s % integrations.length]}]` : '';
        const tagText = tags.length ? `, tags: [${tags.join(', ')}]` : '';
        if (i % 4 === 3) {
          w.line(`      - task: "${task}, with notes"`);
          if (tags.length) w.line(`        tags: [${tags.join(', ')}]`);
          w.line(`        owner: ${nextOwner()}`);
        } else {
          w.line(`      - { task: ${task}${tagText}${refs} }`);
        }
      });
      w.line('    milestones:');
      if (step.kind === 'testing') {
        w.line(`      - { id: ${id('uat-signed-off')}, name: UAT signed off, gate: true, criteria: [No open severity 1 defects, Champions sign off] }`);
      } else {
        w.line(`      - { id: ${id(step.suffix)}-done, name: ${step.name} complete }`);
      }
    }
  }
  w.line('');
  w.line('integrations:');
  for (const [i, intId] of integrations.entries()) w.line(`  - { id: ${intId}, system: ${SYSTEMS[i % SYSTEMS.length]}, direction: bidirectional, owner: ${people[1]} }`);
  w.line('customizations:');
  w.line(`  - { id: quote-approval, name: Quote approval workflow, supports: [objective-0], priority: must, owner: ${people[1]} }`);
  w.line('risks:');
  w.line(`  - { id: dirty-data, description: Duplicate contacts in legacy data, likelihood: high, impact: high, mitigation: Deduplicate before the trial migration, owner: ${people[1]} }`);
  w.line(`  - { id: adoption-risk, description: Sales reps keep using spreadsheets, likelihood: medium, impact: high, mitigation: Champions in every region, owner: ${people[0]} }`);
  w.line('kpis:');
  w.line(`  - { id: weekly-active, name: Weekly active users / licensed users, target: 85%, review: monthly, measures: adoption, owner: ${people[1]} }`);
  w.line('budget:');
  w.line('  currency: USD');
  w.line('  lines:');
  for (const category of ['licenses', 'data-migration', 'integration', 'training', 'support']) w.line(`    - { category: ${category}, amount: ${10000 + 1000 * category.length} }`);
  w.line('governance:');
  w.line(`  crm_owner: ${people[1]}`);
  w.line('  change_control: Change requests reviewed fortnightly by the CRM board');
  w.line(`  data_stewards: [${people[1]}]`);
  // Pad to the requested size with free-form notes, as teams keep them under x- keys.
  if (w.count < target) {
    w.line('x-notes:');
    while (w.count < target) w.line(`  - ${pick(VERBS)} ${pick(OBJECTS)} before the next steering meeting`);
  }
  return { text: `${w.out.join('\n')}\n`, lines: w.count };
}
