// The project's own tests: the reference's property tests, the grader's unit
// tests, and the students' visible tests run once more against solutions/.
import { defineConfig } from 'vitest/config';
import { redirectToSolutions } from './grader/core/redirectToSolutions.ts';

// .ci/run asks for Vitest's JSON results to count passed and failed tests
const json = process.env.RELU_LAB_VITEST_JSON;

export default defineConfig({
  test: {
    reporters: json ? ['default', 'json'] : ['default'],
    outputFile: json ? { json } : undefined,
    projects: [
      {
        test: {
          name: 'project',
          include: ['solutions/**/*.test.ts', 'grader/**/*.test.ts', 'bin/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'grader/fixtures/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [redirectToSolutions()],
        test: {
          name: 'visible-on-reference',
          include: ['exercises/**/*.test.ts'],
        },
      },
    ],
  },
});
