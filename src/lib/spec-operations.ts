// The spec model: what the mock, its tests and tools need to know about each operation, read once
// from the spec (as an object, so it runs in a browser too): how to match its
// path, its parameters and their schemas, whether it needs a token, which media types its body may
// use, the schema of that body and the `oneOf` that tells its variants apart, and the named
// examples of each response.
import { valueAt } from './json-pointer.ts';
import { httpMethods } from './openapi.ts';
import type { SchemaValidator } from './schema-validator.ts';

export interface VariantSwitch {
  /** JSON Pointer of the value whose `oneOf` branch names the variant ('' for the body itself). */
  pointer: string;
  /** Branch schema reference -> the example key the spec uses for that variant. */
  exampleKeyByBranch: Map<string, string>;
}

export interface SpecParameter {
  /** As the spec spells it (`X-MOLTIN-CURRENCY`). */
  name: string;
  in: 'path' | 'header' | 'query' | 'cookie';
  required: boolean;
  schema?: object;
}

export interface SpecOperation {
  method: string;
  pathTemplate: string;
  pathPattern: RegExp;
  pathParams: string[];
  parameters: SpecParameter[];
  headerParams: string[];
  /** Whether the operation asks for a bearer token (its own `security`, else the document's). */
  secured: boolean;
  mediaTypes: string[];
  bodySchemaRef?: string;
  variants?: VariantSwitch;
  /** Example key -> request body example (of the first media type). */
  requestExamples: Map<string, unknown>;
  /** Status -> example key -> example value. */
  responseExamples: Map<number, Map<string, unknown>>;
}

type Json = Record<string, any>;

// The oneOf that splits the body into variants: on the body schema itself or on one of its properties.
const findVariantSwitch = (validator: SchemaValidator, schemaRef: string, examples: Json): VariantSwitch | undefined => {
  const schema = validator.resolve(schemaRef);
  const candidates: [string, Json | undefined][] = [
    ['', schema],
    ...Object.entries<Json>(schema.properties ?? {}).map(([name, sub]): [string, Json] => [`/${name}`, sub]),
  ];
  const found = candidates.find(([, sub]) => Array.isArray(sub?.oneOf));
  if (!found) return undefined;
  const [pointer, sub] = found;
  const exampleKeyByBranch = new Map<string, string>();
  for (const [key, example] of Object.entries<Json>(examples)) {
    const value = valueAt(validator.deref(example).value, pointer);
    const branch = (sub!.oneOf as Json[]).find((b) => validator.validate(b.$ref, value).length === 0);
    if (branch) exampleKeyByBranch.set(branch.$ref, key);
  }
  return { pointer, exampleKeyByBranch };
};

const examplesOf = (validator: SchemaValidator, content: Json | undefined): Map<string, unknown> => {
  const examples = Object.values<Json>(content ?? {})[0]?.examples ?? {};
  return new Map(Object.entries<Json>(examples).map(([key, example]) => [key, validator.deref(example).value]));
};

export const readSpecOperations = (validator: SchemaValidator): SpecOperation[] =>
  Object.entries<Json>(validator.spec.paths).flatMap(([pathTemplate, pathItem]) => {
    const pathParams = [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    const pathPattern = new RegExp(`^${pathTemplate.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
    return httpMethods
      .filter((method) => pathItem[method])
      .map((method): SpecOperation => {
        const operation: Json = pathItem[method];
        const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(
          (p: Json): SpecParameter => {
            const { name, in: where, required, schema } = validator.deref(p);
            return { name, in: where, required: required === true, schema };
          },
        );
        const requestBody = operation.requestBody ? validator.deref(operation.requestBody) : undefined;
        const media = Object.values<Json>(requestBody?.content ?? {})[0];
        const bodySchemaRef: string | undefined = media?.schema?.$ref;
        const security: Json[] = operation.security ?? validator.spec.security ?? [];
        return {
          method,
          pathTemplate,
          pathPattern,
          pathParams,
          parameters,
          headerParams: parameters.filter((p) => p.in === 'header').map((p) => p.name),
          // An empty requirement (`{}`) among the alternatives makes the token optional.
          secured: security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0),
          mediaTypes: Object.keys(requestBody?.content ?? {}),
          bodySchemaRef,
          variants: bodySchemaRef ? findVariantSwitch(validator, bodySchemaRef, media.examples ?? {}) : undefined,
          requestExamples: examplesOf(validator, requestBody?.content),
          responseExamples: new Map(
            Object.entries<Json>(operation.responses ?? {}).map(([status, response]) => [
              Number(status),
              examplesOf(validator, validator.deref(response).content),
            ]),
          ),
        };
      });
  });
