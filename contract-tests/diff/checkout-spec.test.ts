// The classification on the real bundled checkout spec, whose responses and request body sit behind
// component $refs and whose variants are `oneOf` branches with titles.
import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../../scripts/contract-diff/classify.ts';
import { loadBundledSpec } from '../../src/lib/spec-validator.ts';

type Schemas = Record<string, { title?: string; required?: string[]; properties?: Record<string, unknown>; oneOf?: unknown }>;
type CheckoutSpec = { components: { schemas: Schemas } };
const spec = loadBundledSpec() as CheckoutSpec;
const schemas = (document: CheckoutSpec) => document.components.schemas;
const dataBranches = (document: CheckoutSpec): Array<{ $ref: string }> =>
  (schemas(document).CheckoutRequest.properties?.data as { oneOf: Array<{ $ref: string }> }).oneOf;

describe('the checkout spec', () => {
  it('has no change against itself', () => {
    expect(classifyChanges(spec, structuredClone(spec))).toEqual([]);
  });

  it('reports a removed order property as breaking, at the schema to edit', () => {
    const after = structuredClone(spec);
    const [property] = Object.keys(schemas(after).Order.properties ?? {});
    delete schemas(after).Order.properties![property];
    const changes = classifyChanges(spec, after);
    expect(changes).toContainEqual(expect.objectContaining({
      kind: 'breaking',
      operation: 'POST /v2/carts/{reference}/checkout',
      pointer: `/components/schemas/Order/properties/${property}`,
    }));
  });

  it('names the removed variant by its title', () => {
    const after = structuredClone(spec);
    const removed = dataBranches(after).pop()!;
    const title = schemas(spec)[removed.$ref.split('/').pop()!].title;
    expect(title).toBeTruthy();
    expect(classifyChanges(spec, after)).toContainEqual(expect.objectContaining({ kind: 'breaking', variant: title }));
  });
});
