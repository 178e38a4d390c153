import { describe, expect, it } from 'vitest';
import { TIMELINE_EDIT_REQUEST, TIMELINE_REQUEST, type TimelineEditResult, type TimelineView } from '../../server/src/protocol';
import { NORTHWIND } from './fixtures';
import { applyTextEdits, editsFor } from './harness';
import { northwindSession } from './session';

/**
 * Timeline gestures over a real stdio connection: the server answers the plan edit (one
 * WorkspaceEdit on the document version the gesture was made on), the phases it moves and the
 * findings it would add. Northwind: discovery Mon 01-11 to Fri 02-05; build after it, Mon 02-08,
 * 6w to Fri 03-19; go-live after build, Mon 03-22 to Fri 03-26.
 */
describe('editing the plan from the timeline over the language server', () => {
  const session = northwindSession(NORTHWIND);
  const { ws, uri } = session;

  it('moves a phase three working days later with a lag, and previews the dependents that follow', async () => {
    const result = await session.server.request<TimelineEditResult>(TIMELINE_EDIT_REQUEST, { uri, version: 1, gesture: { kind: 'move', phase: 'build', days: 3 } });
    if (!result.ok) throw new Error(result.reason);
    expect(applyTextEdits(NORTHWIND, editsFor(result.edit, uri))).toBe(NORTHWIND.replace('after: [discovery]', 'after: [{ id: discovery, lag: 3d }]'));
    expect(result.edit.documentChanges?.[0]).toMatchObject({ textDocument: { uri, version: 1 } });
    expect(result.summary).toBe('build: 2027-02-11 – 2027-03-24 (3 working days later)');
    expect(result.moves).toEqual([
      { id: 'build', start: '2027-02-11', end: '2027-03-24' },
      { id: 'go-live', start: '2027-03-25', end: '2027-03-31' },
    ]);
    expect(result.newFindings).toEqual([]);
  });

  it('gives an undated milestone a date, and says which finding that would add', async () => {
    const result = await session.server.request<TimelineEditResult>(TIMELINE_EDIT_REQUEST, { uri, gesture: { kind: 'move-milestone', milestone: 'charter-signed', days: 2 } });
    if (!result.ok) throw new Error(result.reason);
    expect(applyTextEdits(NORTHWIND, editsFor(result.edit, uri))).toBe(
      NORTHWIND.replace('{ id: charter-signed, name: Charter signed, owner: dana }', '{ id: charter-signed, name: Charter signed, owner: dana, date: 2027-02-09 }'),
    );
    expect(result.moves).toEqual([]);
    expect(result.newFindings).toEqual([
      'milestone "charter-signed" on 2027-02-09 lies outside its phase "discovery" (2027-01-11 to 2027-02-05); move the date inside the phase or the milestone to the phase it belongs to',
    ]);
  });

  it('refuses a gesture made on an older version of the document, and a move before the prerequisite', async () => {
    expect(await session.server.request(TIMELINE_EDIT_REQUEST, { uri, version: 0, gesture: { kind: 'move', phase: 'build', days: 1 } })).toEqual({
      ok: false,
      reason: 'the plan changed while you were dragging: try again on the updated timeline',
    });
    expect(await session.server.request(TIMELINE_EDIT_REQUEST, { uri, gesture: { kind: 'move', phase: 'go-live', days: -1 } })).toEqual({
      ok: false,
      reason: '"go-live" cannot start before 2027-03-22: it waits for "build" finishing',
    });
  });

  it('refuses to drag history (a phase with actual dates) and a date written through an anchor, saying why', async () => {
    const historyUri = ws.uri('plans/history.rollout.yaml');
    const text = `${NORTHWIND}x-build-start: *build-start\n`
      .replace('    duration: 4w\n', '    duration: 4w\n    actual: { start: 2027-01-11 }\n')
      .replace('    after: [discovery]\n', '    start: &build-start 2027-02-08\n');
    expect(text).not.toBe(NORTHWIND);
    await session.server.open(historyUri, text);
    expect(await session.server.request(TIMELINE_EDIT_REQUEST, { uri: historyUri, gesture: { kind: 'move', phase: 'discovery', days: 1 } })).toEqual({
      ok: false,
      reason: 'phase "discovery" has actual dates: history is not dragged (edit `actual` in the plan)',
    });
    expect(await session.server.request(TIMELINE_EDIT_REQUEST, { uri: historyUri, gesture: { kind: 'move', phase: 'build', days: 1 } })).toEqual({
      ok: false,
      reason: 'the start of "build" is written through an anchor or alias: edit the plan by hand',
    });
  });

  it('says in the timeline itself that dragging is off for a plan with YAML errors, before any gesture', async () => {
    const brokenUri = ws.uri('plans/broken.rollout.yaml');
    await session.server.open(brokenUri, `${NORTHWIND}  - id: [oops\n`);
    const broken = await session.server.request<TimelineView | null>(TIMELINE_REQUEST, { uri: brokenUri });
    expect(broken?.dragOff).toBe('the plan has YAML errors: fix them in the editor before dragging on the timeline');
    expect(await session.server.request(TIMELINE_EDIT_REQUEST, { uri: brokenUri, gesture: { kind: 'move', phase: 'build', days: 1 } })).toEqual({ ok: false, reason: broken?.dragOff });
    const editable = await session.server.request<TimelineView | null>(TIMELINE_REQUEST, { uri });
    expect(editable?.phases.length).toBeGreaterThan(0);
    expect(editable).not.toHaveProperty('dragOff');
  });

  it('answers a refusal, not an error, for a file that is not open or a gesture it cannot read', async () => {
    expect(await session.server.request(TIMELINE_EDIT_REQUEST, { uri: ws.uri('plans/missing.rollout.yaml'), gesture: { kind: 'move', phase: 'build', days: 1 } })).toMatchObject({ ok: false });
    expect(await session.server.request(TIMELINE_EDIT_REQUEST, { uri, gesture: { kind: 'move', phase: 'build', days: 'x' } })).toMatchObject({ ok: false });
    expect(session.server.alive).toBe(true);
  });
});
