import type { Node } from 'yaml';
import type { Plan } from '../model';
import type { Schedule } from '../schedule';
import type { SourceFile } from '../source';
import type { Fix, Severity } from '../types';

export type Category = 'integrity' | 'sponsorship' | 'objectives' | 'lifecycle' | 'data' | 'adoption' | 'budget' | 'core';

export const CATEGORY_TITLES: Record<Category, string> = {
  core: 'Core (syntax, schema, imports, configuration)',
  integrity: 'Integrity',
  sponsorship: 'Sponsorship and ownership',
  objectives: 'Objectives and scope',
  lifecycle: 'Lifecycle',
  data: 'Data, security and integrations',
  adoption: 'Adoption and change',
  budget: 'Budget, time and risk',
};

export interface RuleMeta {
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** Only the `all` preset turns it on. */
  allOnly?: boolean;
  /** One line: what the rule checks. */
  description: string;
  /** Message templates keyed by messageId; `{{name}}` is replaced from the report's data. */
  messages: Record<string, string>;
  /**
   * JSON Schema of the rule's options object: the one source of schemas/config.schema.json's
   * `<rule>Options` definition and the rule's entry under `rules` (`npm run docs` writes them).
   * `$ref`s resolve in that file; the schema's own `$defs` are moved to the file's `$defs`.
   * Each property's `default` is the rule's `defaultOptions` value (tests/rules/meta.test.ts).
   */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /** The rule offers fixes: corrections of what is written, applied by `lint --fix` and fix-all. */
  fixable?: boolean;
  /** The rule offers suggestions: plan content, a person or a fact to record, offered in the light bulb only. */
  hasSuggestions?: boolean;
}

/** A location in some file of the plan (the plan itself or an imported file). */
interface NodeRef {
  node: Node;
  source: SourceFile;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** The node the finding is about; in the plan unless `source` says otherwise. */
  node?: Node;
  source?: SourceFile;
  /** Explicit offsets in the plan text, when no single node fits. */
  offsets?: [number, number];
  fixes?: Fix[];
  related?: (NodeRef & { message: string })[];
  idPath?: string;
  /** Extra structured data for front ends (e.g. candidate ids). */
  extra?: Record<string, unknown>;
}

export interface RuleContext {
  plan: Plan;
  schedule: Schedule;
  /** The rule's options: defaults merged with configuration. */
  options: Record<string, unknown>;
  /** Day number of the as-of date, when date-sensitive rules should run. */
  asOfDay?: number;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
