// What the reference page must show about the checkout, read from the bundled spec so the browser test
// expects what the contract says rather than a copy of it.
import { dereference } from '../../src/lib/json-pointer.ts';
import { loadBundledSpec } from '../../src/lib/spec-validator.ts';
import { checkoutPath } from '../../src/verify/response-contract.ts';

// The spec is walked by key, so its nodes are untyped.
type Json = any;

const spec: Json = loadBundledSpec();

const resolve = (node: Json): Json => dereference(spec, node);

const operation = spec.paths[checkoutPath].post;

export interface Example {
  key: string;
  summary: string;
  value: unknown;
}

const examplesOf = (content: Json): Example[] =>
  Object.entries(content?.['application/json']?.examples ?? {}).map(([key, example]) => {
    const resolved = resolve(example);
    return { key, summary: resolved.summary ?? key, value: resolved.value };
  });

export interface Variant {
  title: string;
  fieldPaths: string[]; // data.x and data.x.y a reader may send
  forbidden: string[]; // data.x and data.x.y the variant must not hold (schemas matching nothing: `not` or `false`)
  requestExample: Example;
  orderExample: Example;
}

// Properties of an object schema, including those it gathers with allOf.
const propertiesOf = (schema: Json): [string, Json][] => {
  const resolved = resolve(schema);
  return [...Object.entries(resolved.properties ?? {}), ...(resolved.allOf ?? []).flatMap(propertiesOf)];
};

const matchesNothing = (property: Json): boolean => property === false || resolve(property).not !== undefined;

const fieldPathsOf = (schema: Json, prefix: string, depth: number): string[] =>
  propertiesOf(schema).flatMap(([name, property]) => {
    if (matchesNothing(property)) return [];
    const own = `${prefix}.${name}`;
    return depth > 1 ? [own, ...fieldPathsOf(property, own, depth - 1)] : [own];
  });

// The fields a reader must not send, to the same depth: other variants' keys, and the other shape's keys of `customer`.
const forbiddenPathsOf = (schema: Json, prefix: string, depth: number): string[] =>
  propertiesOf(schema).flatMap(([name, property]) => {
    const own = `${prefix}.${name}`;
    if (matchesNothing(property)) return [own];
    return depth > 1 ? forbiddenPathsOf(property, own, depth - 1) : [];
  });

const sameName = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/[^a-z0-9]/g, '') === b.toLowerCase().replace(/[^a-z0-9]/g, '');

const requestBody = resolve(operation.requestBody);
const requestExamples = examplesOf(requestBody.content);
const responses: Record<string, Json> = Object.fromEntries(
  Object.entries(operation.responses).map(([status, response]) => [status, resolve(response)]),
);
const orderExamples = examplesOf(responses['201'].content);

const exampleFor = (examples: Example[], title: string): Example => {
  const match = examples.find((example) => sameName(example.key, title));
  if (!match) throw new Error(`No example named after the variant "${title}" in the spec.`);
  return match;
};

export const checkout = {
  summary: operation.summary as string,
  operationId: operation.operationId as string,
  headerNames: (operation.parameters as Json[]).map(resolve).filter((p) => p.in === 'header').map((p) => p.name as string),
  variants: (resolve(requestBody.content['application/json'].schema).properties.data.oneOf as Json[]).map(
    (branch): Variant => {
      const schema = resolve(branch);
      return {
        title: schema.title,
        fieldPaths: fieldPathsOf(schema, 'data', 2),
        forbidden: forbiddenPathsOf(schema, 'data', 2),
        requestExample: exampleFor(requestExamples, schema.title),
        orderExample: exampleFor(orderExamples, schema.title),
      };
    },
  ),
  responses: Object.entries(responses).map(([status, response]) => ({
    status,
    description: response.description as string,
    examples: examplesOf(response.content),
  })),
};
