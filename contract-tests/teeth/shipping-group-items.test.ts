// Elastic Path's orders list an order's shipping groups among `relationships.items`
// (elasticpath-dev docs/carts-orders/orders/orders-api/get-an-order.md); only the `item` entries are in
// `included.items`. The gate must pass such an order, and still fail one whose items do not match.
import { describe, expect, test } from 'vitest';
import { SpecValidator } from '../../src/lib/spec-validator.ts';
import { checkOrderSemantics } from '../../src/verify/order-semantics.ts';
import { checkoutPath } from '../../src/verify/response-contract.ts';
import { buildVariants } from '../../src/verify/variants.ts';
import { readContractConfig } from '../../src/verify/config.ts';

const validator = new SpecValidator();
const customerObject = buildVariants(readContractConfig({})).find((variant) => variant.name === 'customer-object')!;
const exampleOrder = () =>
  structuredClone(validator.deref(validator.deref(validator.spec.paths[checkoutPath].post.responses['201']).content['application/json'].examples.CustomerObject).value);
const itemViolations = (order: unknown) => checkOrderSemantics(customerObject, order as Record<string, any>).filter((v) => v.where === '/included/items');

describe('shipping groups among relationships.items', () => {
  test('an order listing a shipping group there passes, and is valid against the spec', () => {
    const order = exampleOrder();
    order.data.relationships.items.data.push({ type: 'shipping_group', id: '82fde17d-21e4-41f1-bda1-ddd017679b2a' });
    expect(validator.validate('#/components/schemas/OrderResponse', order)).toEqual([]);
    expect(itemViolations(order)).toEqual([]);
  });

  test('an order whose items are not those it includes still fails', () => {
    const order = exampleOrder();
    order.data.relationships.items.data.push({ type: 'item', id: '82fde17d-21e4-41f1-bda1-ddd017679b2a' });
    expect(itemViolations(order)).toHaveLength(1);
  });
});
