// The visible tests: npm test (or npm run check) runs them against exercises/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['exercises/**/*.test.ts'],
    // seven small files of pure functions: one thread, no fresh module graph per file; about 1.6 s instead of 3.5 s on two cores
    pool: 'threads',
    isolate: false,
  },
});
