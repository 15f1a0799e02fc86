// Elastic Path's shopper SDK (@epcc-sdk/sdks-shopper), generated from its published OpenAPI files, as a
// second real client of the mock: its own token calls, its checkoutApi in all four variants with
// order_number and external_ref, and an error read through its types.
import {
  checkoutApi,
  createAnAccessToken,
  createClient,
  createShopperClient,
  type CheckoutApiData,
  type Client,
  type OrderResponse,
  type ResponseErrorItem,
} from '@epcc-sdk/sdks-shopper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountManagementHeader } from '../../src/lib/checkout-variants.ts';
import type { MockServer } from '../../src/mock/server.ts';
import { startMock, validator } from './support.ts';

let mock: MockServer;
const log: string[] = [];

beforeAll(async () => {
  mock = await startMock(log);
}, 60_000);
afterAll(() => mock?.close());

/** A storefront's client: the SDK gets its own implicit token with the client ID and keeps it in memory (Node has no localStorage). */
const storefrontClient = (): Client => {
  let stored: string | undefined;
  const storage = { get: () => stored, set: (token?: string) => void (stored = token) };
  return createShopperClient({ baseUrl: mock.url }, { clientId: 'storefront-client-id', storage }).client;
};

/** A back end's client: a client credentials token from the SDK's token call, sent as the bearer. */
const backEndClient = async (): Promise<Client> => {
  const { data } = await createAnAccessToken({
    client: createClient({ baseUrl: mock.url }),
    body: { grant_type: 'client_credentials', client_id: 'back-end-client-id', client_secret: 'back-end-secret' },
  });
  return createClient({ baseUrl: mock.url, auth: data!.access_token });
};

const billing = { first_name: 'Grace', last_name: 'Hopper', line_1: '1 Compiler Way', region: 'VA', postcode: '22201', country: 'US' };
const shipping = { ...billing, line_1: '2 Navy Yard', county: 'Arlington', instructions: 'Front desk' };
const references = (variant: string) => ({ order_number: `SDK-${variant}`, external_ref: `shopper sdk / ${variant} #1` });

const expectOrder = (response: { response: Response; data?: unknown }): OrderResponse => {
  expect(response.response.status).toBe(201);
  expect(validator.validate('#/components/schemas/OrderResponse', response.data), JSON.stringify(response.data)).toEqual([]);
  return (response.data as { data: OrderResponse }).data;
};

describe('@epcc-sdk/sdks-shopper against the mock', () => {
  it('createAnAccessToken issues both grants', async () => {
    const client = createClient({ baseUrl: mock.url });
    for (const body of [
      { grant_type: 'implicit', client_id: 'storefront-client-id' },
      { grant_type: 'client_credentials', client_id: 'back-end-client-id', client_secret: 'back-end-secret' },
    ]) {
      const { data, response } = await createAnAccessToken({ client, body });
      expect(response.status).toBe(200);
      expect(validator.validate('#/components/schemas/AccessToken', data), JSON.stringify(data)).toEqual([]);
      expect(data?.identifier).toBe(body.grant_type);
    }
  });

  const variants: [string, () => Promise<Client>, CheckoutApiData['body'], CheckoutApiData['headers']][] = [
    ['Account', backEndClient, { data: { ...references('Account'), account: { id: '3c0ef5a2-8d4b-4f6e-9a1c-2b7d5e8f9a01', member_id: '7d2e1f3a-5b6c-4d8e-9f0a-1b2c3d4e5f02' }, contact: { name: 'Grace Hopper', email: 'grace@navy.example' }, billing_address: billing, shipping_address: shipping } }, undefined],
    ['AccountManagementToken', async () => storefrontClient(), { data: { ...references('AccountManagementToken'), contact: { name: 'Grace Hopper', email: 'grace@navy.example' }, billing_address: billing, shipping_address: shipping } }, { [accountManagementHeader]: 'am-token-grace' }],
    ['CustomerId', async () => storefrontClient(), { data: { ...references('CustomerId'), customer: { id: '5b9e2c7d-1a3f-4e6b-8d0c-9f2a4b6c8e03' }, billing_address: billing, shipping_address: shipping } }, undefined],
    ['CustomerObject', async () => storefrontClient(), { data: { ...references('CustomerObject'), customer: { name: 'Grace Hopper', email: 'grace@example.com' }, billing_address: billing, shipping_address: shipping } }, undefined],
  ];

  it.each(variants)('checkoutApi completes the %s variant and reads order_number and external_ref back', async (variant, clientFor, body, headers) => {
    const client = await clientFor();
    const order = expectOrder(await checkoutApi({ client, path: { cartID: `shopper-sdk-${variant}` }, body, headers }));
    expect([order.order_number, order.external_ref]).toEqual([references(variant).order_number, references(variant).external_ref]);
    expect(order.billing_address).toEqual(billing);
    expect(log.at(-1)).toMatch(new RegExp(`^POST /v2/carts/shopper-sdk-${variant}/checkout ${variant} 201 `));
  });

  it("a storefront client asks for its own implicit token, then checks out with it", async () => {
    const before = log.length;
    expectOrder(await checkoutApi({ client: storefrontClient(), path: { cartID: 'shopper-sdk-token' }, body: variants[3][2] }));
    expect(log.slice(before).map((line) => line.split(' ').slice(0, 4).join(' '))).toEqual([
      'POST /oauth/access_token Implicit 200',
      'POST /v2/carts/shopper-sdk-token/checkout CustomerObject 201',
    ]);
  });

  it('an invalid body: the error reads through its types, source a path string', async () => {
    const { county: _county, ...withoutRegionOrCounty } = shipping;
    const { region: _region, ...noRegion } = withoutRegionOrCounty;
    const { error, response } = await checkoutApi({
      client: storefrontClient(),
      path: { cartID: 'shopper-sdk-invalid' },
      // The SDK's types refuse this address too; the cast sends it anyway, as untyped form data would be.
      body: { data: { customer: { name: 'Grace Hopper', email: 'grace@example.com' }, billing_address: noRegion as never, shipping_address: shipping } },
    });
    expect(response.status).toBe(400);
    const [first]: ResponseErrorItem[] = error!.errors;
    const source: string | undefined = first.source;
    expect(source).toBe('data.billing_address.region');
    expect(first.detail).toBe("data.billing_address must have at least one of 'region' or 'county', not empty");
    expect(validator.validate('#/components/schemas/ErrorResponse', error), JSON.stringify(error)).toEqual([]);
  });
});
