// Vitest configuration: every *.test.ts under test/, run in Node.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    reporters: ['default', './test/support/closingLineReporter.ts'],
  },
});
