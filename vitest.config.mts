import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'server/src/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30000,
    pool: 'forks',
    // Installs the Debian programs some tests run (chromium, neovim) once, or stops with the
    // command to run; then builds dist/server.js once for the language-server tests (tests/lsp),
    // which spawn it.
    globalSetup: ['tests/setup/provisionPrograms.ts', 'tests/lsp/globalSetup.ts'],
    // The JSON report is what .ci/run counts (its closing "N passed, N failed" line).
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
  },
});
