// Bundles every front end from TypeScript (the entries are in scripts/bundle.mjs). Entries whose
// source does not exist yet are skipped.
import { fileURLToPath } from 'node:url';
import { bundle, presentEntries } from './scripts/bundle.mjs';
import { writeSchemaValidators } from './scripts/schemaValidators.mjs';

const production = process.argv.includes('--production');
const root = fileURLToPath(new URL('.', import.meta.url));

const started = Date.now();
// The engine imports the schema validators compiled from schemas/*.json: generate them first.
writeSchemaValidators();
const entries = presentEntries(root);
await Promise.all(entries.map((e) => bundle(root, e, { production })));
console.log(`built ${entries.map((e) => e.out).join(', ')} in ${Date.now() - started} ms`);
