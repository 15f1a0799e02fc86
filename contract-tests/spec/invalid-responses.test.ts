// Answers that break one rule of the contract are rejected, each starting from a valid example of the
// spec so the test fails if the rule is missing rather than because the answer was broken elsewhere.
import { describe, expect, test } from 'vitest';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';

const validator = new SpecValidator();
const responses = validator.spec.paths[checkoutPath].post.responses;
const exampleOf = (status: string, key: string): Record<string, any> =>
  structuredClone(validator.deref(validator.deref(responses[status]).content['application/json'].examples[key]).value);

type Change = [name: string, change: (body: Record<string, any>) => void];

const orderSchema = '#/components/schemas/OrderResponse';
const errorSchema = '#/components/schemas/ErrorResponse';

describe('the contract rejects an order that breaks one rule', () => {
  test.each<Change>([
    ['without included', (body) => delete body.included],
    ['with included but no items', (body) => delete body.included.items],
    ['with a billing address naming neither region nor county', (body) => {
      delete body.data.billing_address.region;
      delete body.data.billing_address.county;
    }],
    ['with an empty shipping line_1', (body) => (body.data.shipping_address.line_1 = '')],
    ['with an external_ref of 65 characters', (body) => (body.data.external_ref = 'x'.repeat(65))],
    ['with an order_number not a string', (body) => (body.data.order_number = 1234)],
    ['with a negative balance_owing', (body) => (body.data.meta.display_price.balance_owing.amount = -100)],
    ['with a positive order discount', (body) => (body.data.meta.display_price.discount.amount = 500)],
    ['with paid not a price', (body) => (body.data.meta.display_price.paid = 0)],
  ])('%s', (_name, change) => {
    const body = exampleOf('201', 'CustomerObject');
    expect(validator.validate(orderSchema, body)).toEqual([]);
    change(body);
    expect(validator.validate(orderSchema, body).length).toBeGreaterThan(0);
  });
});

describe('the contract rejects an error that breaks one rule', () => {
  test.each<Change>([
    ['with source in the old object shape {pointer}', (body) => (body.errors[0].source = { pointer: '/data/billing_address/line_1' })],
    ['with source in the old object shape {parameter}', (body) => (body.errors[0].source = { parameter: 'X-MOLTIN-CURRENCY' })],
    ['with an empty source', (body) => (body.errors[0].source = '')],
    ['with meta.item_ids not an array', (body) => (body.errors[0].meta = { item_ids: 'f2b68648-9621-45a3-aed6-1b526b0f5beb' })],
    ['with meta.code not a string', (body) => (body.errors[0].meta = { code: 42 })],
  ])('%s', (_name, change) => {
    const body = exampleOf('400', 'ValidationFailed');
    expect(validator.validate(errorSchema, body)).toEqual([]);
    change(body);
    expect(validator.validate(errorSchema, body).length).toBeGreaterThan(0);
  });
});

describe('what the contract leaves open in answers stays accepted', () => {
  test.each<[string, string, string, Change[1]]>([
    ['an order without order_number and external_ref', '201', 'CustomerId', (body) => {
      delete body.data.order_number;
      delete body.data.external_ref;
    }],
    ['an order whose address has a county and no region', '201', 'Account', (body) => delete body.data.billing_address.region],
    ['a stock error naming its cart items in meta.item_ids', '400', 'InsufficientStock', (body) => (body.errors[0].meta.item_ids = ['5ff8e482-da0b-4c43-b9ae-a13d384f10bd'])],
    ['an error with a meta member Elastic Path does not list', '400', 'CurrencyMismatch', (body) => (body.errors[0].meta.currency = 'EUR')],
    ['an error without source', '400', 'ValidationFailed', (body) => delete body.errors[0].source],
  ])('%s', (_name, status, key, change) => {
    const body = exampleOf(status, key);
    change(body);
    expect(validator.validate(status === '201' ? orderSchema : errorSchema, body)).toEqual([]);
  });
});
