// Judges a request body against its schema in the spec. A valid body yields the variant it is
// (the spec's example key of the oneOf branch it matches); an invalid one yields one error per
// problem in Elastic Path's wording (api-errors.ts): `title` the rule broken, `source` the path of
// the field (`data.billing_address.line_1`). For a body that matches no branch the errors come from
// the branch it is closest to, so a frontend hears "data.billing_address.line_1 is required", not
// "must match exactly one schema in oneOf".
import type { ErrorObject } from 'ajv/dist/2020.js';
import { sourceOfPath } from '../lib/error-source.ts';
import { pointerOf, tokensOf, valueAt } from '../lib/json-pointer.ts';
import { errorPointer, type SchemaValidator } from '../lib/schema-validator.ts';
import { validationError, type ApiError } from './api-errors.ts';
import { variantOf, type SpecOperation } from '../lib/spec-operations.ts';

export type BodyVerdict = { valid: true; variant?: string } | { valid: false; errors: ApiError[] };

const reportedErrorLimit = 20;

/** The source of the value at a JSON Pointer into `body`: array positions become `[n]`, names `.name`. */
const sourceOf = (body: unknown, pointer: string): string => {
  const tokens = tokensOf(pointer);
  const path = tokens.map((token, index) => (Array.isArray(valueAt(body, pointerOf(...tokens.slice(0, index)))) ? Number(token) : token));
  return sourceOfPath(path);
};

const quoted = (names: string[]): string => names.map((name) => `'${name}'`).join(' or ');

const toApiError = (body: unknown) => (error: ErrorObject): ApiError => {
  const source = sourceOf(body, errorPointer(error));
  return validationError(error.keyword, error.params as Record<string, unknown>, source);
};

// "At least one of" rules (an address's region or county) fail as an anyOf with one error per
// alternative; a reader is better served by one error naming the alternatives. Its source is the
// first alternative, the field a form most likely shows.
const alternativesMerged = (body: unknown, errors: ErrorObject[]): ApiError[] => {
  const anyOfs = errors.filter((error) => error.keyword === 'anyOf');
  const inside = (error: ErrorObject, anyOf: ErrorObject) =>
    error !== anyOf &&
    error.schemaPath.startsWith(`${anyOf.schemaPath}/`) &&
    (error.instancePath === anyOf.instancePath || error.instancePath.startsWith(`${anyOf.instancePath}/`));
  const merged = anyOfs.map((anyOf): ApiError => {
    const names = [...new Set(errors.filter((error) => inside(error, anyOf)).map((error) => tokensOf(errorPointer(error)).at(-1)!))];
    const object = sourceOf(body, anyOf.instancePath);
    const first = sourceOf(body, `${anyOf.instancePath}/${names[0]}`);
    return { status: 400, title: 'required', detail: `${object} must have at least one of ${quoted(names)}, not empty`, source: first };
  });
  const rest = errors.filter((error) => error.keyword !== 'anyOf' && !anyOfs.some((anyOf) => inside(error, anyOf)));
  return [...rest.map(toApiError(body)), ...merged];
};

const reported = (body: unknown, errors: ErrorObject[]): ApiError[] => alternativesMerged(body, errors).slice(0, reportedErrorLimit);

// How far a body is from a branch, compared in order: values that contradict what the branch is
// (a wrong constant or type, a field it forbids), then fields missing or unknown to it, then all
// errors. Only errors on the branch object and its direct fields count for the first two (paths
// are relative to the branch object here: '' is the object, '/customer' a direct field).
const contradicting = new Set(['const', 'type', 'not']);
const structural = new Set(['required', 'additionalProperties']);
const distance = (errors: ErrorObject[]): number[] => {
  const shallow = errors.filter((e) => e.instancePath.split('/').length <= 2);
  return [
    shallow.filter((e) => contradicting.has(e.keyword)).length,
    shallow.filter((e) => structural.has(e.keyword)).length,
    errors.length,
  ];
};
const closer = (a: number[], b: number[]): boolean => {
  const index = a.findIndex((value, i) => value !== b[i]);
  return index !== -1 && a[index] < b[index];
};

const prefixed = (errors: ErrorObject[], pointer: string): ErrorObject[] =>
  errors.map((error) => ({ ...error, instancePath: pointer + error.instancePath }));

export const judgeBody = (validator: SchemaValidator, operation: SpecOperation, body: unknown): BodyVerdict => {
  const schemaRef = operation.bodySchemaRef;
  if (!schemaRef) return { valid: true };
  const switchPoint = operation.variants;
  const errors = validator.validate(schemaRef, body);
  if (errors.length === 0) {
    return switchPoint ? { valid: true, variant: variantOf(validator, switchPoint, body) } : { valid: true };
  }
  if (!switchPoint) return { valid: false, errors: reported(body, errors) };
  const { pointer } = switchPoint;
  const insideSwitch = (error: ErrorObject) => error.instancePath === pointer || error.instancePath.startsWith(`${pointer}/`);
  const outside = errors.filter((error) => !insideSwitch(error));
  const value = valueAt(body, pointer);
  const perBranch = value === undefined && pointer !== '' ? [] : [...switchPoint.exampleKeyByBranch.keys()].map((ref) => validator.validate(ref, value));
  const closest = perBranch.reduce((best, next) => (closer(distance(next), distance(best)) ? next : best), perBranch[0] ?? []);
  return { valid: false, errors: reported(body, [...outside, ...prefixed(withEveryConstant(closest, perBranch), pointer)]) };
};

// A field each branch fixes to its own constant (the token request's `grant_type`) tells every value
// it may take, not only the closest branch's.
const withEveryConstant = (closest: ErrorObject[], perBranch: ErrorObject[][]): ErrorObject[] =>
  closest.map((error) => {
    if (error.keyword !== 'const') return error;
    const allowed = perBranch.flatMap((errors) =>
      errors.filter((other) => other.keyword === 'const' && other.instancePath === error.instancePath).map((other) => other.params.allowedValue),
    );
    return { ...error, params: { allowedValue: [...new Set(allowed)] } };
  });
