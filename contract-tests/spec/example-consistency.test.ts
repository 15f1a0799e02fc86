// The spec's examples agree with each other: an error example names an item the example orders hold
// (docs/decisions.md, decision 30), and each example order's totals add up as an order just placed
// (decision 22). Each check is shown to catch a broken copy, so it cannot pass by checking nothing.
import { describe, expect, test } from 'vitest';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';

const validator = new SpecValidator();
const operation = validator.spec.paths[checkoutPath].post;

type Json = Record<string, any>;
type Price = { amount: number; currency: string };

const examplesOf = (status: number): Record<string, Json> => {
  const examples = validator.deref(operation.responses[status]).content['application/json'].examples as Record<string, Json>;
  return Object.fromEntries(Object.entries(examples).map(([name, ref]) => [name, validator.deref(ref).value]));
};

const orders = examplesOf(201);
const orderItems = Object.values(orders).flatMap((order) => order.included.items as Json[]);

/** Why an error example's `meta` names no item of the example orders (its sku, and its id as that item's product). */
const strangerProblems = (error: Json): string[] => {
  if (!error.meta?.sku) return [];
  const item = orderItems.find((candidate) => candidate.sku === error.meta.sku);
  if (!item) return [`sku ${error.meta.sku} is not among the example orders' items`];
  const problems = error.meta.id === item.product_id ? [] : [`id ${error.meta.id} is not the product of ${item.sku} (${item.product_id})`];
  return error.detail?.includes(item.sku) === false ? [...problems, `the detail does not name ${item.sku}`] : problems;
};

/** Why an order's totals do not read as an order just placed: one currency, nothing paid, all still owed. */
const totalsProblems = (order: Json): string[] => {
  const price = order.data.meta.display_price as Record<string, Price>;
  const { with_tax: withTax, without_tax: withoutTax, tax, balance_owing: owing, paid, authorized } = price;
  const problems = Object.entries(price)
    .filter(([, total]) => total.currency !== withTax.currency)
    .map(([name]) => `${name} is not in ${withTax.currency}`);
  if (withTax.amount !== withoutTax.amount + tax.amount) problems.push('with_tax is not without_tax plus tax');
  if (paid.amount !== 0 || authorized.amount !== 0) problems.push('an unpaid order has paid or authorized money');
  if (owing.amount !== withTax.amount - paid.amount - authorized.amount) problems.push('balance_owing is not with_tax less paid and authorized');
  return problems;
};

describe('error examples name an item of the example orders', () => {
  const errors = Object.entries(examplesOf(400)).flatMap(([name, example]) => (example.errors as Json[]).map((error) => [name, error] as const));

  test.each(errors.filter(([, error]) => error.meta?.sku))('%s', (_name, error) => {
    expect(strangerProblems(error)).toEqual([]);
  });

  test("the check catches seed 003's gift2, which no example order holds", () => {
    const seedError = { status: 400, title: 'Insufficient stock', detail: 'There is not enough stock to add gift2 to your cart', meta: { id: 'f2b68648-9621-45a3-aed6-1b526b0f5beb', sku: 'gift2' } };
    expect(strangerProblems(seedError)).toEqual(['sku gift2 is not among the example orders\' items']);
    expect(strangerProblems({ ...seedError, meta: { id: 'f2b68648-9621-45a3-aed6-1b526b0f5beb', sku: 'deck-shoe-001' } })).toHaveLength(2);
  });
});

describe("example orders' totals", () => {
  test.each(Object.entries(orders))('%s reads as an order just placed', (_name, order) => {
    expect(Object.keys(order.data.meta.display_price)).toEqual(
      expect.arrayContaining(['with_tax', 'without_tax', 'tax', 'discount', 'balance_owing', 'paid', 'authorized']),
    );
    expect(totalsProblems(order)).toEqual([]);
  });

  test('the check catches a balance that is not what is owed, and money paid on an unpaid order', () => {
    const order = structuredClone(orders.CustomerObject);
    order.data.meta.display_price.balance_owing.amount = 0;
    order.data.meta.display_price.paid.amount = 47000;
    expect(totalsProblems(order)).toEqual(['an unpaid order has paid or authorized money']);
    order.data.meta.display_price.paid.amount = 0;
    expect(totalsProblems(order)).toEqual(['balance_owing is not with_tax less paid and authorized']);
  });
});
