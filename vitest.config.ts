import { defineConfig } from 'vitest/config';

/**
 * Time limits only catch a test that hangs; a wrong result is caught by its
 * assertions. So no limit here is one a busy shared 2-core machine can hit:
 * a test or hook that runs a build, Chromium or a child process may take
 * many times what it takes on a quiet machine.
 */
const MINUTE = 60_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/schema/**/*.test.ts'],
          // Most take milliseconds; the few that start a command-line script
          // or encode images must not fail because the machine is busy.
          testTimeout: 10 * MINUTE,
          hookTimeout: 10 * MINUTE,
        },
      },
      {
        // Tests that build sites with Astro and drive Chromium. The example
        // organisation is built once, with a fixed clock, by the global setup.
        test: {
          name: 'site',
          include: ['test/build/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/example-site.ts'],
          testTimeout: 30 * MINUTE,
          hookTimeout: 30 * MINUTE,
          // Each Astro build uses a core; two at a time suits a 2-core machine.
          maxWorkers: 2,
        },
      },
    ],
  },
});
