// `npm run proxy`'s front door: a body that is not JSON reaches the backend unchanged (Prism would
// answer it itself, in its own shape); everything else goes through Prism's validating proxy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startProxyFront, type ProxyFront } from '../../scripts/proxy/front.ts';
import { startMockServer, type MockServer } from '../../src/mock/server.ts';

let backend: MockServer;
let front: ProxyFront;
let prismStandIn: http.Server;
const reachedPrism: string[] = [];
const logged: string[] = [];

beforeAll(async () => {
  backend = await startMockServer({ port: 0 });
  // Stands in for Prism's proxy: it records what reached it.
  prismStandIn = http.createServer((request, response) => {
    reachedPrism.push(`${request.method} ${request.url}`);
    request.resume().on('end', () => response.writeHead(299, { 'content-type': 'application/json' }).end('{"via":"prism"}'));
  });
  await new Promise<void>((resolve) => prismStandIn.listen(0, '127.0.0.1', resolve));
  const prism = `http://127.0.0.1:${(prismStandIn.address() as AddressInfo).port}`;
  front = await startProxyFront({ port: 0, prism, upstream: backend.url, log: (line) => logged.push(line) });
});

afterAll(async () => {
  await front.close();
  prismStandIn.close();
  await backend.close();
});

const checkout = (body: string, contentType = 'application/json') =>
  fetch(`${front.url}/v2/carts/my-cart/checkout`, { method: 'POST', headers: { 'content-type': contentType, authorization: 'Bearer mock_implicit_dev' }, body });

test('a body that is not JSON reaches the backend unchanged, and its answer comes back in the API error shape', async () => {
  const response = await checkout('{"data": {');
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.errors[0]).toMatchObject({ status: 400, title: 'Malformed JSON' });
  expect(reachedPrism).toEqual([]);
  expect(logged.join('\n')).toMatch(/not JSON; forwarded unchanged to http:\/\/127\.0\.0\.1:\d+, not validated/);
});

test('JSON bodies and bodies of other types go through the validating proxy', async () => {
  expect((await checkout('{"data": {}}')).status).toBe(299);
  expect((await checkout('not json at all', 'text/plain')).status).toBe(299);
  expect(reachedPrism).toEqual(['POST /v2/carts/my-cart/checkout', 'POST /v2/carts/my-cart/checkout']);
});
