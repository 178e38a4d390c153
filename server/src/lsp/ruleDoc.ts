import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { ruleDocUrl } from '../engine/ruleDocs';
import type { RuleDocArgument } from '../protocol';

const RULE_ID = /^[a-z0-9-]+$/;

/**
 * `crm-rollout.server.showRuleDoc`: asks the client to open a rule's page in its browser
 * (`window/showDocument` with `external`). The page is built from the rule id, so the command
 * never opens an address a client made up.
 */
export async function showRuleDoc(connection: Connection, argument: unknown): Promise<void> {
  const ruleId = (argument as Partial<RuleDocArgument> | undefined)?.ruleId;
  if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'show documentation takes { ruleId, url }, as its code action passes it');
  }
  const url = ruleDocUrl(ruleId);
  const shown = await connection.window.showDocument({ uri: url, external: true });
  if (!shown.success) connection.console.warn(`crm-rollout: the editor did not open ${url}`);
}
