/**
 * A SARIF 2.1.0 validator for tests: ajv (draft-07) with ajv-formats over the schemas bundled in
 * ../shared/fixtures/sarif. The OASIS prose variant is the one the issue names; the SchemaStore copy is the one a log's
 * `$schema` points at. Both are draft-07. The normative errata schema is draft-04, which ajv 8 does not read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { itNeeding, SHARED_ROOT, sharedRequirement, titleNeeding } from '../helpers/requirements';

export const ROOT = resolve(__dirname, '..', '..');
export const SARIF_DIR = join(SHARED_ROOT, 'fixtures', 'sarif');
export const SARIF_SCHEMAS = {
  prose: join(SARIF_DIR, 'sarif-schema-2.1.0.prose-draft07.json'),
  schemastore: join(SARIF_DIR, 'schemastore-sarif-2.1.0.json'),
} as const;
export type SarifSchemaName = keyof typeof SARIF_SCHEMAS;

/** The schemas (test/helpers/requirements.ts decides: skip with the reason, or fail with TOPICFORM_TEST_STRICT=1). */
export const SARIF_SCHEMA_REQUIREMENT = sharedRequirement(...Object.values(SARIF_SCHEMAS).map((p) => `fixtures/sarif/${basename(p)}`));
/** `it` for a test that validates against the schemas. */
export const itWithSarifSchemas = itNeeding(SARIF_SCHEMA_REQUIREMENT);
export const HAVE_SARIF_SCHEMAS = SARIF_SCHEMA_REQUIREMENT.missing === undefined;
/** ` [skipped: <reason>]` when the schema tests are skipped here, for their titles; empty otherwise. */
export const SKIP_REASON = titleNeeding(SARIF_SCHEMA_REQUIREMENT, '');

/** Reads a JSON file that may start with a UTF-8 byte-order mark (some of the sample logs do). */
export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}

const compiled = new Map<SarifSchemaName, ValidateFunction>();

export function sarifValidator(name: SarifSchemaName): ValidateFunction {
  const cached = compiled.get(name);
  if (cached !== undefined) return cached;
  // strict: false — the schemas use keywords ajv's strict mode rejects (e.g. "deprecated" annotations);
  // unicodeRegExp: false — the prose schema's language pattern is not a valid /u regular expression.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(readJson(SARIF_SCHEMAS[name]) as object);
  compiled.set(name, validate);
  return validate;
}

export interface SarifProblem {
  readonly path: string;
  readonly message: string;
}

/** Schema problems of a log against one schema; empty when it validates. */
export function sarifProblems(log: unknown, name: SarifSchemaName): SarifProblem[] {
  const validate = sarifValidator(name);
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => ({
    path: e.instancePath,
    message: `${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` (${JSON.stringify(e.params)})` : ''}`,
  }));
}

export function sampleLogs(): string[] {
  const dir = join(SARIF_DIR, 'sample-logs');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.sarif'))
        .sort()
    : [];
}

export const SAMPLE_LOG_DIR = join(SARIF_DIR, 'sample-logs');
