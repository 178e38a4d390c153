import { describe, expect, it } from 'vitest';
import { diffPlans, type PlanChange, type PlanDiff } from '../../server/src/engine/diff/index';
import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { buildTimeline } from '../../server/src/engine/timeline';

function version(yaml: string, name: string) {
  const path = `/plans/${name}`;
  const result = lintText(path, yaml, { fs: new MemoryFileSystem({ [path]: yaml }), root: '/plans' });
  return { result, timeline: buildTimeline(result, '2027-01-11') };
}

function diff(base: string, head: string): PlanDiff {
  return diffPlans(version(base, 'base.rollout.yaml'), version(head, 'head.rollout.yaml'));
}

/** Replaces text that must be there, so a typo in a test cannot silently test nothing. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the plan`);
  return text.replace(from, to);
}

function only(d: PlanDiff, key: string): PlanChange {
  const found = d.changes.filter((c) => c.key === key);
  expect(found.map((c) => c.message)).toHaveLength(1);
  return found[0];
}

const BASE = `plan: 1
name: Pilot
sponsor: ann
owner: bob
calendar: { start: 2027-01-11 }
people:
  - { id: ann, name: Ann, role: Director }
  - { id: bob, name: Bob }
phases:
  - id: plan
    name: Planning
    kind: planning
    owner: bob
    duration: 1w
    checklist:
      - { id: kickoff, task: Kick-off, tags: [stakeholders] }
      - { task: Agree objectives, tags: [objectives] }
  - id: side
    name: Side work
    kind: design
    owner: bob
    after: [plan]
    duration: 1w
  - id: test
    name: Testing
    kind: testing
    owner: bob
    after: [plan]
    duration: 2w
    checklist:
      - { task: Users accept the system, tags: [uat] }
    milestones:
      - { id: accepted, name: Accepted, gate: true }
      - { id: demo, name: Demo done }
  - id: live
    name: Go-live
    kind: go-live
    owner: bob
    after: [test]
    duration: 1w
risks:
  - { id: adoption, description: Low adoption, likelihood: low, impact: medium, owner: bob }
budget:
  lines:
    - { category: licenses, amount: 1000 }
    - { category: training, amount: 300 }
    - { category: training, amount: 200 }
`;

describe('diffPlans: identity', () => {
  it('finds no change between a plan and itself', () => {
    const d = diff(BASE, BASE);
    expect(d.changes).toEqual([]);
    expect(d.counts).toEqual({ breaking: 0, warning: 0, info: 0 });
  });

  it('finds no change when only layout, comments and list order change', () => {
    const reflowed = edit(
      edit(BASE, '  - { id: ann, name: Ann, role: Director }\n  - { id: bob, name: Bob }\n', '  # people\n  - { id: bob, name: Bob }\n  - id: ann\n    role: Director\n    name: Ann\n'),
      'name: Pilot\n',
      '# a comment that moves every line\n\nname: Pilot\n',
    );
    expect(diff(BASE, reflowed).changes).toEqual([]);
  });

  it('summarises both sides: go-live, dates, working days and critical path', () => {
    const d = diff(BASE, BASE);
    expect(d.base).toMatchObject({ path: '/plans/base.rollout.yaml', name: 'Pilot', start: '2027-01-11', end: '2027-02-05', workingDays: 20, goLive: '2027-02-01', criticalPath: ['plan', 'test', 'live'] });
  });
});

describe('diffPlans: entities keyed by id', () => {
  it('reports people added, removed and changed field by field', () => {
    const head = edit(edit(BASE, '{ id: ann, name: Ann, role: Director }', '{ id: ann, name: Ann, role: CEO }'), '  - { id: bob, name: Bob }\n', '  - { id: bob, name: Bob }\n  - { id: cat, name: Cat }\n');
    const d = diff(BASE, head);
    expect(only(d, 'people/ann')).toMatchObject({ severity: 'info', action: 'changed', field: 'role', before: 'Director', after: 'CEO', message: 'person "ann": role changed from "Director" to "CEO"' });
    expect(only(d, 'people/cat')).toMatchObject({ severity: 'info', action: 'added', message: 'person "cat" added' });
    expect(only(diff(head, BASE), 'people/cat')).toMatchObject({ action: 'removed', message: 'person "cat" removed' });
  });

  it('keys a checklist item by its id, so moving it to another phase is one change of its phase', () => {
    const head = edit(edit(BASE, '      - { id: kickoff, task: Kick-off, tags: [stakeholders] }\n', ''), '    after: [plan]\n    duration: 1w\n', '    after: [plan]\n    duration: 1w\n    checklist:\n      - { id: kickoff, task: Kick-off, tags: [stakeholders] }\n');
    expect(only(diff(BASE, head), 'checklist/kickoff')).toMatchObject({ field: 'phase', before: 'plan', after: 'side', message: 'checklist item "kickoff": phase changed from "plan" to "side"' });
  });

  it('keys an item without id by its phase and task text: rewording reads as removed and added', () => {
    const d = diff(BASE, edit(BASE, 'task: Agree objectives', 'task: Agree SMART objectives'));
    expect(only(d, 'phases/plan/checklist/Agree objectives')).toMatchObject({ action: 'removed', message: 'checklist item "Agree objectives" in phase "plan" removed' });
    expect(only(d, 'phases/plan/checklist/Agree SMART objectives')).toMatchObject({ action: 'added' });
  });

  it('tells repeated id-less items apart by occurrence', () => {
    const twice = edit(BASE, '      - { task: Agree objectives, tags: [objectives] }\n', '      - { task: Agree objectives, tags: [objectives] }\n      - { task: Agree objectives, tags: [objectives] }\n');
    expect(only(diff(BASE, twice), 'phases/plan/checklist/Agree objectives #2')).toMatchObject({ action: 'added' });
  });

  it('reports list fields by what was added and removed, ignoring order', () => {
    const head = edit(BASE, 'tags: [stakeholders] }', 'tags: [communication, stakeholders] }');
    expect(only(diff(BASE, head), 'checklist/kickoff')).toMatchObject({ field: 'tags', message: 'checklist item "kickoff": "communication" added to tags' });
  });

  it('reports a milestone renamed and a checklist item marked done', () => {
    const head = edit(edit(BASE, 'name: Demo done', 'name: Demo given'), '{ id: kickoff, task: Kick-off, tags: [stakeholders] }', '{ id: kickoff, task: Kick-off, tags: [stakeholders], done: true }');
    const d = diff(BASE, head);
    expect(only(d, 'milestones/demo').message).toBe('milestone "demo": name changed from "Demo done" to "Demo given"');
    expect(only(d, 'checklist/kickoff').message).toBe('checklist item "kickoff" marked done');
  });
});

describe('diffPlans: severities', () => {
  it('breaking: the sponsor removed', () => {
    expect(only(diff(BASE, edit(BASE, 'sponsor: ann\n', '')), 'plan/sponsor')).toMatchObject({ severity: 'breaking', reason: 'sponsor-removed', message: 'the plan no longer has a sponsor (was "ann")' });
  });

  it('info: the sponsor moved to someone else', () => {
    expect(only(diff(BASE, edit(BASE, 'sponsor: ann', 'sponsor: bob')), 'plan/sponsor')).toMatchObject({ severity: 'info', reason: 'owner-moved', message: 'sponsor of the plan moved from "ann" to "bob"' });
  });

  it('breaking: a gate removed, or a milestone no longer a gate; info: a plain milestone removed', () => {
    expect(only(diff(BASE, edit(BASE, '      - { id: accepted, name: Accepted, gate: true }\n', '')), 'milestones/accepted')).toMatchObject({ severity: 'breaking', reason: 'gate-removed', message: 'gate "accepted" of phase "test" removed' });
    expect(only(diff(BASE, edit(BASE, '{ id: accepted, name: Accepted, gate: true }', '{ id: accepted, name: Accepted }')), 'milestones/accepted')).toMatchObject({ severity: 'breaking', reason: 'gate-removed', message: 'milestone "accepted" is no longer a gate' });
    expect(only(diff(BASE, edit(BASE, '      - { id: demo, name: Demo done }\n', '')), 'milestones/demo')).toMatchObject({ severity: 'info', message: 'milestone "demo" of phase "test" removed' });
  });

  it('breaking: a UAT item removed or its uat tag dropped', () => {
    const key = 'phases/test/checklist/Users accept the system';
    expect(only(diff(BASE, edit(BASE, '      - { task: Users accept the system, tags: [uat] }\n', '')), key)).toMatchObject({ severity: 'breaking', reason: 'uat-removed' });
    expect(only(diff(BASE, edit(BASE, 'tags: [uat]', 'tags: [functional-test]')), key)).toMatchObject({ severity: 'breaking', reason: 'uat-removed', field: 'tags' });
  });

  it('breaking: the testing phase removed, or turned into another kind', () => {
    const removed = edit(edit(BASE, BASE.slice(BASE.indexOf('  - id: test\n'), BASE.indexOf('  - id: live\n')), ''), 'after: [test]', 'after: [plan]');
    expect(only(diff(BASE, removed), 'phases/test')).toMatchObject({ severity: 'breaking', action: 'removed', reason: 'testing-phase-removed', message: 'phase "test" removed' });
    expect(only(diff(BASE, edit(BASE, 'kind: testing', 'kind: training')), 'phases/test')).toMatchObject({ severity: 'breaking', field: 'kind', reason: 'testing-phase-removed' });
  });

  it('warning: an owner removed; info: an owner moved', () => {
    expect(only(diff(BASE, edit(BASE, '    kind: design\n    owner: bob\n', '    kind: design\n')), 'phases/side')).toMatchObject({ severity: 'warning', reason: 'owner-removed', message: 'phase "side" no longer has an owner (was "bob")' });
    expect(only(diff(BASE, edit(BASE, '    kind: design\n    owner: bob\n', '    kind: design\n    owner: ann\n')), 'phases/side')).toMatchObject({ severity: 'info', reason: 'owner-moved', message: 'owner of phase "side" moved from "bob" to "ann"' });
  });

  it('warning: a risk made more likely; info: less likely', () => {
    expect(only(diff(BASE, edit(BASE, 'likelihood: low', 'likelihood: high')), 'risks/adoption')).toMatchObject({ severity: 'warning', reason: 'risk-raised', message: 'risk "adoption": likelihood changed from "low" to "high"' });
    expect(only(diff(edit(BASE, 'likelihood: low', 'likelihood: high'), BASE), 'risks/adoption').severity).toBe('info');
  });

  it('warning: a budget category reduced or removed, adding up lines of one category; info: raised or added', () => {
    expect(only(diff(BASE, edit(BASE, '{ category: training, amount: 200 }', '{ category: training, amount: 100 }')), 'budget/training')).toMatchObject({ severity: 'warning', reason: 'budget-reduced', before: 500, after: 400, message: 'budget for "training" reduced from 500 to 400' });
    expect(only(diff(BASE, edit(BASE, '    - { category: licenses, amount: 1000 }\n', '')), 'budget/licenses')).toMatchObject({ severity: 'warning', action: 'removed' });
    expect(only(diff(BASE, edit(BASE, 'amount: 1000', 'amount: 1200')), 'budget/licenses')).toMatchObject({ severity: 'info', message: 'budget for "licenses" raised from 1000 to 1200' });
  });

  it('lists breaking changes first, then warnings, then info', () => {
    const head = edit(edit(edit(BASE, 'sponsor: ann\n', ''), 'likelihood: low', 'likelihood: high'), 'role: Director', 'role: CEO');
    const rank = { breaking: 0, warning: 1, info: 2 };
    const severities = diff(BASE, head).changes.map((c) => rank[c.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    expect(new Set(severities)).toEqual(new Set([0, 1, 2]));
  });
});

describe('diffPlans: schedule impact', () => {
  it('measures a critical phase slip in working days and warns; the go-live moving later is breaking', () => {
    const d = diff(BASE, edit(BASE, '    after: [plan]\n    duration: 2w\n', '    after: [plan]\n    duration: 3w\n'));
    expect(only(d, 'schedule/phases/test')).toMatchObject({ severity: 'warning', reason: 'critical-slip', shift: 5, before: ['2027-01-18', '2027-01-29'], after: ['2027-01-18', '2027-02-05'], message: 'phase "test" ends 5 working days later (2027-01-29 → 2027-02-05); it is on the critical path' });
    expect(only(d, 'schedule/go-live')).toMatchObject({ severity: 'breaking', reason: 'go-live-later', shift: 5, before: '2027-02-01', after: '2027-02-08', message: 'go-live moves 5 working days later (2027-02-01 → 2027-02-08)' });
    expect(only(d, 'schedule/duration')).toMatchObject({ severity: 'info', before: 20, after: 25, message: 'total duration changed from 20 working days to 25 working days (2027-01-11 → 2027-02-05 became 2027-01-11 → 2027-02-12)' });
    expect(only(d, 'phases/test')).toMatchObject({ field: 'duration', before: '2w', after: '3w' });
  });

  it('counts shifts in working days, not calendar days, across a weekend', () => {
    // Planning ends on Friday 2027-01-15 instead of Thursday: side starts Monday, not Friday.
    const d = diff(edit(BASE, '    owner: bob\n    duration: 1w\n    checklist:', '    owner: bob\n    duration: 4d\n    checklist:'), BASE);
    expect(only(d, 'schedule/phases/side')).toMatchObject({ shift: 1, message: 'phase "side" starts 1 working day later (2027-01-15 → 2027-01-18) and ends 1 working day later (2027-01-21 → 2027-01-22)' });
  });

  it('treats a slip of a phase off the critical path as info, and a go-live earlier as info', () => {
    expect(only(diff(BASE, edit(BASE, '    after: [plan]\n    duration: 1w\n', '    after: [plan]\n    duration: 2w\n')), 'schedule/phases/side')).toMatchObject({ severity: 'info', shift: 5 });
    expect(only(diff(BASE, edit(BASE, '    after: [plan]\n    duration: 2w\n', '    after: [plan]\n    duration: 1w\n')), 'schedule/go-live')).toMatchObject({ severity: 'info', shift: -5, message: 'go-live moves 5 working days earlier (2027-02-01 → 2027-01-25)' });
  });

  it('warns when the critical path changes', () => {
    const d = diff(BASE, edit(edit(BASE, '    after: [plan]\n    duration: 1w\n', '    after: [plan]\n    duration: 3w\n'), 'after: [test]', 'after: [test, side]'));
    expect(only(d, 'schedule/critical-path')).toMatchObject({ severity: 'warning', reason: 'critical-path-changed', before: ['plan → test → live'], after: ['plan → side → live'], message: 'critical path changed from "plan → test → live" to "plan → side → live"' });
  });

  it('lists every critical chain when two chains tie', () => {
    // side now takes 2w like test: both feed live, both have float 0.
    const d = diff(BASE, edit(edit(BASE, '    after: [plan]\n    duration: 1w\n', '    after: [plan]\n    duration: 2w\n'), 'after: [test]', 'after: [test, side]'));
    expect(d.head.criticalChains).toEqual(['plan → side → live', 'plan → test → live']);
    expect(only(d, 'schedule/critical-path')).toMatchObject({ before: ['plan → test → live'], after: ['plan → side → live', 'plan → test → live'], message: 'critical path changed from "plan → test → live" to "plan → side → live" and "plan → test → live"' });
  });

  it('is breaking when the go-live date disappears', () => {
    expect(only(diff(BASE, edit(BASE, 'kind: go-live', 'kind: support')), 'schedule/go-live')).toMatchObject({ severity: 'breaking', reason: 'go-live-removed', message: 'the plan no longer has a go-live date (was 2027-02-01); add a phase of kind go-live' });
  });

  it('warns when a phase that stays in the plan can no longer be scheduled', () => {
    const unplaced = edit(BASE, 'calendar: { start: 2027-01-11 }\n', '').replace('    after: [plan]\n    duration: 1w\n', '    duration: 1w\n');
    const d = diff(BASE, edit(unplaced, '    kind: planning\n    owner: bob\n', '    kind: planning\n    owner: bob\n    start: 2027-01-11\n'));
    expect(only(d, 'schedule/phases/side')).toMatchObject({ severity: 'warning', reason: 'unscheduled', message: 'phase "side" can no longer be placed on the calendar (was 2027-01-18 → 2027-01-22); give it a start, an after or set calendar.start' });
  });
});

describe('diffPlans: findings', () => {
  const broken = edit(BASE, '    kind: design\n    owner: bob\n', '    kind: design\n    owner: zed\n');

  it('reports a new error as a warning, keyed by rule and location rather than line', () => {
    const c = diff(BASE, broken).changes.find((x) => x.rule === 'known-references');
    expect(c).toMatchObject({ severity: 'warning', action: 'new', rule: 'known-references', reason: 'new-error', key: 'findings/known-references/phases/side' });
    expect(c?.message).toBe('new error in "phases/side": owner "zed" is not a declared person or team; declare it or use one of the declared ids [known-references]');
  });

  it('reports a fixed finding as resolved', () => {
    const c = diff(broken, BASE).changes.find((x) => x.rule === 'known-references');
    expect(c).toMatchObject({ severity: 'info', action: 'resolved', key: 'findings/known-references/phases/side' });
  });

  it('does not report a finding that only moved to another line', () => {
    const moved = edit(broken, 'name: Pilot\n', '# one\n# two\nname: Pilot\n');
    expect(diff(broken, moved).changes).toEqual([]);
  });

  it('reports a new warning as info', () => {
    const c = diff(BASE, edit(BASE, 'tags: [stakeholders]', 'tags: [stakeholdrs]')).changes.find((x) => x.rule === 'known-tags');
    expect(c).toMatchObject({ severity: 'info', action: 'new', field: 'warning', rule: 'known-tags', key: 'findings/known-tags/checklist/kickoff' });
  });
});

/*
 * Three waves, each with its own go-live. 2027-01-11 is a Monday.
 * build 2w: Mon 01-11 .. Fri 01-22. fr-live after build: Mon 01-25 (1w).
 * de-live after fr-live: Mon 02-01 (1w). uk-live after de-live: Mon 02-08 (1w).
 */
