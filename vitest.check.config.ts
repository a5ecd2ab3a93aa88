// What a student runs: the visible tests against their own exercises/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['exercises/**/*.test.ts'],
  },
});
