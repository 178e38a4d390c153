import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NEW_PLAN_REQUEST,
  PLAN_TEMPLATES_REQUEST,
  RENDER_TIMELINE_REQUEST,
  TIMELINE_REQUEST,
  type NewPlanResult,
  type PlanTemplatesResult,
  type RenderTimelineResult,
  type TimelineData,
} from '../../server/src/protocol';
import { renderTimelineMermaid } from '../../server/src/render/timelineMermaid';
import { renderTimelineSvg } from '../../server/src/render/timelineSvg';
import { NORTHWIND } from './fixtures';
import { northwindSession } from './session';

/** The requests the VS Code extension leaves to the server so its bundle holds no engine: new plans and timeline exports. */

const INIT_GOLDEN = path.join(__dirname, '..', 'cli', 'golden', 'init');

describe('new plans and timeline exports over the language server', () => {
  const session = northwindSession(NORTHWIND);
  const { uri } = session;

  it('offers the templates of crm-rollout init, the default name and today', async () => {
    const offer = await session.server.request<PlanTemplatesResult>(PLAN_TEMPLATES_REQUEST, undefined);
    expect(offer.templates.map((t) => t.size)).toEqual(['small', 'mid', 'enterprise']);
    expect(offer.templates.every((t) => t.summary.length > 20)).toBe(true);
    expect(offer.defaultName).toBe('CRM rollout');
    expect(offer.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers a new plan byte for byte as crm-rollout init writes it, moving a Saturday start to Monday', async () => {
    const plan = await session.server.request<NewPlanResult>(NEW_PLAN_REQUEST, { size: 'small', name: 'Acme, Inc. "CRM" rollout: phase #2', start: '2027-12-25' });
    expect(plan).toEqual({
      fileName: 'acme-inc-crm-rollout-phase-2.rollout.yaml',
      text: fs.readFileSync(path.join(INIT_GOLDEN, 'small-quoted-name.rollout.yaml'), 'utf8'),
      configText: fs.readFileSync(path.join(INIT_GOLDEN, 'config.yaml'), 'utf8'),
      start: '2027-12-27',
      moved: true,
    });
  });

  it.each([
    [{ size: 'huge', name: 'X', start: '2027-01-11' }, /"huge" is not a size; use one of small, mid, enterprise/],
    [{ size: 'mid', name: '  ', start: '2027-01-11' }, /give the rollout a name/],
    [{ size: 'mid', name: 'X', start: '2027-02-30' }, /"2027-02-30" is not a date; write it as YYYY-MM-DD/],
  ])('refuses %j with a message saying what is wrong', async (params, message) => {
    await expect(session.server.request(NEW_PLAN_REQUEST, params)).rejects.toThrow(message);
  });

  it('draws the timeline it was given as an SVG in the asked palette, or as Mermaid, with the CLI\'s renderers', async () => {
    const data = (await session.server.request<TimelineData | null>(TIMELINE_REQUEST, { uri }))!;
    expect(data.phases.length).toBeGreaterThan(0);
    const svg = await session.server.request<RenderTimelineResult>(RENDER_TIMELINE_REQUEST, { data, format: 'svg', theme: 'dark' });
    expect(svg).toEqual({ text: renderTimelineSvg(data, { theme: 'dark' }) });
    expect(svg?.text).toContain('theme-dark');
    const mermaid = await session.server.request<RenderTimelineResult>(RENDER_TIMELINE_REQUEST, { data, format: 'mermaid', theme: 'light' });
    expect(mermaid).toEqual({ text: renderTimelineMermaid(data) });
  });

  it('answers null for data it cannot draw, and keeps running', async () => {
    expect(await session.server.request(RENDER_TIMELINE_REQUEST, { data: { phases: 'none' }, format: 'svg', theme: 'light' })).toBeNull();
    expect(session.server.alive).toBe(true);
  });
});
