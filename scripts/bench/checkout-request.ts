// The one valid checkout request every target gets: the spec's own Customer object example with a bearer
// token of the form the mock mints (it answers any other token 401).
import fs from 'node:fs';
import { bundledSpecPath } from '../../src/lib/paths.ts';

const spec = JSON.parse(fs.readFileSync(bundledSpecPath, 'utf8'));

export const checkoutRequest = {
  path: '/v2/carts/bench-cart/checkout',
  method: 'POST',
  headers: { authorization: 'Bearer mock_implicit_bench', 'content-type': 'application/json' },
  body: JSON.stringify(spec.components.examples.CustomerObjectCheckoutRequest.value),
};

export const sendCheckout = (baseUrl: string): Promise<Response> =>
  fetch(`${baseUrl}${checkoutRequest.path}`, {
    method: checkoutRequest.method,
    headers: checkoutRequest.headers,
    body: checkoutRequest.body,
  });
