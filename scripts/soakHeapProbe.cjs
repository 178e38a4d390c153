// Preloaded into the language server by `npm run soak` (through NODE_OPTIONS): on SIGUSR2 it
// collects garbage and writes the live heap size in bytes to SOAK_HEAP_FILE, so the soak
// compares heaps after a full collection, not resident memory that V8 keeps for reuse.
'use strict';
const fs = require('node:fs');
const v8 = require('node:v8');
const vm = require('node:vm');

const file = process.env.SOAK_HEAP_FILE;
if (file) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  process.on('SIGUSR2', () => {
    gc();
    fs.writeFileSync(file, String(process.memoryUsage().heapUsed));
  });
}
