// The batch floor: reads every *.rollout.yaml under a directory and parses it as the CLI
// would have to at the least (`yaml`'s parseDocument with a LineCounter), one file at a time.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { LineCounter, parseDocument } = require('yaml');

const dir = process.argv[2];
let nodes = 0;
for (const name of fs.readdirSync(dir).sort()) {
  if (!name.endsWith('.rollout.yaml')) continue;
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  const doc = parseDocument(text, { lineCounter: new LineCounter() });
  nodes += doc.errors.length + 1;
}
process.stdout.write(`${nodes}\n`);
