import { MemoryFileSystem } from '../../server/src/engine/fileSystem';
import { lintText } from '../../server/src/engine/lint';
import { buildTimeline, type TimelineData } from '../../server/src/engine/timeline';

/** The timeline of a plan given as YAML text, linted in memory as `/plans/<name>`. */
export function timelineOf(yaml: string, asOf = '2027-01-20', name = 'test.rollout.yaml'): TimelineData {
  const path = `/plans/${name}`;
  const result = lintText(path, yaml, { fs: new MemoryFileSystem({ [path]: yaml }), asOf, root: '/plans' });
  return buildTimeline(result, asOf);
}

/**
 * The same data with no findings anywhere, for tests of layout and formatting that must not
 * change when a rule is added to the registry.
 */
export function withoutFindings(data: TimelineData): TimelineData {
  const none = { error: 0, warning: 0, info: 0 };
  return { ...data, findings: none, phases: data.phases.map((p) => ({ ...p, findings: none })) };
}

/** A small two-wave plan with a holiday, a gate, progress, slack and a finding. */
export const WAVES_PLAN = `plan: 1
name: Waves
sponsor: ann
owner: ann
calendar: { start: 2027-01-11, holidays: [2027-01-20] }
people:
  - { id: ann, name: Ann }
phases:
  - id: design
    name: Design
    kind: design
    owner: ann
    start: 2027-01-11
    duration: 1w
    checklist:
      - { task: Draw the model, done: true }
      - { task: Agree roles }
    milestones:
      - { id: signed, name: Design signed, gate: true, criteria: [Approved] }
  - id: build-a
    name: Build A
    kind: configuration
    owner: ann
    wave: 1
    after: [design]
    duration: 2w
  - id: build-b
    name: Build B
    kind: configuration
    owner: nobody
    wave: 2
    after: [design]
    duration: 1w
    milestones:
      - { id: b-ready, name: B ready }
`;
