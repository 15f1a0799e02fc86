// What the reference page must show about the checkout, read from the spec model (src/lib/spec-operations.ts)
// so the browser test expects what the contract says rather than a copy of it.
import { dereference } from '../../src/lib/json-pointer.ts';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { operationAt, readSpecOperations, type ExamplePlace } from '../../src/lib/spec-operations.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';

// The spec is walked by key, so its nodes are untyped.
type Json = any;

const validator = new SpecValidator();
const resolve = (node: Json): Json => dereference(validator.spec, node);
const operation = operationAt(readSpecOperations(validator), checkoutPath);

export interface Example {
  key: string;
  summary: string;
  value: unknown;
}

const exampleAt = (place: ExamplePlace, key: string): Example => {
  const values = place === 'request' ? operation.requestExamples : operation.responseExamples.get(place);
  if (!values?.has(key)) throw new Error(`No example ${key} among the ${place === 'request' ? 'request' : `${place} response`} examples of the spec.`);
  return { key, summary: operation.text.exampleSummaries.get(place)!.get(key)!, value: values.get(key) };
};

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

const { branches, exampleKeyByBranch } = operation.variants!;

export const checkout = {
  summary: operation.text.summary!,
  operationId: operation.text.operationId!,
  headerNames: operation.headerParams,
  // In the order of the spec's `oneOf`, as the page's variant picker lists them; each with the
  // request and order examples of the example key the spec model finds for its branch.
  variants: branches.map((branch): Variant => {
    const schema = validator.resolve(branch);
    const exampleKey = exampleKeyByBranch.get(branch);
    if (exampleKey === undefined) throw new Error(`No request example of the spec is a body of the variant "${schema.title}".`);
    return {
      title: schema.title,
      fieldPaths: fieldPathsOf(schema, 'data', 2),
      forbidden: forbiddenPathsOf(schema, 'data', 2),
      requestExample: exampleAt('request', exampleKey),
      orderExample: exampleAt(201, exampleKey),
    };
  }),
  responses: [...operation.responseExamples].map(([status, examples]) => ({
    status: String(status),
    description: operation.text.responseDescriptions.get(status)!,
    examples: [...examples.keys()].map((key) => exampleAt(status, key)),
  })),
};
