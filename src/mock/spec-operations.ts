// What the mock needs to know about each operation, read from the bundled spec: how to match its
// path, which media types its body may use, the schema of that body and the `oneOf` that tells its
// variants apart, and the named examples of each response.
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { valueAt } from '../lib/json-pointer.ts';
import { httpMethods } from '../lib/openapi.ts';
import { SpecValidator } from '../lib/spec-validator.ts';

export interface VariantSwitch {
  /** JSON Pointer of the value whose `oneOf` branch names the variant ('' for the body itself). */
  pointer: string;
  /** Branch schema reference -> the example key the spec uses for that variant. */
  exampleKeyByBranch: Map<string, string>;
}

export interface SpecOperation {
  method: string;
  pathTemplate: string;
  pathPattern: RegExp;
  pathParams: string[];
  mediaTypes: string[];
  bodySchemaRef?: string;
  variants?: VariantSwitch;
  headerParams: string[];
  /** Header -> why its schema refuses an empty value; Prism skips empty headers, so the mock checks these. */
  emptyHeaderErrors: Map<string, string>;
  /** Status -> example key -> example value. */
  responseExamples: Map<number, Map<string, unknown>>;
}

type Json = Record<string, any>;


// The oneOf that splits the body into variants: on the body schema itself or on one of its properties.
const findVariantSwitch = (validator: SpecValidator, schemaRef: string, examples: Json): VariantSwitch | undefined => {
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

// Parameter schemas sit inline in the spec, outside the component schemas SpecValidator knows.
const parameterSchemas = new Ajv2020({ strict: false });
ajvFormats.default(parameterSchemas);
const emptyValueError = (schema: Json | undefined): string | undefined => {
  if (!schema) return undefined;
  const validate = parameterSchemas.compile(schema);
  return validate('') ? undefined : (validate.errors?.[0]?.message ?? 'must not be empty');
};

const examplesOf = (validator: SpecValidator, content: Json | undefined): Map<string, unknown> => {
  const examples = Object.values<Json>(content ?? {})[0]?.examples ?? {};
  return new Map(Object.entries<Json>(examples).map(([key, example]) => [key, validator.deref(example).value]));
};

export const readSpecOperations = (validator: SpecValidator): SpecOperation[] =>
  Object.entries<Json>(validator.spec.paths).flatMap(([pathTemplate, pathItem]) => {
    const pathParams = [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    const pathPattern = new RegExp(`^${pathTemplate.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
    return httpMethods
      .filter((method) => pathItem[method])
      .map((method): SpecOperation => {
        const operation: Json = pathItem[method];
        const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p: Json) =>
          validator.deref(p),
        );
        const headers = parameters.filter((p) => p.in === 'header');
        const requestBody = operation.requestBody ? validator.deref(operation.requestBody) : undefined;
        const media = Object.values<Json>(requestBody?.content ?? {})[0];
        const bodySchemaRef: string | undefined = media?.schema?.$ref;
        return {
          method,
          pathTemplate,
          pathPattern,
          pathParams,
          mediaTypes: Object.keys(requestBody?.content ?? {}),
          bodySchemaRef,
          variants: bodySchemaRef ? findVariantSwitch(validator, bodySchemaRef, media.examples ?? {}) : undefined,
          headerParams: headers.map((p) => p.name as string),
          emptyHeaderErrors: new Map(
            headers.flatMap((p) => {
              const error = emptyValueError(p.schema);
              return error ? [[p.name as string, error]] : [];
            }),
          ),
          responseExamples: new Map(
            Object.entries<Json>(operation.responses ?? {}).map(([status, response]) => [
              Number(status),
              examplesOf(validator, validator.deref(response).content),
            ]),
          ),
        };
      });
  });
