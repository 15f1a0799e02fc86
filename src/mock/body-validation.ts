// Judges a request body against its schema in the spec. A valid body yields the variant it is
// (the spec's example key of the oneOf branch it matches); an invalid one yields one error per
// problem with a JSON Pointer to the field. For a body that matches no branch the errors come from
// the branch it is closest to, so a frontend hears "billing_address/line_1 is missing", not
// "must match exactly one schema in oneOf".
import type { ErrorObject } from 'ajv/dist/2020.js';
import { errorPointer, type SpecValidator } from '../lib/spec-validator.ts';
import type { ApiError } from './api-errors.ts';
import { valueAt } from '../lib/json-pointer.ts';
import type { SpecOperation } from './spec-operations.ts';

export type BodyVerdict = { valid: true; variant?: string } | { valid: false; errors: ApiError[] };

const reportedErrorLimit = 20;

const fieldName = (pointer: string): string => pointer.split('/').slice(1).join('.') || 'body';

const detailOf = (error: ErrorObject, pointer: string): string => {
  if (error.keyword === 'not' || error.keyword === 'additionalProperties') return `${fieldName(pointer)} is not allowed here`;
  if (error.keyword === 'required') return `${fieldName(error.instancePath)} must have required property '${(error.params as { missingProperty: string }).missingProperty}'`;
  return `${fieldName(pointer)} ${error.message ?? 'is invalid'}`;
};

const toApiError = (error: ErrorObject): ApiError => {
  const pointer = errorPointer(error);
  return { status: 400, title: 'Failed Validation', detail: detailOf(error, pointer), source: { pointer } };
};

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

export const judgeBody = (validator: SpecValidator, operation: SpecOperation, body: unknown): BodyVerdict => {
  const schemaRef = operation.bodySchemaRef;
  if (!schemaRef) return { valid: true };
  const switchPoint = operation.variants;
  const errors = validator.validate(schemaRef, body);
  if (errors.length === 0) {
    if (!switchPoint) return { valid: true };
    const value = valueAt(body, switchPoint.pointer);
    const branch = [...switchPoint.exampleKeyByBranch].find(([ref]) => validator.validate(ref, value).length === 0);
    return { valid: true, variant: branch?.[1] };
  }
  if (!switchPoint) return { valid: false, errors: errors.slice(0, reportedErrorLimit).map(toApiError) };
  const { pointer } = switchPoint;
  const insideSwitch = (error: ErrorObject) => error.instancePath === pointer || error.instancePath.startsWith(`${pointer}/`);
  const outside = errors.filter((error) => !insideSwitch(error));
  const value = valueAt(body, pointer);
  const branchErrors =
    value === undefined && pointer !== ''
      ? []
      : [...switchPoint.exampleKeyByBranch.keys()]
          .map((ref) => validator.validate(ref, value))
          .reduce((best, next) => (closer(distance(next), distance(best)) ? next : best));
  return { valid: false, errors: [...outside, ...prefixed(branchErrors, pointer)].slice(0, reportedErrorLimit).map(toApiError) };
};
