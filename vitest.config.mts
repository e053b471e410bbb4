import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Terraform end-to-end tests start real processes; give them room without slowing the unit tests.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
