import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'server/src/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30000,
    pool: 'forks',
    // Builds dist/server.js once for the language-server tests (tests/lsp), which spawn it.
    globalSetup: ['tests/lsp/globalSetup.ts'],
  },
});
