import { isScalar, isSeq } from 'yaml';
import { replaceNode } from '../edits';
import type { Plan } from '../model';
import type { TextEdit } from '../types';
import { pairOf } from '../yamlNodes';
import { insertGovernanceEntry } from './plan-keys';

/**
 * Sets `governance.<key>` to `valueText`: fills an empty value in place (`key:`, `key: ""` or
 * `key: []`), else adds the key the way every governance fix does (plan-keys.ts, which also
 * creates `governance` when missing). Undefined when `governance` or the key holds something
 * the rule cannot safely extend (the schema reports that).
 */
export function setGovernanceEntry(plan: Plan, key: string, valueText: string): TextEdit | undefined {
  const source = plan.source;
  const pair = plan.governance && pairOf(source.doc, plan.governance.map, key);
  if (!pair) return insertGovernanceEntry(plan, key, valueText);
  const value = pair.value;
  const empty = (isSeq(value) && value.items.length === 0) || (isScalar(value) && (value.value === null || value.value === ''));
  if (!empty || !value?.range) return undefined;
  const edit = replaceNode(value, valueText);
  // A null value has no text of its own: `key:` needs a space before what is written after it.
  return edit.start === edit.end && source.text[edit.start - 1] === ':' ? { ...edit, newText: ` ${valueText}` } : edit;
}
