// What the mock promises a frontend: orders that reflect the request per variant, the spec's auth
// and header rules, errors in the API's shape, Prefer and reserved-reference scenarios, CORS, tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountManagementHeader, variantNamed } from '../../src/lib/checkout-variants.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { reservedCartReferences } from '../../src/mock/scenarios.ts';
import {
  call,
  checkout,
  checkoutOperation,
  checkoutRequestExample,
  checkoutResponseExample,
  expectApiError,
  headersFor,
  startMock,
  token,
  validator,
  variantKeys,
} from './support.ts';

let mock: MockServer;
const logLines: string[] = [];
let clientCredentialsToken: string;
let implicitToken: string;

beforeAll(async () => {
  mock = await startMock(logLines);
  clientCredentialsToken = await token(mock, { grant_type: 'client_credentials', client_id: 'c', client_secret: 's' });
  implicitToken = await token(mock, { grant_type: 'implicit', client_id: 'c' });
}, 60_000);
afterAll(() => mock?.close());

const expectOrder = (answer: { status: number; body: any; text: string }) => {
  expect(answer.status, answer.text).toBe(201);
  expect(validator.validate('#/components/schemas/OrderResponse', answer.body), answer.text).toEqual([]);
  return answer.body.data;
};

// The spec's examples with every value the order should echo changed, so an echo of the example fails.
const billing = { first_name: 'Ada', last_name: 'Lovelace', line_1: '12 Analytical Row', county: 'Greater London', postcode: 'N1 9GU', country: 'UK' };
const shipping = { ...billing, line_1: '1 Engine Yard', instructions: 'Ring twice' };
const contact = { name: 'Ada Lovelace', email: 'ada@example.org' };
const accountId = '0b7c5a52-9d7e-4a55-8f34-2c7f4b6e1d01';
const memberId = '5e1f3c9a-7b2d-4c8e-9a61-0f2d8b3c4e02';
const customerId = '9a2b7c4d-1e3f-4a5b-8c6d-7e8f9a0b1c03';
// The variant whose rule is a required header (src/lib/checkout-variants.ts).
const accountManagement = variantNamed('account-management');

