/**
 * A two-wave plan in execution, for the status report's CLI and browser tests. Mon-Fri, no
 * holidays; as of Tue 2027-06-01:
 *   build    planned Mon 05-03 .. Fri 05-28 (4w); started Wed 05-05, so it ends Tue 06-01 (20 wd)
 *   go-no    wave 1: planned Mon 05-31, forecast Wed 06-02: +2 working days
 *   de-prep  wave 2 preparation, dated Mon 05-17 .. Fri 05-28, never started; its gate
 *            de-ready (Fri 05-28) is not achieved: 2 working days late (Mon 05-31, Tue 06-01)
 *   go-de    wave 2: 5 working days after go-no: planned Tue 06-08, forecast Thu 06-10: +2
 *   configure (build, critical) was due Thu 05-20: 8 working days late
 */
export const EXECUTION_PLAN = `plan: 1
name: Fjord rollout
calendar: { start: 2027-05-03 }
waves:
  - { wave: 1, name: Norway }
  - { wave: 2, name: Germany }
phases:
  - id: build
    name: Build
    kind: configuration
    owner: tom
    duration: 4w
    actual: { start: 2027-05-05 }
    checklist:
      - { id: configure, task: Configure pipelines, due: 2027-05-20, owner: ann }
      - { task: Build integrations, due: 2027-05-14, done: 2027-05-13 }
  - { id: go-no, name: Norway go-live, kind: go-live, wave: 1, after: [build], duration: 1d }
  - id: de-prep
    name: Germany preparation
    kind: training
    wave: 2
    start: 2027-05-17
    duration: 2w
    milestones:
      - { id: de-ready, name: Germany ready, date: 2027-05-28, gate: true }
  - { id: go-de, name: Germany go-live, kind: go-live, wave: 2, after: [{ id: go-no, lag: 5d }], duration: 1d }
`;
