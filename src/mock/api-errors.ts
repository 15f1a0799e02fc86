// The API's own error shape, used for every error the mock sends:
// {"errors":[{"status","title","detail"?,"source"?}]}, `source` as src/lib/error-source.ts writes it.
import type { components } from '../../generated/schema.d.ts';
import type { SpecOperation } from '../lib/spec-operations.ts';

/** One entry of `errors`, as the contract declares it (the type the package exports). */
export type ApiError = components['schemas']['Error'];

export interface ErrorReply {
  status: number;
  body: { errors: ApiError[] };
  headers?: Record<string, string>;
}

export const errorReply = (
  status: number,
  title: string,
  detail: string,
  source?: ApiError['source'],
  headers?: Record<string, string>,
): ErrorReply => ({ status, body: { errors: [{ status, title, detail, ...(source && { source }) }] }, headers });

export const validationReply = (errors: ApiError[]): ErrorReply => ({ status: 400, body: { errors } });

/** The spec's first example of `status` for the operation, as the reply; `fallback` where it declares none. */
export const specErrorReply = (operation: SpecOperation, status: number, fallback: ErrorReply): ErrorReply => {
  const body = operation.responseExamples.get(status)?.values().next().value as ErrorReply['body'] | undefined;
  return body === undefined ? fallback : { status, body };
};

// Elastic Path names the rule a body broke in `title` by its JSON Schema keyword and the field in
// `source`, and words a missing field "<field> is required" (guides/Getting-Started/errors.md in
// elasticpath-dev). Its wording for the other rules is not published; those details say in plain
// words what the field needs, never a validator's own phrasing ("must NOT have fewer than 1 characters").
const formats: Record<string, string> = {
  email: 'an email address, such as ann@example.com',
  uuid: 'an ID of the form 8cee1b9e-3e39-4d5f-bd4a-86cdb985c6ee',
};
const types: Record<string, string> = {
  string: 'text',
  object: 'an object',
  array: 'a list',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

const needs = (keyword: string, params: Record<string, unknown>): string => {
  switch (keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed here';
    case 'format':
      return `must be ${formats[String(params.format)] ?? `in the ${String(params.format)} format`}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'type':
      return `must be ${String(params.type).split(',').map((type) => types[type] ?? type).join(' or ')}`;
    case 'pattern':
      return `must match the pattern ${String(params.pattern)}`;
    case 'const':
      return `must be ${[params.allowedValue].flat().map((value) => JSON.stringify(value)).join(' or ')}`;
    default:
      return 'is not valid here';
  }
};

// A field declared "not allowed" (the spec's NotAllowed) breaks `not`; to a reader it is a field the
// object does not take, the rule JSON Schema calls additionalProperties.
const ruleNames: Record<string, string> = { not: 'additionalProperties' };

/** One validation error of a body field, in the API's wording. */
export const validationError = (keyword: string, params: Record<string, unknown>, source: string): ApiError => {
  const rule = ruleNames[keyword] ?? keyword;
  return { status: 400, title: rule, detail: `${source} ${needs(rule, params)}`, source };
};
