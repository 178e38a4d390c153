// Preloaded with `node -r bench/peakRss.cjs ...`: writes the process's peak resident set size
// (KiB, from the kernel) to the file named by BENCH_PEAK_FILE when it exits, so the benchmark
// can compare the CLI's memory with the floor's without an external tool.
'use strict';
const fs = require('node:fs');
const file = process.env.BENCH_PEAK_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