const WAVES = `plan: 1
name: Waves
calendar: { start: 2027-01-11 }
waves:
  - { wave: 1, name: France }
  - { wave: 2, name: Germany }
  - { wave: 3, name: United Kingdom }
phases:
  - { id: build, name: Build, kind: configuration, duration: 2w }
  - { id: fr-live, name: FR go-live, kind: go-live, wave: 1, after: [build], duration: 1w }
  - { id: de-live, name: DE go-live, kind: go-live, wave: 2, after: [fr-live], duration: 1w }
  - { id: uk-live, name: UK go-live, kind: go-live, wave: 3, after: [de-live], duration: 1w }
`;

describe('diffPlans: every wave\'s go-live', () => {
  it('summarises every wave\'s go-live on both sides', () => {
    expect(diff(WAVES, WAVES).head.goLives).toEqual([
      { wave: 1, name: 'France', phase: 'fr-live', date: '2027-01-25' },
      { wave: 2, name: 'Germany', phase: 'de-live', date: '2027-02-01' },
      { wave: 3, name: 'United Kingdom', phase: 'uk-live', date: '2027-02-08' },
    ]);
  });

  it('is breaking when a later wave\'s go-live moves later, naming the wave, although the first go-live stays', () => {
    const d = diff(WAVES, edit(WAVES, 'wave: 3, after: [de-live]', 'wave: 3, after: [{ id: de-live, lag: 3d }]'));
    expect(d.changes.filter((c) => c.field === 'go-live')).toEqual([
      {
        severity: 'breaking',
        subject: 'schedule',
        action: 'moved',
        key: 'schedule/go-live/wave-3',
        field: 'go-live',
        before: '2027-02-08',
        after: '2027-02-11',
        shift: 3,
        reason: 'go-live-later',
        message: 'wave 3 "United Kingdom" go-live moves 3 working days later (2027-02-08 → 2027-02-11)',
      },
    ]);
  });

  it('reports every wave that moves: later ones breaking, earlier ones info', () => {
    // build 1w: fr-live Mon 01-18, de-live 01-25, uk-live 02-01, all a week earlier; then uk-live
    // waits for a fixed-start phase that ends Fri 02-12.
    const head = edit(edit(WAVES, 'duration: 2w', 'duration: 1w'), 'wave: 3, after: [de-live]', 'wave: 3, after: [de-live, hold]') + '  - { id: hold, name: Hold, kind: testing, start: 2027-02-08, duration: 1w }\n';
    const moves = diff(WAVES, head).changes.filter((c) => c.field === 'go-live').map((c) => [c.key, c.severity, c.shift]);
    // Breaking changes come first.
    expect(moves).toEqual([
      ['schedule/go-live/wave-3', 'breaking', 5],
      ['schedule/go-live/wave-1', 'info', -5],
      ['schedule/go-live/wave-2', 'info', -5],
    ]);
  });

  it('warns when a wave\'s go-live is added or removed', () => {
    const removed = diff(WAVES, edit(WAVES, '  - { id: uk-live, name: UK go-live, kind: go-live, wave: 3, after: [de-live], duration: 1w }\n', ''));
    expect(only(removed, 'schedule/go-live/wave-3')).toMatchObject({ severity: 'warning', reason: 'wave-removed', before: '2027-02-08', after: null, message: 'wave 3 "United Kingdom" no longer has a go-live (was 2027-02-08)' });
    const added = diff(edit(WAVES, '  - { id: uk-live, name: UK go-live, kind: go-live, wave: 3, after: [de-live], duration: 1w }\n', ''), WAVES);
    expect(only(added, 'schedule/go-live/wave-3')).toMatchObject({ severity: 'warning', reason: 'wave-added', before: null, after: '2027-02-08', message: 'wave 3 "United Kingdom" is new: it goes live on 2027-02-08' });
  });

  it('counts a wave\'s shift on its go-live phase\'s own calendar', () => {
    const withCalendar = edit(edit(WAVES, 'phases:\n', 'calendars:\n  - { id: uk, holidays: [2027-02-09] }\nphases:\n'), '{ wave: 3, name: United Kingdom }', '{ wave: 3, name: United Kingdom, calendar: uk }');
    const later = edit(withCalendar, 'wave: 3, after: [de-live]', 'wave: 3, after: [{ id: de-live, lag: 2d }]');
    // de-live ends Fri 02-05; on uk the first working day after is Mon 02-08 and Tue 02-09 is a
    // holiday, so two working days on is Thu 02-11: Wed and Thu, 2 uk working days after 02-08
    // (3 on the plan's calendar).
    expect(only(diff(withCalendar, later), 'schedule/go-live/wave-3')).toMatchObject({ before: '2027-02-08', after: '2027-02-11', shift: 2 });
  });
});
