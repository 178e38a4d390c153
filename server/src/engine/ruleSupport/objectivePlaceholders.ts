/**
 * Values that objective suggestions insert for a person to replace. They are placeholders, so
 * every edit that inserts them is a suggestion; `due` and `owner` are placeholders too, since a
 * suggestion is never dated or owned by guesswork (rules.md, "Fixes and suggestions"): the
 * schema flags `due: TODO` and known-references flags `owner: TODO` until someone fills them
 * in. Texts avoid commas, colons and brackets so that they stay plain scalars in flow mappings.
 */
export const OBJECTIVE_PLACEHOLDERS = {
  statement: 'TODO what the rollout must achieve',
  metric: 'TODO metric and unit',
  baseline: 'TODO',
  target: 'TODO',
  due: 'TODO',
  owner: 'TODO',
} as const;
