/** Dependency-free so the VS Code client can name new plans without bundling the CLI. */

/** `Acme Sales Cloud rollout` -> `acme-sales-cloud-rollout`; accents are dropped, never the letter. */
export function kebabName(name: string): string {
  const kebab = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return kebab || 'crm-rollout';
}
