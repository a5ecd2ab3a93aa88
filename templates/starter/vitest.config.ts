// The visible tests: npm test (or npm run check) runs them against exercises/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['exercises/**/*.test.ts'],
  },
});
