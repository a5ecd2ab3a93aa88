// The platforms' documented result formats as JSON Schemas, for the
// exporters' tests: what each platform reads, with no property it does not
// know (additionalProperties: false), and its value ranges.
import { Ajv2020 } from 'ajv/dist/2020.js';

const visibility = { enum: ['hidden', 'after_due_date', 'after_published', 'visible'] };
const outputFormat = { enum: ['text', 'html', 'simple_format', 'md', 'ansi'] };

/**
 * Gradescope: /autograder/results/results.json, as its "Autograder
 * Specifications" list the fields
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
 */
export const GRADESCOPE = {
  type: 'object',
  additionalProperties: false,
  required: ['tests'],
  properties: {
    score: { type: 'number' },
    execution_time: { type: 'number' },
    output: { type: 'string' },
    output_format: outputFormat,
    test_output_format: outputFormat,
    test_name_format: outputFormat,
    visibility,
    stdout_visibility: visibility,
    extra_data: { type: 'object' },
    leaderboard: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'value'],
        properties: { name: { type: 'string' }, value: { anyOf: [{ type: 'number' }, { type: 'string' }] }, order: { enum: ['asc', 'desc'] } },
      },
    },
    tests: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          score: { type: 'number' },
          max_score: { type: 'number' },
          status: { enum: ['passed', 'failed'] },
          name: { type: 'string' },
          name_format: outputFormat,
          number: { type: 'string' },
          output: { type: 'string' },
          output_format: outputFormat,
          tags: { type: 'array', items: { type: 'string' } },
          visibility,
          extra_data: { type: 'object' },
        },
      },
    },
  },
};

/**
 * PrairieLearn external grader: /grade/results/results.json, as its external
 * grading documentation lists the fields (https://docs.prairielearn.com/externalGrading/).
 */
export const PRAIRIELEARN = {
  type: 'object',
  additionalProperties: false,
  required: ['gradable'],
  properties: {
    gradable: { type: 'boolean' },
    score: { type: 'number', minimum: 0, maximum: 1 },
    format_errors: { type: 'array', items: { type: 'string' } },
    message: { type: 'string' },
    output: { type: 'string' },
    images: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['url'],
        properties: { url: { type: 'string' }, label: { type: 'string' } },
      },
    },
    tests: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'points', 'max_points'],
        properties: {
          name: { type: 'string' },
          description: { type: 'string' },
          points: { type: 'number', minimum: 0 },
          max_points: { type: 'number', minimum: 0 },
          message: { type: 'string' },
          output: { type: 'string' },
          images: { type: 'array' },
        },
      },
    },
  },
};

/** GitHub Classroom grader output, once base64-decoded. */
export const CLASSROOM = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'status', 'max_score', 'tests'],
  properties: {
    version: { const: 1 },
    status: { enum: ['pass', 'fail', 'error'] },
    max_score: { type: 'number' },
    tests: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'status', 'score', 'message', 'test_code', 'filename', 'line_no', 'duration'],
        properties: {
          name: { type: 'string' },
          status: { enum: ['pass', 'fail', 'error'] },
          score: { type: 'number' },
          message: { type: 'string' },
          test_code: { type: 'string' },
          filename: { type: 'string' },
          line_no: { type: 'integer' },
          duration: { type: 'number' },
        },
      },
    },
  },
};

const ajv = new Ajv2020({ allErrors: true, strict: true });

/** The problems of `data` against `schema`, as `<path> <message>` lines. */
export function shapeProblems(schema: object, data: unknown): string[] {
  const validate = ajv.compile(schema);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
