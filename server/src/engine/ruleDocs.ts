/** Where rule pages live; every finding links here. */
const DOCS_BASE_URL = 'https://github.com/crm-rollout/crm-rollout/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
