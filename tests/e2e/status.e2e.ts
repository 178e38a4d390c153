import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import type { CrmRolloutApi } from '../../client/src/api';
import { activate, closeAll, open, when } from './helpers';

suite('status item', () => {
  let api: CrmRolloutApi;
  suiteSetup(async () => {
    api = await activate();
  });

  test('shows the problems, go-live date and critical path of the active plan', async () => {
    const editor = await open('diagnostics.rollout.yaml');
    const uri = editor.document.uri.toString();
    const status = await when(api.onDidUpdateStatus, () => (api.status()?.uri === uri ? api.status() : undefined), 'the status of diagnostics.rollout.yaml');
    assert.match(status.text, /^Plan: [1-9]\d* errors?, \d+ warnings?/);
    assert.equal(status.severity, 'error');
    assert.match(status.detail, /^no go-live phase · critical path \d+ phases?, \d+ working days?$/);
    await closeAll();
  });

  test('a clean plan shows its go-live date', async () => {
    const editor = await open('acme.rollout.yaml');
    const uri = editor.document.uri.toString();
    const status = await when(api.onDidUpdateStatus, () => (api.status()?.uri === uri ? api.status() : undefined), 'the status of acme.rollout.yaml');
    assert.match(status.detail, /^go-live 2027-02-16 · critical path \d+ phases, \d+ working days$/);
    await closeAll();
  });
});
