// Every example in the spec and every seed example validates against the bundled spec, and every
// request example matches exactly one checkout variant: the one it is named for.
import { describe, expect, test } from 'vitest';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { matchingBranches, operationAt, readSpecOperations } from '../../src/lib/spec-operations.ts';
import { describeErrors, SpecValidator } from '../../src/lib/spec-validator.ts';
import { readSeedFixture, seedFixtureFiles, seedFixtures } from './seed-fixtures.ts';

const validator = new SpecValidator();
const operation = validator.spec.paths[checkoutPath].post;
const checkoutVariants = operationAt(readSpecOperations(validator), checkoutPath).variants!;
const resolve = <T>(node: T | { $ref: string }): T => validator.deref(node);

type MediaType = { schema: { $ref: string }; examples?: Record<string, { $ref: string }> };
const jsonContent = (holder: { $ref: string } | { content: Record<string, MediaType> }): MediaType =>
  resolve<{ content: Record<string, MediaType> }>(holder).content['application/json'];

const exampleValue = (ref: { $ref: string }): unknown => resolve<{ value: unknown }>(ref).value;
const schemaOfStatus = (status: string): string => jsonContent(operation.responses[status]).schema.$ref;

describe('request examples', () => {
  const body = jsonContent(operation.requestBody);
  const examples = Object.entries(body.examples ?? {});

  test('there is one per variant', () => {
    const titles = examples.map(([, ref]) => matchingBranches(validator, checkoutVariants, exampleValue(ref)));
    expect(titles.flat().sort()).toEqual(['Account', 'Account Management token', 'Customer ID', 'Customer object']);
  });

  test.each(examples)('%s is a valid checkout body matching exactly its own variant', (name, ref) => {
    const value = exampleValue(ref);
    expect(describeErrors(validator.validate(body.schema.$ref, value))).toBe('');
    const summary = resolve<{ summary: string }>(ref).summary;
    expect(matchingBranches(validator, checkoutVariants, value)).toEqual([summary]);
    expect(name.replace(/[^a-z]/gi, '').toLowerCase()).toBe(summary.replace(/[^a-z]/gi, '').toLowerCase());
  });
});

describe('response examples', () => {
  const cases = Object.entries(operation.responses as Record<string, { $ref: string }>).flatMap(([status, response]) =>
    Object.entries(jsonContent(response).examples ?? {}).map(([name, ref]) => [`${status} ${name}`, status, ref] as const),
  );

  test('every declared response has at least one example', () => {
    const withExamples = new Set(cases.map(([, status]) => status));
    expect([...withExamples].sort()).toEqual(Object.keys(operation.responses).sort());
  });

  test.each(cases)('%s validates against its response schema', (_label, status, ref) => {
    const value = exampleValue(ref);
    expect(describeErrors(validator.validate(schemaOfStatus(status), value))).toBe('');
    if (status !== '201') {
      const errors = (value as { errors: { status: number }[] }).errors;
      expect(errors.every((error) => error.status === Number(status))).toBe(true);
    }
  });

  test('each 201 example is the order of the request example of the same name', () => {
    const requests = jsonContent(operation.requestBody).examples ?? {};
    for (const [name, ref] of Object.entries(jsonContent(operation.responses['201']).examples ?? {})) {
      const request = (exampleValue(requests[name]) as { data: Record<string, unknown> }).data;
      const order = (exampleValue(ref) as { data: Record<string, unknown> }).data;
      expect(order.billing_address, name).toEqual(request.billing_address);
      expect(order.shipping_address, name).toEqual(request.shipping_address ?? request.billing_address);
      if (request.contact) expect(order.contact, name).toEqual(request.contact);
      expect([order.order_number, order.external_ref], name).toEqual([request.order_number, request.external_ref]);
    }
  });
});

describe('seed examples', () => {
  test('every fixture file is listed in the manifest, and every listed file exists', () => {
    expect(seedFixtureFiles().sort()).toEqual(seedFixtures.map((fixture) => fixture.file).sort());
  });

  test.each(seedFixtures.map((fixture) => [fixture.file, fixture] as const))('%s is valid', (_file, fixture) => {
    const value = readSeedFixture(fixture);
    if ('variant' in fixture.expect) {
      expect(describeErrors(validator.validate('#/components/schemas/CheckoutRequest', value))).toBe('');
      expect(matchingBranches(validator, checkoutVariants, value)).toEqual([fixture.expect.variant]);
    } else {
      expect(describeErrors(validator.validate(schemaOfStatus(String(fixture.expect.status)), value))).toBe('');
    }
  });
});
