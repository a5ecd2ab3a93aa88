// The one Ajv set-up of relu-lab. Each published schema in grader/schemas/ is
// read and compiled once, on first use, and shared by the manifest loader and
// the results validator.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { PACKAGE_ROOT } from '../core/defaults.ts';

/** The schemas in grader/schemas/, by the first part of their file name. */
export type SchemaName = 'assignment' | 'results';

/** Checks a value against a schema: one `<JSON path>: <reason>` line per problem, none when it is valid. */
export type SchemaCheck = (data: unknown) => string[];

/** Where a schema is published. */
export function schemaPath(name: SchemaName): string {
  return path.join(PACKAGE_ROOT, 'grader/schemas', `${name}.schema.json`);
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** The checker of `grader/schemas/<name>.schema.json`, compiled once per process. */
export function schemaValidator(name: SchemaName): SchemaCheck {
  let validate = compiled.get(name);
  if (!validate) {
    validate = sharedAjv().compile(JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object);
    compiled.set(name, validate);
  }
  const check = validate;
  return (data) => (check(data) ? [] : describeErrors(check.errors ?? []));
}

function sharedAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, discriminator: true, verbose: true, strict: true });
    ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  }
  return ajv;
}

// RFC 3339 date-time, as JSON Schema's `date-time` format: a time zone is required.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function describeErrors(errors: ErrorObject[]): string[] {
  const nullable = new Set(errors.filter(isNullType).map((e) => e.instancePath));
  const lines = errors
    .filter((e) => !isNoise(e, errors))
    .map((e) => {
      const orNull = e.keyword === 'type' && nullable.has(e.instancePath) ? ' or null' : '';
      return `${e.instancePath || '/'}: ${reason(e)}${orNull}`;
    });
  return [...new Set(lines)];
}

function isNullType(e: ErrorObject): boolean {
  return e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null';
}

// A nullable value (`oneOf: [X, null]`) that fails X also reports "must be
// null" and "must match exactly one schema": X's own errors say more.
function isNoise(e: ErrorObject, all: ErrorObject[]): boolean {
  const noisy = e.keyword === 'oneOf' || isNullType(e);
  if (!noisy) return false;
  return all.some(
    (o) => o !== e && o.keyword !== 'oneOf' && !isNullType(o) && (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)),
  );
}

function reason(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property '${String(p.additionalProperty)}' (remove it or check its spelling)`;
    case 'required':
      return `missing required property '${String(p.missingProperty)}'`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'format':
      return p.format === 'date-time' ? 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T23:59:00Z' : `must match format "${String(p.format)}"`;
    case 'discriminator':
      return `${String(p.tag)} must be one of ${discriminatorValues(e).join(', ')}`;
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}

function discriminatorValues(e: ErrorObject): string[] {
  const tag = String((e.params as Record<string, unknown>).tag);
  const branches = ((e.parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf ?? []) as {
    properties?: Record<string, { const?: unknown }>;
  }[];
  return branches.map((b) => JSON.stringify(b.properties?.[tag]?.const));
}
