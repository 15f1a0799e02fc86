// A server that does not answer in time fails each check with a message that names the variant,
// the request and the limit, before any test runner's generic timeout could speak.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readContractConfig } from '../../src/verify/config.ts';
import { runChecks } from '../../src/verify/run.ts';
import { contractChecks } from '../../src/verify/suite.ts';

let silent: http.Server;
let baseUrl: string;

beforeAll(async () => {
  // Reads every request and never answers.
  silent = http.createServer((request) => void request.resume());
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});

afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

test('each check against a server that never answers fails naming its variant, its request and the limit', async () => {
  const config = { ...readContractConfig({ CONTRACT_TOKEN: 'client-token', CONTRACT_IMPLICIT_TOKEN: 'implicit-token' }), requestTimeoutMs: 150 };
  const results = await runChecks(contractChecks({ baseUrl: () => baseUrl, config }));
  const ran = results.filter((result) => !result.check.skipped);
  expect(ran.map((result) => result.outcome)).toEqual(ran.map(() => 'failed'));
  const customerObject = results.find((result) => result.check.group.startsWith('customer-object'))!;
  expect(customerObject.message).toBe('[customer-object] POST /v2/carts/contract-tests-cart/checkout got no complete answer within 150 ms (the limit per request)');
  const unknownCart = results.find((result) => result.check.name.startsWith('an unknown cart'))!;
  expect(unknownCart.message).toBe('[account, cart not-found] POST /v2/carts/not-found/checkout got no complete answer within 150 ms (the limit per request)');
}, 20_000);
