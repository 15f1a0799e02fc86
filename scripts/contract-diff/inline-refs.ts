// api-smart-diff loses the direction of a response reached through `$ref: #/components/responses/...`
// (it then judges the response body with request rules: a removed response property comes out
// "non-breaking"). Inlining those operation-level objects before comparing keeps the direction right.
// Schemas stay referenced; only responses, request bodies, parameters and headers are inlined.
import { tokensOf } from '../../src/lib/json-pointer.ts';
import { httpMethods } from '../../src/lib/openapi.ts';
import { locate } from './spec-walk.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object';

export const inlineOperationRefs = <T>(spec: T): T => {
  const copy = structuredClone(spec) as Json;
  const deref = (value: unknown): unknown => {
    const ref = isObject(value) ? value.$ref : undefined;
    return typeof ref === 'string' && ref.startsWith('#/') ? structuredClone(locate(copy, tokensOf(ref))?.node) : value;
  };
  const inlineResponse = (response: unknown): unknown => {
    const inlined = deref(response);
    if (isObject(inlined) && isObject(inlined.headers)) {
      for (const name of Object.keys(inlined.headers)) inlined.headers[name] = deref(inlined.headers[name]);
    }
    return inlined;
  };
  for (const item of Object.values(isObject(copy.paths) ? copy.paths : {})) {
    if (!isObject(item)) continue;
    if (Array.isArray(item.parameters)) item.parameters = item.parameters.map(deref);
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      if (Array.isArray(operation.parameters)) operation.parameters = operation.parameters.map(deref);
      if (operation.requestBody) operation.requestBody = deref(operation.requestBody);
      if (isObject(operation.responses)) {
        for (const status of Object.keys(operation.responses)) {
          operation.responses[status] = inlineResponse(operation.responses[status]);
        }
      }
    }
  }
  return copy as T;
};