describe('a 201 order reflects the request, shaped by its variant', () => {
  it('Account: contact, addresses, account and member relationships from the body', async () => {
    const data = expectOrder(
      await checkout(
        mock,
        { data: { account: { id: accountId, member_id: memberId }, contact, billing_address: billing, shipping_address: shipping } },
        { Authorization: `Bearer ${clientCredentialsToken}` },
      ),
    );
    expect(data.contact).toEqual(contact);
    expect(data.customer).toBeUndefined();
    expect(data.billing_address).toEqual(billing);
    expect(data.shipping_address).toEqual(shipping);
    expect(data.relationships.account.data).toEqual({ type: 'account', id: accountId });
    expect(data.relationships.account_member.data).toEqual({ type: 'account_member', id: memberId });
  });

  it('Account without member_id: no account_member relationship', async () => {
    const data = expectOrder(
      await checkout(mock, { data: { account: { id: accountId }, contact, billing_address: billing, shipping_address: shipping } }, { Authorization: `Bearer ${clientCredentialsToken}` }),
    );
    expect(data.relationships.account.data.id).toBe(accountId);
    expect(data.relationships.account_member).toBeUndefined();
  });

  it('Account Management token: account and member ids come from the token, stable per token', async () => {
    const body = { data: { contact, billing_address: billing, shipping_address: shipping } };
    const send = (amToken: string) =>
      checkout(mock, body, { Authorization: `Bearer ${implicitToken}`, [accountManagementHeader]: amToken });
    const first = expectOrder(await send('member-token-a'));
    const again = expectOrder(await send('member-token-a'));
    const other = expectOrder(await send('member-token-b'));
    expect(first.contact).toEqual(contact);
    expect(first.relationships.account.data.type).toBe('account');
    expect(first.relationships.account_member.data.type).toBe('account_member');
    expect(again.relationships).toEqual(first.relationships);
    expect(other.relationships.account.data.id).not.toBe(first.relationships.account.data.id);
    expect(other.relationships.account_member.data.id).not.toBe(first.relationships.account_member.data.id);
  });

  it('Customer ID: the customer relationship and customer id are the ones sent', async () => {
    const data = expectOrder(await checkout(mock, { data: { customer: { id: customerId }, billing_address: billing, shipping_address: shipping } }));
    expect(data.customer.id).toBe(customerId);
    expect(data.relationships.customer.data).toEqual({ type: 'customer', id: customerId });
    expect(data.contact).toBeUndefined();
    expect(data.relationships.account).toBeUndefined();
  });

  it('Customer object: the customer is the name and email sent', async () => {
    const data = expectOrder(
      await checkout(mock, { data: { customer: contact, billing_address: billing, shipping_address: shipping } }, { 'X-MOLTIN-CURRENCY': 'USD' }),
    );
    expect(data.customer).toEqual(contact);
    expect(data.shipping_address).toEqual(shipping);
    expect(data.relationships.customer).toBeUndefined();
  });

  it.each(variantKeys)('%s: order_number and external_ref come back as sent, and stay away when not sent', async (variant) => {
    const headers = headersFor(variant);
    const body = checkoutRequestExample(variant);
    Object.assign(body.data, { order_number: `PO-${variant}`, external_ref: `ERP #${variant} / 7` });
    const sent = expectOrder(await checkout(mock, body, headers));
    expect([sent.order_number, sent.external_ref]).toEqual([`PO-${variant}`, `ERP #${variant} / 7`]);
    delete body.data.order_number;
    delete body.data.external_ref;
    const unsent = expectOrder(await checkout(mock, body, headers));
    expect('order_number' in unsent || 'external_ref' in unsent).toBe(false);
  });

  it.each(variantKeys)('%s without shipping_address -> 400 naming data.shipping_address', async (variant) => {
    const body = checkoutRequestExample(variant);
    delete body.data.shipping_address;
    const errors = expectApiError(await checkout(mock, body, headersFor(variant)), 400);
    expect(errors).toEqual([{ status: 400, title: 'required', detail: 'data.shipping_address is required', source: 'data.shipping_address' }]);
  });

  it('each order has a fresh id and current timestamps', async () => {
    const before = Date.now() - 2000;
    const body = checkoutRequestExample('CustomerObject');
    const [a, b] = [expectOrder(await checkout(mock, body)), expectOrder(await checkout(mock, body))];
    expect(a.id).not.toBe(b.id);
    expect(a.id).not.toBe(checkoutResponseExample(201, 'CustomerObject').data.id);
    expect(Date.parse(a.meta.timestamps.created_at)).toBeGreaterThanOrEqual(before);
  });

  it('every variant example of the spec checks out as its own variant', async () => {
    for (const variant of variantKeys) {
      const data = expectOrder(await checkout(mock, checkoutRequestExample(variant), headersFor(variant)));
      const expectedShape = checkoutResponseExample(201, variant).data;
      expect(Object.keys(data.relationships).sort(), variant).toEqual(Object.keys(expectedShape.relationships).sort());
      expect('contact' in data, variant).toBe('contact' in expectedShape);
    }
  });
});

describe('auth and header rules as the spec states them', () => {
  const body = checkoutRequestExample('CustomerObject');

  it.each([
    ['missing', undefined],
    ['not Bearer', 'Basic dXNlcjpwYXNz'],
    ['Bearer without a token', 'Bearer '],
  ])('Authorization %s -> 401', async (_, authorization) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (authorization !== undefined) headers.Authorization = authorization;
    const answer = await call(`${mock.url}/v2/carts/c/checkout`, { method: 'POST', headers, body: JSON.stringify(body) });
    expectApiError(answer, 401);
  });

  it('401 comes before body validation', async () => {
    const answer = await call(`${mock.url}/v2/carts/c/checkout`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"data":{}}' });
    expectApiError(answer, 401);
  });

  it('Account Management variant without its header -> 400 naming the header', async () => {
    const [error] = expectApiError(await checkout(mock, checkoutRequestExample(accountManagement.exampleKey)), 400);
    expect(error.source).toBe(accountManagement.requiredHeader);
  });

  it('Account variant with an implicit token -> 403; with a client credentials token -> 201', async () => {
    const body = checkoutRequestExample('Account');
    expectApiError(await checkout(mock, body, { Authorization: `Bearer ${implicitToken}` }), 403);
    expectOrder(await checkout(mock, body, { Authorization: `Bearer ${clientCredentialsToken}` }));
  });

  it('customer variants accept an implicit token', async () => {
    expectOrder(await checkout(mock, checkoutRequestExample('CustomerId'), { Authorization: `Bearer ${implicitToken}` }));
  });

  it('a header breaking its schema -> 400 naming the header', async () => {
    const [error] = expectApiError(await checkout(mock, checkoutRequestExample('CustomerObject'), { 'X-MOLTIN-CURRENCY': 'usd' }), 400);
    expect(error.source).toBe('X-MOLTIN-CURRENCY');
  });

  // Prism leaves empty headers unvalidated; every header the spec declares here refuses an empty value.
  it.each([
    ['CustomerObject', 'X-MOLTIN-CURRENCY'],
    ['CustomerId', 'X-Moltin-Customer-Token'],
    [accountManagement.exampleKey, accountManagementHeader],
  ])('%s with %s sent empty -> 400 naming the header', async (variant, header) => {
    const errors = expectApiError(await checkout(mock, checkoutRequestExample(variant), { [header]: '' }), 400);
    expect(errors.map((e) => e.source)).toEqual([header]);
  });
});

