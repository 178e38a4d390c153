import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, InlayHint } from 'vscode-languageserver-protocol';
import type { TimelineResult } from '../../server/src/protocol';
import { COMMANDS, TIMELINE_REQUEST } from '../../server/src/protocol';
import { AS_OF, NORTHWIND, PEOPLE, WORKSPACE_FILES } from './fixtures';
import { at, createWorkspace, LspServer } from './harness';

/** Northwind with a phase beside `build`, which therefore has slack, and one checklist item done. */
const PLAN = NORTHWIND.replace('owner: priya, tags: [stakeholders] }', 'owner: priya, tags: [stakeholders], done: true }').replace(
  '  - id: go-live\n',
  '  - id: comms\n    name: Announcements\n    kind: training\n    owner: dana\n    after: [discovery]\n    duration: 2w\n  - id: go-live\n',
);

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

describe('inlay hints, code lens and the timeline request', () => {
  const ws = createWorkspace(WORKSPACE_FILES);
  const uri = ws.uri('plans/northwind.rollout.yaml');
  let server: LspServer;

  beforeAll(async () => {
    // As VS Code's client does, this one says it implements the lens's command.
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF }, clientCommands: Object.values(COMMANDS) });
    await server.open(uri, PLAN);
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  it('shows each phase\'s dates, working days and critical or slack after its id', async () => {
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    expect(hints.map((h) => [h.position, h.label, h.paddingLeft])).toEqual([
      [at(PLAN, 'discovery', 9), '2027-01-11 → 2027-02-05 · 20d · critical', true],
      [at(PLAN, 'id: build', 9), '2027-02-08 → 2027-03-19 · 30d · critical', true],
      [at(PLAN, 'id: comms', 9), '2027-02-08 → 2027-02-19 · 10d · slack 25d', true],
      [at(PLAN, 'id: go-live', 11), '2027-03-22 → 2027-03-26 · 5d · critical', true],
    ]);
  });

  it('answers only the hints inside the requested range', async () => {
    const line = at(PLAN, 'id: comms').line;
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } } });
    expect(hints.map((h) => h.label)).toEqual(['2027-02-08 → 2027-02-19 · 10d · slack 25d']);
  });

  it('puts an "Open timeline" lens on the plan\'s first line', async () => {
    const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses).toEqual([
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title: 'Open timeline', command: 'crm-rollout.showTimeline', arguments: [uri] } },
    ]);
  });

  it('answers the timeline request with the scheduled plan', async () => {
    const timeline = await server.request<TimelineResult>(TIMELINE_REQUEST, { uri });
    expect(timeline).toMatchObject({ name: 'Northwind rollout', asOf: AS_OF, start: '2027-01-11', end: '2027-03-26', goLive: '2027-03-22', criticalPath: ['discovery', 'build', 'go-live'] });
    expect(timeline?.phases.map((p) => [p.id, p.start, p.end, p.critical, p.slack, p.progress])).toEqual([
      ['discovery', '2027-01-11', '2027-02-05', true, 0, { done: 1, total: 1 }],
      ['build', '2027-02-08', '2027-03-19', true, 0, { done: 0, total: 0 }],
      ['comms', '2027-02-08', '2027-02-19', false, 25, { done: 0, total: 0 }],
      ['go-live', '2027-03-22', '2027-03-26', true, 0, { done: 0, total: 0 }],
    ]);
    expect(timeline?.milestones.map((m) => [m.id, m.date, m.phaseId])).toEqual([['charter-signed', '2027-02-05', 'discovery']]);
    expect(timeline?.dependencies).toContainEqual({ from: 'build', to: 'go-live', type: 'fs', lag: 0, critical: true });
    expect(timeline?.dependencies).toContainEqual({ from: 'discovery', to: 'comms', type: 'fs', lag: 0, critical: false });
  });

  it('answers the forecast with the planned schedule as its ghost once the plan records an actual date', async () => {
    const trackedUri = ws.uri('plans/tracked.rollout.yaml');
    // discovery really ended on Tue 02-09, two working days after its planned Fri 02-05.
    await server.open(trackedUri, PLAN.replace('    duration: 4w\n', '    duration: 4w\n    actual: { start: 2027-01-11, end: 2027-02-09 }\n'));
    const timeline = await server.request<TimelineResult>(TIMELINE_REQUEST, { uri: trackedUri });
    expect(timeline?.phases.find((p) => p.id === 'build')?.start).toBe('2027-02-10');
    expect(timeline?.ghost?.phases.find((p) => p.id === 'build')?.start).toBe('2027-02-08');
    expect(timeline?.phases.find((p) => p.id === 'discovery')?.progress.complete).toBe(true);
    server.close(trackedUri);
  });

  it('answers null for a file that is not a plan, and no lens or hints for it', async () => {
    const peopleUri = ws.uri('people.yaml');
    await server.open(peopleUri, PEOPLE);
    expect(await server.request(TIMELINE_REQUEST, { uri: peopleUri })).toBeNull();
    expect(await server.request('textDocument/codeLens', { textDocument: { uri: peopleUri } })).toEqual([]);
    expect(await server.request('textDocument/inlayHint', { textDocument: { uri: peopleUri }, range: WHOLE })).toEqual([]);
  });
});
