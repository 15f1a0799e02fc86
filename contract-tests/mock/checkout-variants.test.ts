// The variant model (src/lib/checkout-variants.ts) agrees with the spec it summarises: every name,
// header, error example and relationship it states is one the spec declares or shows, so the mock,
// verify and the tests that derive from it cannot drift from the spec together.
import { describe, expect, it } from 'vitest';
import { checkoutVariants } from '../../src/lib/checkout-variants.ts';
import { matchingBranches } from '../../src/lib/spec-operations.ts';
import { checkoutOperation as checkout, checkoutRequestExample, validator } from './support.ts';

describe.each(checkoutVariants.map((variant) => [variant.name, variant] as const))('%s', (_, variant) => {
  it("its example key names the spec's request and 201 examples, and its title the schema that request matches", () => {
    expect(checkout.variants?.exampleKeyByBranch && [...checkout.variants.exampleKeyByBranch.values()]).toContain(variant.exampleKey);
    expect(checkout.responseExamples.get(201)?.has(variant.exampleKey)).toBe(true);
    expect(matchingBranches(validator, checkout.variants!, checkoutRequestExample(variant.exampleKey))).toEqual([variant.title]);
  });

  it('its required header is a declared header, and its refusals are declared examples', () => {
    if (variant.requiredHeader) expect(checkout.headerParams).toContain(variant.requiredHeader);
    for (const { status, example } of Object.values(variant.refusals)) expect(checkout.responseExamples.get(status)?.has(example), example).toBe(true);
  });

  it("the spec's order example carries its relationships and none it never carries", () => {
    const order = checkout.responseExamples.get(201)!.get(variant.exampleKey) as { data: { relationships: Record<string, unknown> } };
    const carried = Object.keys(order.data.relationships);
    expect(carried).toEqual(expect.arrayContaining([...variant.relationships.carries]));
    for (const never of variant.relationships.never) expect(carried).not.toContain(never);
  });
});

it('names each of the spec’s variants once', () => {
  expect(checkoutVariants.map((variant) => variant.exampleKey).sort()).toEqual([...checkout.variants!.exampleKeyByBranch.values()].sort());
});
