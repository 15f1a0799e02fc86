// What the mock says the way Elastic Path says it (docs/decisions.md, "Errors" and "The order response"):
// validation errors titled by the rule broken, with details a shopper can read; 401 and 403 in the
// API's words; orders whose totals carry balance_owing, paid and authorized, and whose shipping
// address is the one sent, never the billing address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.ts';
import { call, checkout, checkoutRequestExample, expectApiError, headersFor, startMock, token, variantKeys } from './support.ts';

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock();
}, 60_000);
afterAll(() => mock?.close());

const customerObject = () => checkoutRequestExample('CustomerObject');

describe('validation errors: title the rule broken, source the field, a detail a shopper can read', () => {
  type Case = [rule: string, source: string, breakIt: (data: Record<string, any>) => void, detail: string];
  const cases: Case[] = [
    ['required', 'data.billing_address.line_1', (data) => delete data.billing_address.line_1, 'data.billing_address.line_1 is required'],
    ['format', 'data.customer.email', (data) => (data.customer.email = 'ann at example'), 'data.customer.email must be an email address, such as ann@example.com'],
    ['minLength', 'data.shipping_address.postcode', (data) => (data.shipping_address.postcode = ''), 'data.shipping_address.postcode must not be empty'],
    ['maxLength', 'data.external_ref', (data) => (data.external_ref = 'x'.repeat(65)), 'data.external_ref must be at most 64 characters long'],
    ['type', 'data.shipping_address.phone_number', (data) => (data.shipping_address.phone_number = 5555551234), 'data.shipping_address.phone_number must be text'],
    ['additionalProperties', 'data.coupon', (data) => (data.coupon = 'FREE'), 'data.coupon is not allowed here'],
    ['additionalProperties', 'data.contact', (data) => (data.contact = { name: 'Ann', email: 'ann@example.com' }), 'data.contact is not allowed here'],
  ];

  it.each(cases)('%s, naming %s', async (rule, source, breakIt, detail) => {
    const body = customerObject();
    breakIt(body.data);
    const errors = expectApiError(await checkout(mock, body), 400);
    expect(errors).toEqual([{ status: 400, title: rule, detail, source }]);
  });

  it('a Customer ID that is no UUID is told the form an ID takes', async () => {
    const body = checkoutRequestExample('CustomerId');
    body.data.customer.id = 'customer-7';
    const errors = expectApiError(await checkout(mock, body), 400);
    expect(errors).toEqual([
      { status: 400, title: 'format', detail: 'data.customer.id must be an ID of the form 8cee1b9e-3e39-4d5f-bd4a-86cdb985c6ee', source: 'data.customer.id' },
    ]);
  });

  it('a token request names every grant it may ask for, and a missing secret in the API words', async () => {
    const ask = (form: Record<string, string>) => call(`${mock.url}/oauth/access_token`, { method: 'POST', body: new URLSearchParams(form) });
    expect(expectApiError(await ask({ grant_type: 'password', client_id: 'c' }), 400)).toEqual([
      { status: 400, title: 'const', detail: 'grant_type must be "implicit" or "client_credentials"', source: 'grant_type' },
    ]);
    expect(expectApiError(await ask({ grant_type: 'client_credentials', client_id: 'c' }), 400)).toEqual([
      { status: 400, title: 'required', detail: 'client_secret is required', source: 'client_secret' },
    ]);
  });

  it('headers and the body as a whole are worded the same way, the header named in source', async () => {
    const currency = expectApiError(await checkout(mock, customerObject(), { 'X-MOLTIN-CURRENCY': 'usd' }), 400);
    expect(currency).toEqual([{ status: 400, title: 'pattern', detail: 'X-MOLTIN-CURRENCY must match the pattern ^[A-Z]{3}$', source: 'X-MOLTIN-CURRENCY' }]);
    const empty = expectApiError(await checkout(mock, customerObject(), { 'X-Moltin-Customer-Token': '' }), 400);
    expect(empty).toEqual([{ status: 400, title: 'minLength', detail: 'X-Moltin-Customer-Token must not be empty', source: 'X-Moltin-Customer-Token' }]);
    const noBody = expectApiError(await checkout(mock, ''), 400);
    expect(noBody).toEqual([{ status: 400, title: 'required', detail: 'The request body is required', source: 'request' }]);
  });

  it("no detail is a validator's own phrasing", async () => {
    const body = { data: { customer: { name: '', email: 42 }, billing_address: { line_1: '' }, shipping_address: 'here', external_ref: 'x'.repeat(65), coupon: 1 } };
    const errors = expectApiError(await checkout(mock, body), 400);
    expect(errors.length).toBeGreaterThan(3);
    for (const error of errors) expect(error.detail).not.toMatch(/must NOT|must have required property|must match|must be equal to|must be string/);
  });
});

describe("401 and 403 in Elastic Path's words, without detail", () => {
  it('a request without a token', async () => {
    const answer = await call(`${mock.url}/v2/carts/c/checkout`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(customerObject()) });
    expect(expectApiError(answer, 401)).toEqual([{ status: 401, title: 'Unable to validate access token' }]);
  });

  it('the Account variant with an implicit token', async () => {
    const implicitToken = await token(mock, { grant_type: 'implicit', client_id: 'c' });
    const answer = await checkout(mock, checkoutRequestExample('Account'), { Authorization: `Bearer ${implicitToken}` });
    expect(expectApiError(answer, 403)).toEqual([{ status: 403, title: 'Forbidden' }]);
  });
});

describe('orders', () => {
  it.each(variantKeys)(
    '%s: display_price carries balance_owing, paid and authorized, consistent with the total',
    async (variant) => {
      const answer = await checkout(mock, checkoutRequestExample(variant), headersFor(variant));
      expect(answer.status, answer.text).toBe(201);
      const price = answer.body.data.meta.display_price;
      for (const total of ['with_tax', 'without_tax', 'tax', 'discount', 'balance_owing', 'paid', 'authorized']) {
        expect(price[total], total).toEqual({ amount: expect.any(Number), currency: price.with_tax.currency, formatted: expect.any(String) });
      }
      expect([price.paid.amount, price.authorized.amount]).toEqual([0, 0]);
      expect(price.balance_owing).toEqual(price.with_tax);
    },
  );

  it("the order's shipping address is the one sent", async () => {
    const body = customerObject();
    body.data.shipping_address = { ...body.data.shipping_address, line_1: '9 Harbour Road', instructions: 'Side door' };
    const answer = await checkout(mock, body);
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.data.shipping_address).toEqual(body.data.shipping_address);
    expect(answer.body.data.billing_address).toEqual(body.data.billing_address);
  });
});
