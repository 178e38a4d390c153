import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, Hover, InlayHint, Location, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, at, createWorkspace, editsFor, LspServer, positionOf } from './harness';

/*
 * Version 1.1 schedules in the editor, over real stdio. 2027-01-11 is a Monday.
 * design        plan calendar, calendar.start: Mon 01-11 .. Fri 01-15; its milestone signed-off
 *               is undated, so it is design's end.
 * build         after the milestone: Mon 01-18 .. Fri 01-22.
 * integrations  after design: Mon 01-18 .. Fri 01-22 (ties with build).
 * fr-live       wave 1, on calendar fr (Wed 01-20 a holiday); after both: Mon 01-25 .. Fri 01-29.
 * docs          calendar fr, after design: Mon 01-18, 2d -> Tue 01-19; float to the plan's end
 *               01-29 on fr: Thu 21, Fri 22, Jan 25-29 = 7 (Wed 20 is the holiday).
 * Critical: design, build, integrations, fr-live: the chains design → build → fr-live and
 * design → integrations → fr-live tie.
 */
const PLAN = `plan: 1
name: Waves
calendar: { start: 2027-01-11 }
calendars:
  - { id: fr, name: France, holidays: [2027-01-20] }
waves:
  - { wave: 1, name: France, calendar: fr }
  - { wave: 2, name: Germany }
phases:
  - id: design
    name: Design
    kind: design
    duration: 1w
    milestones:
      - { id: signed-off, name: Signed off }
  - { id: build, name: Build, kind: configuration, after: [signed-off], duration: 1w }
  - { id: integrations, name: Integrations, kind: configuration, after: [design], duration: 1w }
  - { id: fr-live, name: FR go-live, kind: go-live, wave: 1, after: [build, integrations], duration: 1w }
  - { id: docs, name: Docs, kind: training, calendar: fr, after: [design], duration: 2d }
`;

/*
 * The same plan in execution, as of Wed 01-20: design really ended Tue 01-19, two working days
 * late. Forecast: design 01-11 .. 01-19; build and integrations Wed 01-20 .. Tue 01-26; fr-live
 * (fr calendar) Wed 01-27 .. Tue 02-02.
 */
const RUNNING = PLAN.replace('    duration: 1w\n    milestones:', '    duration: 1w\n    actual: { start: 2027-01-11, end: 2027-01-19 }\n    milestones:');

const valueOf = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';
const firstSection = (hover: Hover | null) => valueOf(hover).split('\n\n---\n\n')[0];

