import { defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/reporters';

/**
 * Three suites:
 *  - unit:        pure code, `*.test.ts` beside the code (no database).
 *  - integration: `*.int.test.ts`, on a real PostgreSQL; one migrated template database,
 *                 cloned per test file (test/support/global-setup.ts).
 *  - e2e:         browser journeys in test/e2e with playwright-core and Debian's chromium.
 * With LANTOA_TEST_REPORT_DIR set (CI), each run also writes a JSON report there.
 */
const reportDir = process.env.LANTOA_TEST_REPORT_DIR;
const reporters: (string | Reporter | [string, Record<string, unknown>])[] = ['default'];
if (reportDir) {
  reporters.push(['json', { outputFile: `${reportDir}/vitest-${process.pid}-${Date.now()}.json` }]);
}

export default defineConfig({
  test: {
    reporters,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', 'bench/.baseline/**'],
          // Property tests and worker-thread parses take seconds on a busy 2-core machine: a timeout
          // here only catches hangs, speed is measured by bench/.
          testTimeout: 20_000,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/integration/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page's answer to a click can take seconds on a loaded 2-core CI machine: an
          // `expect.poll` waits for the outcome a user would wait for, not for one second.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          environment: 'node',
        },
      },
    ],
  },
});
