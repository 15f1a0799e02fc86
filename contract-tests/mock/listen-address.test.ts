// The URL the mock reports is one a client can use, on IPv4 and IPv6 loopback alike.
import { expect, test } from 'vitest';
import { createCheckoutClient } from '../../src/client.ts';
import { startMockServer } from '../../src/node.ts';

test.each(['127.0.0.1', '::1'])('listening on %s, its url takes a checkout', async (host) => {
  const mock = await startMockServer({ port: 0, host });
  try {
    expect(() => new URL(mock.url)).not.toThrow();
    const client = createCheckoutClient({ baseUrl: mock.url, token: 'mock_implicit_dev' });
    const { response } = await client.POST('/v2/carts/{reference}/checkout', {
      params: { path: { reference: 'my-cart' } },
      body: {
        data: {
          customer: { name: 'Ada Lovelace', email: 'ada@example.org' },
          billing_address: { first_name: 'Ada', last_name: 'Lovelace', line_1: '1 Main St', city: 'London', county: 'Greater London', postcode: 'N1 1AA', country: 'GB' },
          shipping_address: { first_name: 'Ada', last_name: 'Lovelace', line_1: '1 Main St', city: 'London', county: 'Greater London', postcode: 'N1 1AA', country: 'GB' },
        },
      },
    });
    expect(response.status).toBe(201);
  } finally {
    await mock.close();
  }
  // Each test starts a mock of its own (Prism's spec reading included): slow on a busy machine.
}, 30_000);