describe('schedules in the editor', () => {
  const ws = createWorkspace({ 'plans/waves.rollout.yaml': PLAN, 'plans/running.rollout.yaml': RUNNING, 'plans/edited.rollout.yaml': PLAN });
  const uri = ws.uri('plans/waves.rollout.yaml');
  const runningUri = ws.uri('plans/running.rollout.yaml');
  const editedUri = ws.uri('plans/edited.rollout.yaml');
  let server: LspServer;

  beforeAll(async () => {
    server = await LspServer.start(ws.root, { settings: { asOf: '2027-01-20' } });
    await server.open(uri, PLAN);
    await server.open(runningUri, RUNNING);
    await server.open(editedUri, PLAN);
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  const hoverAt = (target: string, position: { line: number; character: number }) => server.request<Hover | null>('textDocument/hover', { textDocument: { uri: target }, position });

  describe('hover on a phase', () => {
    it('shows its calendar, its float and the critical chain that makes it critical', async () => {
      expect(firstSection(await hoverAt(uri, at(PLAN, 'id: build', 5)))).toBe(
        [
          '**phase** `build` — Build (configuration)',
          '2027-01-18 → 2027-01-22 · 5 working days',
          "calendar the plan's calendar",
          "float 0 working days · critical: any delay moves the plan's end or a fixed date",
          'on the critical chain `design → build → fr-live`',
          'after signed-off',
        ].join('\n\n'),
      );
    });

    it('lists both chains when they tie, and the wave\'s calendar', async () => {
      expect(firstSection(await hoverAt(uri, at(PLAN, 'id: fr-live', 5)))).toBe(
        [
          '**phase** `fr-live` — FR go-live (go-live)',
          '2027-01-25 → 2027-01-29 · 5 working days',
          'calendar France (`fr`) · of wave 1',
          "float 0 working days · critical: any delay moves the plan's end or a fixed date",
          'on the critical chains `design → build → fr-live`, `design → integrations → fr-live`',
          'after build, integrations',
        ].join('\n\n'),
      );
    });

    it('counts the float of a phase on its own calendar', async () => {
      expect(firstSection(await hoverAt(uri, at(PLAN, 'id: docs', 5)))).toBe(
        ['**phase** `docs` — Docs (training)', '2027-01-18 → 2027-01-19 · 2 working days', 'calendar France (`fr`) · its own `calendar:`', 'float 7 working days', 'after design'].join('\n\n'),
      );
    });

    it('shows planned and forecast dates when the plan records actual dates', async () => {
      expect(firstSection(await hoverAt(runningUri, at(RUNNING, 'id: fr-live', 5)))).toBe(
        [
          '**phase** `fr-live` — FR go-live (go-live)',
          '2027-01-25 → 2027-01-29 · 5 working days',
          'planned 2027-01-25 → 2027-01-29 · forecast 2027-01-27 → 2027-02-02',
          'calendar France (`fr`) · of wave 1',
          "float 0 working days · critical: any delay moves the plan's end or a fixed date",
          'on the critical chains `build → fr-live`, `integrations → fr-live`',
          'after build, integrations',
        ].join('\n\n'),
      );
      expect(firstSection(await hoverAt(runningUri, at(RUNNING, '  - id: design', 8)))).toContain(
        'planned 2027-01-11 → 2027-01-15 · forecast 2027-01-11 → 2027-01-19 (finished)\n\ncalendar the plan\'s calendar\n\nfloat 0 working days · complete',
      );
    });
  });

  it('shows inlay hints on each phase\'s calendar, with critical on both tied chains', async () => {
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    expect(hints.map((h) => h.label)).toEqual([
      '2027-01-11 → 2027-01-15 · 5d · critical',
      '2027-01-18 → 2027-01-22 · 5d · critical',
      '2027-01-18 → 2027-01-22 · 5d · critical',
      '2027-01-25 → 2027-01-29 · 5d France · critical',
      '2027-01-18 → 2027-01-19 · 2d France · slack 7d',
    ]);
    expect(hints[4].tooltip).toBe('Can slip 7 working days without moving the plan\'s last end date. Working days are counted on calendar "France".');
  });

  describe('completion', () => {
    async function complete(marked: string): Promise<CompletionItem[]> {
      const offset = marked.indexOf('¦');
      const text = marked.replace('¦', '');
      server.change(editedUri, text);
      const result = await server.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: editedUri }, position: positionOf(marked, offset) });
      return Array.isArray(result) ? result : (result?.items ?? []);
    }

    it('offers declared wave numbers in a phase\'s wave', async () => {
      const items = await complete(PLAN.replace('kind: go-live, wave: 1,', 'kind: go-live, wave: ¦,'));
      expect(items.map((i) => [i.label, i.detail])).toEqual([
        ['1', 'France · calendar fr'],
        ['2', 'Germany'],
      ]);
    });

    it('offers calendar ids in a phase\'s calendar', async () => {
      const items = await complete(PLAN.replace('kind: training, calendar: fr,', 'kind: training, calendar: ¦,'));
      expect(items.map((i) => [i.label, i.detail])).toEqual([['fr', 'France']]);
    });

    it('offers milestone ids with the phases in after', async () => {
      const items = await complete(PLAN.replace('after: [signed-off]', 'after: [¦]'));
      expect(items.map((i) => [i.label, i.detail])).toContainEqual(['signed-off', 'Signed off · milestone of design']);
      expect(items.map((i) => i.label)).toContain('integrations');
    });
  });

  describe('navigation', () => {
    const where = (locations: Location[]) => locations.map((l) => [l.range.start, l.range.end]);

    it('goes from a calendar id to its declaration, and finds its every use', async () => {
      const definition = await server.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at(PLAN, 'calendar: fr,', 11) });
      expect(where(definition)).toEqual([[at(PLAN, 'id: fr', 4), at(PLAN, 'id: fr', 6)]]);
      const references = await server.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at(PLAN, 'id: fr', 4), context: { includeDeclaration: false } });
      expect(where(references)).toEqual([
        [at(PLAN, 'calendar: fr,', 10), at(PLAN, 'calendar: fr,', 12)],
        [at(PLAN, 'calendar: fr }', 10), at(PLAN, 'calendar: fr }', 12)],
      ]);
    });

    it('renames a calendar id where it is declared and used', async () => {
      const edit = await server.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at(PLAN, 'calendar: fr,', 11), newName: 'france' });
      expect(applyTextEdits(PLAN, editsFor(edit, uri))).toBe(PLAN.replace('id: fr,', 'id: france,').replace('calendar: fr }', 'calendar: france }').replace('calendar: fr,', 'calendar: france,'));
    });

    it('goes from a milestone id in after to the milestone, and renames it in both places', async () => {
      const definition = await server.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at(PLAN, '[signed-off]', 3) });
      expect(where(definition)).toEqual([[at(PLAN, 'id: signed-off', 4), at(PLAN, 'id: signed-off', 14)]]);
      const edit = await server.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at(PLAN, '[signed-off]', 3), newName: 'design-approved' });
      expect(applyTextEdits(PLAN, editsFor(edit, uri))).toBe(PLAN.replace('id: signed-off', 'id: design-approved').replace('[signed-off]', '[design-approved]'));
    });
  });

  it('offers progress actions dated on the as-of setting, as suggestions fix-all never applies', async () => {
    const position = at(PLAN, 'Signed off', 3);
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
    const achieved = actions.find((a) => a.title === 'mark milestone "signed-off" achieved today (2027-01-20)');
    expect(applyTextEdits(PLAN, editsFor(achieved?.edit, uri))).toBe(PLAN.replace('{ id: signed-off, name: Signed off }', '{ id: signed-off, name: Signed off, achieved: 2027-01-20 }'));
    const inPhase = at(PLAN, 'kind: training', 6);
    const started = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: inPhase, end: inPhase }, context: { diagnostics: [] } });
    const start = started.find((a) => a.title === 'mark phase "docs" started today (2027-01-20)');
    expect(applyTextEdits(PLAN, editsFor(start?.edit, uri))).toBe(PLAN.replace('after: [design], duration: 2d }', 'after: [design], duration: 2d, actual: { start: 2027-01-20 } }'));
    const fixAll = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: inPhase, end: inPhase }, context: { diagnostics: [], only: ['source.fixAll.crm-rollout'] } });
    expect(fixAll.map((a) => a.title).filter((t) => t.startsWith('mark'))).toEqual([]);
  });
});
