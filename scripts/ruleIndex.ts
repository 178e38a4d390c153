import { presetSeverity, PRESETS } from '../server/src/engine/config';
import { CATEGORY_TITLES, type Category, type RuleMeta } from '../server/src/engine/rules/types';

/** Renders docs/rules/README.md: every rule grouped by category, with its severity per preset. */
export function renderRuleIndex(metas: readonly RuleMeta[]): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from the rule registry by `npm run docs`; do not edit by hand. -->',
    '',
    'Every finding has a rule id, a severity and a page here. Presets: `recommended` runs every rule at its',
    'default severity except the "all only" ones; `strict` raises warnings to errors and infos to warnings;',
    '`all` turns every rule on at its default severity. Configure them in `.crm-rollout.yaml`.',
    '',
  ];
  const categories = Object.keys(CATEGORY_TITLES) as Category[];
  for (const category of categories) {
    const inCategory = metas.filter((m) => m.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${CATEGORY_TITLES[category]}`, '', `| rule | checks | fix | ${PRESETS.join(' | ')} |`, `| --- | --- | --- | ${PRESETS.map(() => '---').join(' | ')} |`);
    for (const meta of inCategory) {
      const severities = PRESETS.map((p) => presetSeverity(p, meta));
      lines.push(`| [\`${meta.id}\`](${meta.id}.md) | ${meta.description.replace(/\|/g, '\\|')} | ${meta.fixable ? 'yes' : ''} | ${severities.join(' | ')} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
