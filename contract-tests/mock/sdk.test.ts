// The official JavaScript SDK, configured for the mock, gets its own token from
// POST /oauth/access_token and completes each checkout it offers, and the Account variant it has no
// method for, as a back end sends it with `request.send` and a client credentials token.
import { gateway, MemoryStorageFactory } from '@elasticpath/js-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockServer } from '../../src/mock/server.ts';
import { startMock, validator } from './support.ts';

let mock: MockServer;
const log: string[] = [];
// Watched, not silenced: whatever the SDK logs still prints, and the last test reads it.
const consoleInfo = vi.spyOn(console, 'info');
const consoleError = vi.spyOn(console, 'error');

beforeAll(async () => {
  mock = await startMock(log);
}, 60_000);
afterAll(() => mock?.close());

/**
 * An SDK for the mock, authenticated before its first call: an implicit token for a storefront (client ID
 * only), a client credentials token for a back end (with the secret). Without Authenticate() first, the
 * SDK logs "Token status: credentials do not exist" on its first call and then fetches the token anyway.
 */
const sdkFor = async (server: MockServer, client_secret?: string) => {
  // `protocol` is read by the SDK (v35) but missing from its ConfigOptions type.
  const options = {
    client_id: client_secret ? 'back-end-client-id' : 'storefront-client-id',
    client_secret,
    host: new URL(server.url).host,
    protocol: 'http',
    // Node has no localStorage; the SDK's default would write a ./localStorage folder.
    storage: new MemoryStorageFactory(),
    fetchMaxAttempts: 1,
  };
  const sdk = gateway(options);
  await sdk.Authenticate();
  return sdk;
};

const billing = { first_name: 'Grace', last_name: 'Hopper', line_1: '1 Compiler Way', region: 'VA', postcode: '22201', country: 'US' };
const shipping = { ...billing, line_1: '2 Navy Yard', instructions: 'Front desk' };

const expectOrder = (response: any) => {
  expect(validator.validate('#/components/schemas/OrderResponse', response), JSON.stringify(response)).toEqual([]);
  return response.data;
};

describe('@elasticpath/js-sdk against the mock', () => {
  it('Cart(ref).Checkout(customerId, billing)', async () => {
    const customerId = '3f9c2d1e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    const order = expectOrder(await (await sdkFor(mock)).Cart('sdk-cart-1').Checkout(customerId, billing));
    expect(order.relationships.customer.data.id).toBe(customerId);
    expect(order.billing_address).toEqual(billing);
    expect(order.shipping_address).toEqual(billing);
    expect(log.some((line) => line.startsWith('POST /oauth/access_token Implicit 200'))).toBe(true);
  });

  it('Cart(ref).Checkout(customerObject, billing, shipping)', async () => {
    const customer = { name: 'Grace Hopper', email: 'grace@example.com' };
    const order = expectOrder(await (await sdkFor(mock)).Cart('sdk-cart-2').Checkout(customer, billing, shipping));
    expect(order.customer).toEqual(customer);
    expect(order.shipping_address).toEqual(shipping);
  });

  it('Cart(ref).CheckoutWithAccountManagementToken(contact, billing, shipping, token)', async () => {
    const contact = { name: 'Grace Hopper', email: 'grace@navy.example' };
    const order = expectOrder(
      // The SDK's code takes the Account Management token as 4th argument; its types say headers.
      await (await sdkFor(mock)).Cart('sdk-cart-3').CheckoutWithAccountManagementToken(contact, billing, shipping, 'am-token-grace' as never),
    );
    expect(order.contact).toEqual(contact);
    expect(order.relationships.account.data.type).toBe('account');
    expect(order.relationships.account_member.data.type).toBe('account_member');
    expect(log.at(-1)).toMatch(/^POST \/v2\/carts\/sdk-cart-3\/checkout AccountManagementToken 201 /);
  });

  it('an SDK error is the API error the mock sent', async () => {
    const failure = await (await sdkFor(mock))
      .Cart('insufficient-stock')
      .Checkout({ name: 'Grace Hopper', email: 'grace@example.com' }, billing)
      .then(() => undefined, (error: unknown) => error);
    expect(validator.validate('#/components/schemas/ErrorResponse', failure), JSON.stringify(failure)).toEqual([]);
    expect((failure as any).errors[0].title).toBe('Insufficient stock');
  });

  it('the Account variant from a back end: request.send with a client credentials token', async () => {
    const backEnd = await sdkFor(mock, 'back-end-secret');
    expect(log.at(-1)).toMatch(/^POST \/oauth\/access_token ClientCredentials 200 /);
    const account = { id: '3c0ef5a2-8d4b-4f6e-9a1c-2b7d5e8f9a01', member_id: '7d2e1f3a-5b6c-4d8e-9f0a-1b2c3d4e5f02' };
    const contact = { name: 'Grace Hopper', email: 'grace@navy.example' };
    // The SDK has no Account checkout method; send() wraps the body in {"data": …} and adds the bearer token.
    const body = { account, contact, billing_address: billing, shipping_address: shipping, order_number: 'PO-7', external_ref: 'ERP 7' };
    const order = expectOrder(await backEnd.request.send('carts/sdk-cart-4/checkout', 'POST', body));
    expect(order.relationships.account.data.id).toBe(account.id);
    expect(order.relationships.account_member.data.id).toBe(account.member_id);
    expect([order.contact, order.order_number, order.external_ref]).toEqual([contact, 'PO-7', 'ERP 7']);
    expect(log.at(-1)).toMatch(/^POST \/v2\/carts\/sdk-cart-4\/checkout Account 201 /);
  });

  it("logged no token status along the way (issue 11: npm test prints no SDK noise)", () => {
    const logged = [...consoleInfo.mock.calls, ...consoleError.mock.calls].map((call) => String(call[0]));
    expect(logged.filter((line) => line.startsWith('Token status'))).toEqual([]);
  });
});
