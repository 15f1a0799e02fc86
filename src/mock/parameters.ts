// Headers, path and query parameters against their schemas in the spec, checked by the mock's one
// validator. An empty header is judged like any other value: the API refuses what its schema refuses.
import type { SchemaValidator } from '../lib/schema-validator.ts';
import { validationError, type ApiError } from './api-errors.ts';
import type { SpecOperation } from '../lib/spec-operations.ts';

export interface ParameterValues {
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Decoded path parameters, by the spec's name. */
  params: Record<string, string>;
  query: Record<string, string | string[]>;
}

const valueOf = (where: string, name: string, values: ParameterValues): string | string[] | undefined => {
  if (where === 'header') return values.headers[name.toLowerCase()];
  if (where === 'path') return values.params[name];
  if (where === 'query') return values.query[name];
  return undefined;
};

/** One error per parameter at fault, its `source` the parameter's name as the spec spells it. */
export const parameterErrors = (validator: SchemaValidator, operation: SpecOperation, values: ParameterValues): ApiError[] =>
  operation.parameters.flatMap(({ name, in: where, required, schema }): ApiError[] => {
    const value = valueOf(where, name, values);
    if (value === undefined) return required ? [validationError('required', {}, name)] : [];
    const fault = schema && validator.validateInline(schema, value)[0];
    return fault ? [validationError(fault.keyword, fault.params, name)] : [];
  });
