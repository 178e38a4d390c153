/**
 * The plan the data-loss cases of the hostile-input suite fix, in the CLI
 * (tests/corpus/fixSafety.test.ts) and in the editor (tests/lsp/fixSafety.test.ts): a
 * data-migration phase whose checklist (`checklist`, written right after `checklist:`) has a
 * final migration but no backup item, so migration-backup's edit inserts BACKUP_ITEM.
 */
export function migrationPlan(checklist: string): string {
  return `plan: 1
name: Migration
sponsor: dan
owner: dan
people:
  - { id: dan, name: Dan }
phases:
  - id: data
    name: Data migration
    kind: data-migration
    owner: dan
    start: 2027-01-11
    duration: 4w
    checklist:${checklist}
`;
}

/** A final-migration item as a flow mapping, indented as an item of migrationPlan's checklist. */
export const FINAL_MIGRATION_ITEM = '      { task: Final import, tags: [final-migration], due: 2027-02-12 }';

/** The backup item migration-backup's edit inserts. */
export const BACKUP_ITEM = '{ task: Back up the legacy data before the final migration, tags: [backup] }';
