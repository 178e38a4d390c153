import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_REPORT_REQUEST, type StatusReportResult } from '../../server/src/protocol';
import { onlyRulesConfig } from '../helpers/cli';
import { EXECUTION_PLAN } from '../helpers/statusPlan';
import { createWorkspace, LspServer } from './harness';

/**
 * `crm-rollout/statusReport` over a real stdio connection: the report the editor shows (html
 * under the webview's policy) and saves (markdown), as of the `asOf` setting and against the
 * `baseline` setting's git ref.
 */

const NOT_STARTED = EXECUTION_PLAN.replace('    actual: { start: 2027-05-05 }\n', '');

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });
}

describe('the status report request', () => {
  const ws = createWorkspace({ 'fjord.rollout.yaml': NOT_STARTED, '.crm-rollout.yaml': onlyRulesConfig(['overdue']), 'people.yaml': 'people: []\n' });
  const uri = ws.uri('fjord.rollout.yaml');
  let server: LspServer;

  const configure = (settings: Record<string, unknown>) => {
    server.settings = settings;
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };
  const report = (format: 'html' | 'markdown', webview?: { csp: string; nonce: string }) => server.request<StatusReportResult>(STATUS_REPORT_REQUEST, { uri, format, ...(webview ? { webview } : {}) });

  beforeAll(async () => {
    git(ws.root, 'init', '-q');
    git(ws.root, 'add', '.');
    git(ws.root, 'commit', '-q', '-m', 'approved plan');
    git(ws.root, 'tag', 'v1.0');
    server = await LspServer.start(ws.root, { settings: { asOf: '2027-05-03' } });
    // The open document moves Norway's go-live a week later than v1.0 (build 5w instead of 4w).
    await server.open(uri, NOT_STARTED.replace('duration: 4w', 'duration: 5w'));
  });
  afterAll(async () => {
    await server.stop();
    ws.dispose();
  });

  it('renders html for the webview: its policy, the nonce on the only style element, no script', async () => {
    const policy = "default-src 'none'; style-src 'nonce-abc123'";
    const result = await report('html', { csp: policy, nonce: 'abc123' });
    expect(result?.colour).toBe('green');
    expect(result?.text).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy.replace(/'/g, '&#39;')}">`);
    expect(result?.text.match(/<style[^>]*>/g)).toEqual(['<style nonce="abc123">']);
    expect(result?.text).not.toMatch(/<script|style="/);
    expect(result?.text).toContain('var(--vscode-editor-foreground)');
  });

  it('renders markdown as of the asOf setting, said in the first line', async () => {
    const result = await report('markdown');
    expect(result?.text.split('\n')[0]).toBe('# Status report as of 2027-05-03 (the crm-rollout.asOf setting)');
  });

  it('compares with the baseline setting\'s git ref: the later go-live turns the report red', async () => {
    configure({ asOf: '2027-05-03', baseline: 'v1.0' });
    await expect.poll(async () => (await report('markdown'))?.colour).toBe('red');
    const result = await report('markdown');
    expect(result?.baselineProblem).toBeUndefined();
    // Markdown escapes the parentheses of plan-derived text.
    expect(result?.text).toContain('the go-live of wave 1 \\(Norway\\) is forecast for 2027-06-07, 5 working days later than the baseline \\(2027-05-31\\)');
  });

  it('says when the baseline ref does not exist, and compares with the planned schedule', async () => {
    configure({ asOf: '2027-05-03', baseline: 'v9.9' });
    await expect.poll(async () => (await report('markdown'))?.baselineProblem).toBe('crm-rollout.baseline: "v9.9" is not a commit of its repository; the report compares with the planned schedule');
    expect((await report('markdown'))?.colour).toBe('green');
  });

  it('answers null for a file that is not a plan', async () => {
    const people = ws.uri('people.yaml');
    server.openQuietly(people, 'people: []\n');
    expect(await server.request(STATUS_REPORT_REQUEST, { uri: people, format: 'html' })).toBeNull();
  });
});
