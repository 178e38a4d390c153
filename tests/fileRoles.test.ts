import { describe, expect, it } from 'vitest';
import { fileRole, isPlanPath, planFileName, planStem } from '../server/src/fileRoles';

describe('file roles', () => {
  it.each([
    ['plans/acme.rollout.yaml', 'plan'],
    ['plans/acme.rollout.yml', 'plan'],
    ['/abs/.crm-rollout.yaml', 'config'],
    ['.crm-rollout.yml', 'config'],
    ['C:\\work\\plans\\.crm-rollout.yaml', 'config'],
    ['C:\\work\\plans\\acme.rollout.yaml', 'plan'],
    ['people.yaml', 'directory'],
    ['plans/acme.yaml', 'directory'],
    ['plans/acme.rollout.yaml.bak', 'directory'],
    ['plans/x.crm-rollout.yaml', 'directory'],
    ['plans/.crm-rollout.yaml/people.yaml', 'directory'],
  ])('%s is a %s', (path, role) => {
    expect(fileRole(path)).toBe(role);
  });

  it('matches names case-sensitively, the same on every platform', () => {
    expect(isPlanPath('plans/Acme.ROLLOUT.YAML')).toBe(false);
    expect(isPlanPath('plans/Acme.Rollout.yml')).toBe(false);
    expect(fileRole('.CRM-ROLLOUT.yaml')).toBe('directory');
    expect(isPlanPath('plans/ACME.rollout.yaml')).toBe(true);
  });

  it('names a new plan and takes the name back apart', () => {
    expect(planFileName('acme-rollout')).toBe('acme-rollout.rollout.yaml');
    expect(planStem('/x/plans/acme-rollout.rollout.yaml')).toBe('acme-rollout');
    expect(planStem('/x/plans/acme.rollout.yml')).toBe('acme');
    expect(planStem('/x/plans/notes.yaml')).toBe('notes.yaml');
  });
});
