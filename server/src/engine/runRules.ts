import type { Node } from 'yaml';
import type { Plan } from './model';
import type { Schedule } from './schedule';
import { nodeOffsets, rangeFromOffsets, type SourceFile } from './source';
import type { RuleSetting } from './config';
import type { Finding, RelatedLocation } from './types';
import { formatMessage } from './messages';
import type { Report, Rule } from './rules/types';

export type { RuleSetting } from './config';

interface RunRulesInput {
  plan: Plan;
  schedule: Schedule;
  rules: readonly Rule[];
  settings: ReadonlyMap<string, RuleSetting>;
  asOfDay?: number;
  /** The node in the plan that brought an imported file in (its `imports:` entry). */
  importNodeFor(source: SourceFile): Node | undefined;
}

/** Runs every enabled rule and turns its reports into findings located in the plan file. */
export function runRules(input: RunRulesInput): Finding[] {
  const { plan } = input;
  const findings: Finding[] = [];
  for (const rule of input.rules) {
    const setting = input.settings.get(rule.meta.id);
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity;
    const report = (r: Report) => {
      const template = rule.meta.messages[r.messageId];
      // A messageId the rule does not declare is a bug in the rule: it surfaces as internalError below.
      if (template === undefined) throw new Error(`reported messageId "${r.messageId}", which its meta.messages does not declare`);
      let message = formatMessage(template, r.data);
      const source = r.source ?? plan.source;
      let offsets = r.offsets ?? nodeOffsets(r.node);
      const related: RelatedLocation[] = [];
      if (source !== plan.source) {
        // Findings about imported declarations are shown on the import that brought them in.
        const importNode = input.importNodeFor(source);
        if (offsets) related.push({ file: source.path, range: rangeFromOffsets(source, offsets[0], offsets[1]), message: 'declared here' });
        offsets = nodeOffsets(importNode);
        message += ` (in imported file ${source.path})`;
      }
      // Never default to line 1 silently: fall back to the root mapping, then the document start.
      offsets ??= nodeOffsets(plan.root) ?? [0, 0];
      for (const rel of r.related ?? []) {
        const o = nodeOffsets(rel.node);
        if (o) related.push({ file: rel.source.path, range: rangeFromOffsets(rel.source, o[0], o[1]), message: rel.message });
      }
      findings.push({
        ruleId: rule.meta.id,
        messageId: r.messageId,
        severity,
        message,
        file: plan.source.path,
        range: rangeFromOffsets(plan.source, offsets[0], offsets[1]),
        offsets,
        related: related.length ? related : undefined,
        fixes: r.fixes?.length ? r.fixes : undefined,
        data: r.extra,
        idPath: r.idPath,
      });
    };
    try {
      rule.check({ plan, schedule: input.schedule, options: setting.options, asOfDay: input.asOfDay, report });
    } catch (error) {
      // A rule bug must not take the editor down; it surfaces as a finding asking for a report.
      findings.push({
        ruleId: rule.meta.id,
        messageId: 'internalError',
        severity: 'error',
        message: `rule "${rule.meta.id}" failed on this plan (${error instanceof Error ? error.message : String(error)}); please report this bug`,
        file: plan.source.path,
        range: rangeFromOffsets(plan.source, 0, 0),
        offsets: [0, 0],
      });
    }
  }
  return findings;
}
