import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/schema/**/*.test.ts'],
        },
      },
      {
        // Tests that build sites with Astro and drive Chromium. The example
        // organisation is built once, with a fixed clock, by the global setup.
        test: {
          name: 'site',
          include: ['test/build/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/example-site.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Each Astro build uses a core; two at a time suits a 2-core machine.
          maxWorkers: 2,
        },
      },
    ],
  },
});