describe('errors in the API shape, naming the field at fault', () => {
  const example = checkoutRequestExample('CustomerId');

  it('a missing field', async () => {
    const example = checkoutRequestExample('CustomerId');
    delete example.data.billing_address.line_1;
    const errors = expectApiError(await checkout(mock, example), 400);
    expect(errors.map((e) => e.source)).toEqual(['data.billing_address.line_1']);
  });

  it('a wrong type inside the closest variant', async () => {
    const body = { data: { customer: { name: 'Ann', email: 42 }, billing_address: billing, shipping_address: shipping } };
    const errors = expectApiError(await checkout(mock, body), 400);
    expect(errors.map((e) => e.source)).toEqual(['data.customer.email']);
  });

  it('a body mixing account and customer', async () => {
    const body = { data: { account: { id: accountId }, contact, customer: { id: customerId }, billing_address: billing, shipping_address: shipping } };
    const errors = expectApiError(await checkout(mock, body), 400);
    expect(errors.map((e) => e.source)).toEqual(['data.customer']);
    expect(errors[0].detail).toMatch(/not allowed/);
  });

  it('an address with neither region nor county: one error naming both', async () => {
    const { county: _county, ...noCountyOrRegion } = billing;
    const errors = expectApiError(await checkout(mock, { data: { customer: contact, billing_address: noCountyOrRegion, shipping_address: shipping } }), 400);
    expect(errors).toEqual([
      expect.objectContaining({ source: 'data.billing_address.region', detail: "data.billing_address must have at least one of 'region' or 'county', not empty" }),
    ]);
  });

  it('both addresses without region or county: one error each, naming its own address', async () => {
    const { county: _county, ...noCountyOrRegion } = billing;
    const body = { data: { customer: contact, billing_address: noCountyOrRegion, shipping_address: { ...noCountyOrRegion, region: '' } } };
    const errors = expectApiError(await checkout(mock, body), 400);
    expect(errors.map((e) => e.source).sort()).toEqual(['data.billing_address.region', 'data.shipping_address.region']);
    expect(errors.every((e) => /^data\.(billing|shipping)_address must have at least one of 'region' or 'county', not empty$/.test(e.detail))).toBe(true);
  });

  it('an empty required field, and an external_ref over 64 characters', async () => {
    const body = { data: { customer: contact, external_ref: 'x'.repeat(65), billing_address: { ...billing, line_1: '' }, shipping_address: shipping } };
    const errors = expectApiError(await checkout(mock, body), 400);
    expect(errors.map((e) => e.source).sort()).toEqual(['data.billing_address.line_1', 'data.external_ref']);
  });

  it('malformed JSON -> 400', async () => {
    expectApiError(await checkout(mock, '{"data": {'), 400);
  });

  it('an empty body -> 400 naming the request as a whole', async () => {
    const [error] = expectApiError(await checkout(mock, ''), 400);
    expect(error.source).toBe('request');
  });

  it('wrong content type -> 415', async () => {
    expectApiError(await checkout(mock, JSON.stringify(example), { 'Content-Type': 'text/plain' }), 415);
  });

  it('unknown path -> 404, unsupported method -> 405', async () => {
    expectApiError(await call(`${mock.url}/v2/carts`), 404);
    const answer = await call(`${mock.url}/v2/carts/c/checkout`, { method: 'PUT', body: '{}' });
    expectApiError(answer, 405);
    expect(answer.headers.get('allow')).toBe('POST');
  });

  it('a body over 1 MiB -> 413', async () => {
    const body = { data: { ...example.data, customer: { id: 'x'.repeat(2 * 1024 * 1024) } } };
    expectApiError(await checkout(mock, body), 413);
  });

  it('invalid UTF-8 -> 400', async () => {
    const bytes = Buffer.concat([Buffer.from('{"data":{"customer":{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}}')]);
    expectApiError(await checkout(mock, bytes as unknown as string), 400);
  });
});

