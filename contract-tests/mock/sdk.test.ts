// The official JavaScript SDK, configured for the mock, gets its own token from
// POST /oauth/access_token and completes each checkout it offers.
import { gateway, MemoryStorageFactory } from '@elasticpath/js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.ts';
import { startMock, validator } from './support.ts';

let mock: MockServer;
const log: string[] = [];

beforeAll(async () => {
  mock = await startMock(log);
}, 60_000);
afterAll(() => mock?.close());

const sdkFor = (server: MockServer) => {
  // `protocol` is read by the SDK (v35) but missing from its ConfigOptions type.
  const options = {
    client_id: 'storefront-client-id',
    host: new URL(server.url).host,
    protocol: 'http',
    // Node has no localStorage; the SDK's default would write a ./localStorage folder.
    storage: new MemoryStorageFactory(),
    fetchMaxAttempts: 1,
  };
  return gateway(options);
};

const billing = { first_name: 'Grace', last_name: 'Hopper', line_1: '1 Compiler Way', postcode: '22201', country: 'US' };
const shipping = { ...billing, line_1: '2 Navy Yard', instructions: 'Front desk' };

const expectOrder = (response: any) => {
  expect(validator.validate('#/components/schemas/OrderResponse', response), JSON.stringify(response)).toEqual([]);
  return response.data;
};

describe('@elasticpath/js-sdk against the mock', () => {
  it('Cart(ref).Checkout(customerId, billing)', async () => {
    const customerId = '3f9c2d1e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    const order = expectOrder(await sdkFor(mock).Cart('sdk-cart-1').Checkout(customerId, billing));
    expect(order.relationships.customer.data.id).toBe(customerId);
    expect(order.billing_address).toEqual(billing);
    expect(order.shipping_address).toEqual(billing);
    expect(log.some((line) => line.startsWith('POST /oauth/access_token Implicit 200'))).toBe(true);
  });

  it('Cart(ref).Checkout(customerObject, billing, shipping)', async () => {
    const customer = { name: 'Grace Hopper', email: 'grace@example.com' };
    const order = expectOrder(await sdkFor(mock).Cart('sdk-cart-2').Checkout(customer, billing, shipping));
    expect(order.customer).toEqual(customer);
    expect(order.shipping_address).toEqual(shipping);
  });

  it('Cart(ref).CheckoutWithAccountManagementToken(contact, billing, shipping, token)', async () => {
    const contact = { name: 'Grace Hopper', email: 'grace@navy.example' };
    const order = expectOrder(
      // The SDK's code takes the Account Management token as 4th argument; its types say headers.
      await sdkFor(mock).Cart('sdk-cart-3').CheckoutWithAccountManagementToken(contact, billing, shipping, 'am-token-grace' as never),
    );
    expect(order.contact).toEqual(contact);
    expect(order.relationships.account.data.type).toBe('account');
    expect(order.relationships.account_member.data.type).toBe('account_member');
    expect(log.at(-1)).toMatch(/^POST \/v2\/carts\/sdk-cart-3\/checkout AccountManagementToken 201 /);
  });

  it('an SDK error is the API error the mock sent', async () => {
    const failure = await sdkFor(mock)
      .Cart('insufficient-stock')
      .Checkout({ name: 'Grace Hopper', email: 'grace@example.com' }, billing)
      .then(() => undefined, (error: unknown) => error);
    expect(validator.validate('#/components/schemas/ErrorResponse', failure), JSON.stringify(failure)).toEqual([]);
    expect((failure as any).errors[0].title).toBe('Insufficient stock');
  });
});
