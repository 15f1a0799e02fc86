// The one valid checkout request every target gets: the spec's own Customer object example with a bearer
// token of the form the mock mints (it answers any other token 401).
import { variantNamed } from '../../src/lib/checkout-variants.ts';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { operationAt, readSpecOperations } from '../../src/lib/spec-operations.ts';
import { SpecValidator } from '../../src/lib/spec-validator.ts';

const { requestExamples } = operationAt(readSpecOperations(new SpecValidator()), checkoutPath);

export const checkoutRequest = {
  path: '/v2/carts/bench-cart/checkout',
  method: 'POST',
  headers: { authorization: 'Bearer mock_implicit_bench', 'content-type': 'application/json' },
  body: JSON.stringify(requestExamples.get(variantNamed('customer-object').exampleKey)),
};

export const sendCheckout = (baseUrl: string): Promise<Response> =>
  fetch(`${baseUrl}${checkoutRequest.path}`, {
    method: checkoutRequest.method,
    headers: checkoutRequest.headers,
    body: checkoutRequest.body,
  });
