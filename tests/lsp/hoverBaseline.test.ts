import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { onlyRulesConfig } from '../helpers/cli';
import { EXECUTION_PLAN } from '../helpers/statusPlan';
import { at, createWorkspace, LspServer } from './harness';

/**
 * The phase hover against the `crm-rollout.baseline` setting, over a real stdio connection, in
 * a temporary git repository whose tag `v1.0` holds an earlier version of the plan: build
 * took 3 weeks there (Mon 2027-05-03 .. Fri 05-21). The open plan gives it 4 weeks and records
 * its start on Wed 05-05, so as of Tue 06-01 it is forecast to end on 06-01: 7 working days
 * (Mon-Fri, no holidays) after the baseline's end.
 */

const BASELINE = EXECUTION_PLAN.replace('    duration: 4w\n    actual: { start: 2027-05-05 }\n', '    duration: 3w\n');
const AS_OF = '2027-06-01';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });
}

const valueOf = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';
const firstSection = (hover: Hover | null) => valueOf(hover).split('\n\n---\n\n')[0];

const BUILD_HEAD = ['**phase** `build` — Build (configuration)', '2027-05-03 → 2027-05-28 · 20 working days', 'planned 2027-05-03 → 2027-05-28 · forecast 2027-05-05 → 2027-06-01 (started)'];

describe('the phase hover against the baseline setting', () => {
  const ws = createWorkspace({ 'fjord.rollout.yaml': BASELINE, '.crm-rollout.yaml': onlyRulesConfig(['overdue']) });
  const uri = ws.uri('fjord.rollout.yaml');
  let server: LspServer;
  let text = EXECUTION_PLAN;

  const configure = (settings: Record<string, unknown>) => {
    server.settings = settings;
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };
  const hoverOn = async (needle: string) => firstSection(await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(text, needle, 5) }));
  const lines = async (needle: string) => (await hoverOn(needle)).split('\n\n');

  beforeAll(async () => {
    git(ws.root, 'init', '-q');
    git(ws.root, 'add', '.');
    git(ws.root, 'commit', '-q', '-m', 'approved plan');
    git(ws.root, 'tag', 'v1.0');
    server = await LspServer.start(ws.root, { settings: { asOf: AS_OF } });
    await server.open(uri, text);
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  it('says nothing of a baseline while the setting is empty', async () => {
    const shown = await lines('id: build');
    expect(shown.slice(0, 4)).toEqual([...BUILD_HEAD, "calendar the plan's calendar"]);
    expect(shown.some((l) => l.includes('baseline'))).toBe(false);
  });

  it('shows the phase\'s dates at the ref and the slip of its forecast end in working days', async () => {
    configure({ asOf: AS_OF, baseline: 'v1.0' });
    await expect.poll(() => hoverOn('id: build')).toContain('baseline `v1.0`');
    expect(await hoverOn('id: build')).toBe(
      [
        ...BUILD_HEAD,
        'baseline `v1.0` 2027-05-03 → 2027-05-21 · ends +7d (7 working days later)',
        "calendar the plan's calendar",
        "float 0 working days · critical: any delay moves the plan's end or a fixed date",
        'on the critical chain `build → go-no → go-de`',
        'owner tom · checklist 1/2 done',
      ].join('\n\n'),
    );
    // A phase the plan does not move is on time against the baseline.
    expect((await lines('id: de-prep'))[3]).toBe('baseline `v1.0` 2027-05-17 → 2027-05-28 · ends on time');
  });

  it('keeps the baseline it read until the document changes, then reads the ref again', async () => {
    // Move the tag to a commit where build took 2 weeks (it ended on Fri 05-14).
    ws.write('fjord.rollout.yaml', BASELINE.replace('duration: 3w', 'duration: 2w'));
    git(ws.root, 'commit', '-q', '-am', 'shorter build');
    git(ws.root, 'tag', '-f', 'v1.0');
    expect(await hoverOn('id: build')).toContain('baseline `v1.0` 2027-05-03 → 2027-05-21 · ends +7d (7 working days later)');
    text = `${EXECUTION_PLAN}# reviewed\n`;
    await server.changeAndWait(uri, text);
    expect(await hoverOn('id: build')).toContain('baseline `v1.0` 2027-05-03 → 2027-05-14 · ends +12d (12 working days later)');
  });

  it('says in one line that a phase the baseline lacks is new', async () => {
    text = `${EXECUTION_PLAN}  - { id: hypercare, name: Hypercare, kind: hypercare, after: [go-de], duration: 1w }\n`;
    await server.changeAndWait(uri, text);
    expect((await lines('id: hypercare'))[3]).toBe('baseline `v1.0`: not in that version of the plan');
  });

  it('says in one line that a ref which does not exist gives no baseline, and the hover still shows the rest', async () => {
    configure({ asOf: AS_OF, baseline: 'v9.9' });
    await expect.poll(() => hoverOn('id: build')).toContain('no baseline');
    expect(await hoverOn('id: build')).toBe(
      [
        ...BUILD_HEAD,
        'no baseline: "v9.9" is not a commit of its repository (`crm-rollout.baseline`)',
        "calendar the plan's calendar",
        "float 0 working days · critical: any delay moves the plan's end or a fixed date",
        'on the critical chain `build → go-no → go-de → hypercare`',
        'owner tom · checklist 1/2 done',
      ].join('\n\n'),
    );
  });
});
