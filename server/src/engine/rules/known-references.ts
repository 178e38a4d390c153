import { addToListKey, flowMapText, replaceNode, scalarText } from '../edits';
import { planReferences, declaredEntities, KIND_NOUNS } from '../entities';
import type { Entity } from '../model';
import { closest } from '../suggest';
import type { Fix } from '../types';
import type { Rule, RuleContext } from './types';

export const knownReferences: Rule = {
  meta: {
    id: 'known-references',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'every person, team, phase, milestone, objective, calendar and integration id used resolves to a declaration, and every wave number to a declared wave',
    fixable: true,
    hasSuggestions: true,
    messages: {
      unknown: '{{field}} "{{id}}" is not a declared {{expected}}{{suggestion}}',
      wrongKind: '{{field}} "{{id}}" is a {{actual}}, not a {{expected}}; name a {{expected}} id here',
      unknownWave: 'wave {{wave}} of phase "{{phase}}" is not declared in "waves"{{suggestion}}',
    },
  },
  check(context) {
    checkIds(context);
    checkWaves(context);
  },
};

/** When `waves` is declared, every phase's `wave:` names one of them (the closest is suggested). */
function checkWaves({ plan, report }: RuleContext): void {
  if (plan.waves.length === 0) return;
  const declared = [...new Set(plan.waves.map((w) => w.wave.value))];
  for (const phase of plan.phases) {
    const wave = phase.wave;
    if (!wave || declared.includes(wave.value)) continue;
    const nearest = declared.reduce((best, n) => (Math.abs(n - wave.value) < Math.abs(best - wave.value) ? n : best));
    report({
      messageId: 'unknownWave',
      data: { wave: wave.value, phase: phase.id, suggestion: `; did you mean ${nearest}? Declared: ${declared.join(', ')}` },
      node: wave.node,
      fixes: [{ title: `replace with ${nearest}`, edits: [replaceNode(wave.node, String(nearest))], kind: 'fix' }],
      idPath: phase.idPath,
    });
  }
}

function checkIds({ plan, report }: RuleContext): void {
  const candidateLists = new Map<string, string[]>();
  const declared = declaredEntities(plan);
  const byId = new Map<string, Entity>();
  for (const e of declared) if (!byId.has(e.id)) byId.set(e.id, e);
  for (const { ref, accepts, field } of planReferences(plan)) {
    const target = byId.get(ref.value);
    const expected = accepts.length === 0 ? 'id' : accepts.map((k) => KIND_NOUNS[k]).join(' or ');
    if (target && (accepts.length === 0 || accepts.includes(target.kind))) continue;
    if (target) {
      report({ messageId: 'wrongKind', data: { field, id: ref.value, actual: KIND_NOUNS[target.kind], expected }, node: ref.node });
      continue;
    }
    // One candidate list per kind of reference, so suggestions reuse its index (suggest.ts).
    const key = accepts.join(',');
    const candidates = candidateLists.get(key) ?? declared.filter((e) => accepts.length === 0 || accepts.includes(e.kind)).map((e) => e.id);
    candidateLists.set(key, candidates);
    const suggestion = closest(ref.value, candidates);
    const fixes: Fix[] = [];
    if (suggestion) fixes.push({ title: `replace with "${suggestion}"`, edits: [replaceNode(ref.node, scalarText(suggestion))], kind: 'fix' });
    if (accepts.includes('person')) {
      const stub = flowMapText({ id: ref.value, name: 'TODO' });
      const edit = plan.root && addToListKey(plan.source, plan.root, 'people', plan.peopleNode, stub);
      if (edit) fixes.push({ title: `declare person "${ref.value}"`, edits: [edit], kind: 'suggestion' });
    }
    report({
      messageId: 'unknown',
      data: { field, id: ref.value, expected, suggestion: suggestion ? `; did you mean "${suggestion}"?` : `; declare it or use one of the declared ids` },
      node: ref.node,
      fixes,
    });
  }
}
