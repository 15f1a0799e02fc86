// The spec model: what the mock, its tests and tools need to know about each operation, read once
// from the spec (as an object, so it runs in a browser too): how to match its
// path, its parameters and their schemas, whether it needs a token, which media types its body may
// use, the schema of that body and the `oneOf` that tells its variants apart, the named
// examples of each response, and the words the reference page shows with them.
import { valueAt } from './json-pointer.ts';
import { httpMethods } from './openapi.ts';
import type { SchemaValidator } from './schema-validator.ts';

export interface VariantSwitch {
  /** JSON Pointer of the value whose `oneOf` branch names the variant ('' for the body itself). */
  pointer: string;
  /** The `oneOf`'s branch schema references, in the spec's order. */
  branches: string[];
  /** Branch schema reference -> the example key the spec uses for that variant. */
  exampleKeyByBranch: Map<string, string>;
}

/** Where an example stands: among the request examples, or among those of a response status. */
export type ExamplePlace = 'request' | number;

/** What the reference page shows of an operation besides its shapes and example values. */
export interface OperationText {
  operationId?: string;
  summary?: string;
  /** Status -> the response's description. */
  responseDescriptions: Map<number, string>;
  /** Place -> example key -> the example's summary (its key where it has none, as Redoc labels it). */
  exampleSummaries: Map<ExamplePlace, Map<string, string>>;
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
  text: OperationText;
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
  return { pointer, branches: (sub!.oneOf as Json[]).map((branch) => branch.$ref), exampleKeyByBranch };
};

/** The example key of the variant `body` is: the branch its value at the switch's pointer matches. */
export const variantOf = (validator: SchemaValidator, variants: VariantSwitch, body: unknown): string | undefined => {
  const value = valueAt(body, variants.pointer);
  return [...variants.exampleKeyByBranch].find(([ref]) => validator.validate(ref, value).length === 0)?.[1];
};

/** The titles of the branches whose schema `body`'s value at the switch's pointer matches, each on its own: one for a valid body. */
export const matchingBranches = (validator: SchemaValidator, variants: VariantSwitch, body: unknown): string[] => {
  const value = valueAt(body, variants.pointer);
  return variants.branches.filter((ref) => validator.validate(ref, value).length === 0).map((ref) => validator.resolve(ref).title as string);
};

// The named examples of a request body's or a response's content (its first media type), dereferenced.
const namedExamples = (validator: SchemaValidator, content: Json | undefined): [string, Json][] =>
  Object.entries<Json>(Object.values<Json>(content ?? {})[0]?.examples ?? {}).map(([key, example]) => [key, validator.deref(example)]);

const examplesOf = (validator: SchemaValidator, content: Json | undefined): Map<string, unknown> =>
  new Map(namedExamples(validator, content).map(([key, example]) => [key, example.value]));

const summariesOf = (validator: SchemaValidator, content: Json | undefined): Map<string, string> =>
  new Map(namedExamples(validator, content).map(([key, example]) => [key, example.summary ?? key]));

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
        const responses = Object.entries<Json>(operation.responses ?? {}).map(([status, response]): [number, Json] => [Number(status), validator.deref(response)]);
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
          responseExamples: new Map(responses.map(([status, response]) => [status, examplesOf(validator, response.content)])),
          text: {
            operationId: operation.operationId,
            summary: operation.summary,
            responseDescriptions: new Map(responses.map(([status, response]) => [status, response.description])),
            exampleSummaries: new Map<ExamplePlace, Map<string, string>>([
              ['request', summariesOf(validator, requestBody?.content)],
              ...responses.map(([status, response]): [number, Map<string, string>] => [status, summariesOf(validator, response.content)]),
            ]),
          },
        };
      });
  });

/** The operation at `pathTemplate` (its `post` unless `method` says otherwise); an error when the spec has none. */
export const operationAt = (operations: readonly SpecOperation[], pathTemplate: string, method = 'post'): SpecOperation => {
  const found = operations.find((operation) => operation.pathTemplate === pathTemplate && operation.method === method);
  if (!found) throw new Error(`The spec has no ${method} operation at ${pathTemplate}`);
  return found;
};