describe('Accept is ignored: every answer is JSON, as the API answers', () => {
  it.each(['application/vnd.api+json', 'text/html', 'application/xml', 'application/json;q=0', '*/*;q=0', 'nonsense'])('Accept: %s', async (accept) => {
    expectOrder(await checkout(mock, checkoutRequestExample('CustomerObject'), { Accept: accept }));
    expectApiError(await checkout(mock, { data: {} }, { Accept: accept }), 400);
    expectApiError(await checkout(mock, checkoutRequestExample('CustomerObject'), { Accept: accept, Prefer: 'code=404' }), 404);
    const issued = await call(`${mock.url}/oauth/access_token`, { method: 'POST', headers: { Accept: accept }, body: new URLSearchParams({ grant_type: 'implicit', client_id: 'c' }) });
    expect(issued.status, issued.text).toBe(200);
    expect(issued.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('scenarios a frontend can trigger', () => {
  const body = checkoutRequestExample('CustomerObject');

  it('Prefer: code=… answers with that declared status and its example', async () => {
    const errors = expectApiError(await checkout(mock, body, { Prefer: 'code=404' }), 404);
    expect({ errors }).toEqual(checkoutResponseExample(404, 'CartNotFound'));
  });

  it('Prefer: code=…, example=… picks the named example', async () => {
    const errors = expectApiError(await checkout(mock, body, { Prefer: 'code=400, example=CurrencyMismatch' }), 400);
    expect({ errors }).toEqual(checkoutResponseExample(400, 'CurrencyMismatch'));
  });

  it('Prefer: example=… of another variant returns that example verbatim', async () => {
    const answer = await checkout(mock, body, { Prefer: 'example=CustomerId' });
    expectOrder(answer);
    expect(answer.body).toEqual(checkoutResponseExample(201, 'CustomerId'));
  });

  it('Prefer: example=… of the body\'s own variant returns that example verbatim too', async () => {
    const answer = await checkout(mock, { data: { customer: contact, billing_address: billing, shipping_address: shipping } }, { Prefer: 'example=CustomerObject' });
    expectOrder(answer);
    expect(answer.body).toEqual(checkoutResponseExample(201, 'CustomerObject'));
  });

  // Every error example the spec declares for checkout, by name alone: the mock finds its status.
  const errorExamples = [...checkoutOperation.responseExamples]
    .filter(([status]) => status >= 300)
    .flatMap(([status, examples]) => [...examples.keys()].map((key) => ({ status, key })));

  it.each(errorExamples)('Prefer: example=$key alone answers $status with that example', async ({ status, key }) => {
    const errors = expectApiError(await checkout(mock, body, { Prefer: `example=${key}` }), status);
    expect({ errors }).toEqual(checkoutResponseExample(status, key));
  });

  it.each(['foo', ';;;', 'dynamic=true', 'code=404; x', 'code=404, code=400', 'code=404,', 'example=', 'code=404 example=CartNotFound'])(
    'Prefer: %j cannot be read and is answered 400 naming Prefer and its syntax',
    async (prefer) => {
      const [error] = expectApiError(await checkout(mock, body, { Prefer: prefer }), 400);
      expect(error.source).toBe('Prefer');
      expect(error.detail).toMatch(/^Prefer takes "code=<status>", "example=<name>" or both/);
    },
  );

  it.each([
    ['code=418', /declares no 418 response; it declares 201, 400/],
    ['example=Nope', /has no example named Nope; its examples are .*CartNotFound/],
    ['code=404, example=ValidationFailed', /ValidationFailed is an example of the 400 response, not of 404/],
    ['code=201, example=CartNotFound', /CartNotFound is an example of the 404 response, not of 201/],
    ['example=InvalidClient', /has no example named InvalidClient/],
  ])('Prefer: %s asks for what the spec does not declare, and the answer says what it does', async (prefer, detail) => {
    const [error] = expectApiError(await checkout(mock, body, { Prefer: prefer }), 400);
    expect(error.source).toBe('Prefer');
    expect(error.detail).toMatch(detail);
  });

  it("never passes Prism's own wording to a client, whatever Prefer asks", async () => {
    const prismWording = /contentType|exampleKey|is not defined in the document|does not exist|Requested status code/;
    for (const prefer of ['example=ValidationFailed', 'example=Nope', 'code=999', 'code=400, example=Nope', 'code=201, example=CartNotFound', 'foo']) {
      const answer = await checkout(mock, body, { Prefer: prefer });
      expect(answer.text, prefer).not.toMatch(prismWording);
    }
  });

  it('Prefer: code=201 still answers with the order of the request', async () => {
    const sent = { data: { customer: contact, billing_address: billing, shipping_address: shipping } };
    expect(expectOrder(await checkout(mock, sent, { Prefer: 'code=201' })).customer).toEqual(contact);
  });

  it.each(['code=500', 'code=400, example=NoSuchExample', 'code=abc'])('Prefer: %s is refused with 400 naming Prefer', async (prefer) => {
    const [error] = expectApiError(await checkout(mock, body, { Prefer: prefer }), 400);
    expect(error.source).toBe('Prefer');
  });

  it.each(['code=abc', 'code=500'])('Prefer: %s gives way to auth, validation and the variant rules', async (prefer) => {
    const unauthenticated = await call(`${mock.url}/v2/carts/c/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Prefer: prefer },
      body: JSON.stringify(body),
    });
    expectApiError(unauthenticated, 401);
    const invalid = expectApiError(await checkout(mock, { data: {} }, { Prefer: prefer }), 400);
    expect(invalid.every((e) => e.source?.startsWith('data'))).toBe(true);
    const [rule] = expectApiError(await checkout(mock, checkoutRequestExample(accountManagement.exampleKey), { Prefer: prefer }), 400);
    expect(rule.source).toBe(accountManagement.requiredHeader);
  });

  it.each([...reservedCartReferences])('reserved cart reference %s', async (reference, scenario) => {
    const errors = expectApiError(await checkout(mock, body, {}, reference), scenario.code);
    expect({ errors }).toEqual(checkoutResponseExample(scenario.code, scenario.exampleKey));
  });

  it('reserved references still need a valid request', async () => {
    expectApiError(await checkout(mock, { data: {} }, {}, 'missing'), 400);
  });
});

describe('CORS for a page on another local port', () => {
  it('preflight allows POST and the checkout headers', async () => {
    const answer = await call(`${mock.url}/v2/carts/c/checkout`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = answer.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/);
    for (const header of ['authorization', 'content-type', 'ep-account-management-authentication-token', 'x-moltin-customer-token', 'x-moltin-currency']) {
      expect(allowed).toContain(header);
    }
  });

  it('answers, errors included, carry Access-Control-Allow-Origin', async () => {
    const origin = { Origin: 'http://localhost:3000' };
    expect((await checkout(mock, checkoutRequestExample('CustomerObject'), origin)).headers.get('access-control-allow-origin')).toBe(origin.Origin);
    expect((await checkout(mock, '{', origin)).headers.get('access-control-allow-origin')).toBe(origin.Origin);
  });
});

describe('POST /oauth/access_token', () => {
  it.each([
    [{ grant_type: 'implicit', client_id: 'storefront' }, 'implicit'],
    [{ grant_type: 'client_credentials', client_id: 'backend', client_secret: 'secret' }, 'client_credentials'],
  ])('issues a fresh %o token', async (form, grant) => {
    const answer = await call(`${mock.url}/oauth/access_token`, { method: 'POST', body: new URLSearchParams(form) });
    expect(answer.status, answer.text).toBe(200);
    expect(validator.validate('#/components/schemas/AccessToken', answer.body), answer.text).toEqual([]);
    expect(answer.body.identifier).toBe(grant);
    expect(answer.body.expires).toBeGreaterThan(Date.now() / 1000);
    const again = await call(`${mock.url}/oauth/access_token`, { method: 'POST', body: new URLSearchParams(form) });
    expect(again.body.access_token).not.toBe(answer.body.access_token);
  });

  it('client credentials without a secret -> 400 pointing at client_secret', async () => {
    const answer = await call(`${mock.url}/oauth/access_token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'backend' }),
    });
    expect(expectApiError(answer, 400).map((e) => e.source)).toEqual(['client_secret']);
  });

  it('a JSON body -> 415', async () => {
    const answer = await call(`${mock.url}/oauth/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'implicit', client_id: 'x' }),
    });
    expectApiError(answer, 415);
  });
});

describe('the request log', () => {
  it('has one line per request with method, path, variant, status and time', async () => {
    const before = logLines.length;
    await checkout(mock, checkoutRequestExample('CustomerId'), {}, 'log-check');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logLines.slice(before)).toEqual([expect.stringMatching(/^POST \/v2\/carts\/log-check\/checkout CustomerId 201 \d+(\.\d+)?ms$/)]);
  });
});
