// The same request gets the same answer from the MSW handlers and from the server mock, ids and
// timestamps aside: the mock's hostile stream (scripts/mock/hostile-requests.ts: invalid, hostile,
// Prefer and Accept requests) plus, from the spec and the mock's scenario table, each variant's example
// under each grant, each reserved cart reference, each Prefer the spec allows, the token grants and a
// CORS preflight. Skipped, each with its reason: requests that exist only on a socket (not HTTP, bad
// request lines, oversized or missing headers, a lying Content-Length, an Expect, a method Node's HTTP
// parser does not know), which no `fetch` can send and Node answers before the mock sees them; and
// requests to paths that are neither operation, which the handlers leave to the app's other handlers
// (checked: they do not answer them). GET and DELETE go without their body to both: a fetch cannot
// send one with GET, and Node's client sends one with DELETE unframed, as the start of a next request.
import http from 'node:http';
import { getResponse } from 'msw';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostileRequests, sendHostile, type HostileAnswer, type HostileRequest } from '../../scripts/mock/hostile-requests.ts';
import { accountManagementHeader, checkoutVariants, type Grant } from '../../src/lib/checkout-variants.ts';
import { checkoutPath } from '../../src/lib/openapi.ts';
import { reservedCartReferences } from '../../src/mock/scenarios.ts';
import { startMockServer, type MockServer } from '../../src/node.ts';
import { createCheckoutEngine } from '../../src/mock/engine.ts';
import { checkoutHandlers, checkoutOrder, checkoutScenario } from '../../src/msw/index.ts';
import { checkoutRequestExample, validator } from '../mock/support.ts';

type Json = Record<string, any>;

// The spec's operations as the mock's engine reads them.
const { operations } = await createCheckoutEngine(validator.spec);
const checkoutOperation = operations.find((operation) => operation.pathTemplate === checkoutPath)!;
const variants = [...checkoutOperation.variants!.exampleKeyByBranch.values()];
const apiHost = (validator.spec.servers as { url: string }[])[0].url;

// The grants the variants are sent with (the variant model's), and a token of the mock's form for each.
const grants = [...new Set(checkoutVariants.flatMap(({ grant }): Grant[] => (grant === 'either' ? [] : [grant])))];
const tokenOf = (grant: Grant): string => `mock_${grant}_differential`;
const json = (token: string, more: Record<string, string> = {}) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}`, ...more });
const post = (name: string, path: string, headers: Record<string, string>, body: unknown): HostileRequest => ({
  name,
  method: 'POST',
  path,
  headers,
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

/** Requests the spec and the scenario table call for, beyond the hostile stream. */
const scenarioRequests = (): HostileRequest[] => {
  const valid = checkoutRequestExample('CustomerObject');
  const accountManagement = { [accountManagementHeader]: 'member-token' };
  const byVariant = variants.flatMap((variant) =>
    grants.flatMap((grant) =>
      [{}, accountManagement].map((extra) =>
        post(`${variant}, ${grant} token${Object.keys(extra).length ? ', member header' : ''}`, '/v2/carts/cart-1/checkout', json(tokenOf(grant), extra), checkoutRequestExample(variant)),
      ),
    ),
  );
  const references = [...reservedCartReferences.keys()].map((reference) =>
    post(`reserved reference ${reference}`, `/v2/carts/${reference}/checkout`, json(tokenOf('implicit')), valid),
  );
  const prefers = [...checkoutOperation.responseExamples].flatMap(([status, examples]) => [
    `code=${status}`,
    ...[...examples.keys()].flatMap((name) => [`example=${name}`, `code=${status}, example=${name}`]),
  ]);
  const preferred = prefers.map((prefer) => post(`Prefer ${prefer}`, '/v2/carts/cart-1/checkout', json(tokenOf('implicit'), { prefer }), valid));
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  // A client credentials request carries the client's secret as well.
  const tokenRequests = grants.map((grant) =>
    post(`token, ${grant.replace('_', ' ')}`, '/oauth/access_token', form, `grant_type=${grant}&client_id=c${grant === 'client_credentials' ? '&client_secret=s' : ''}`),
  );
  const preflight: HostileRequest = {
    name: 'CORS preflight',
    method: 'OPTIONS',
    path: '/v2/carts/cart-1/checkout',
    headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST' },
  };
  return [...byVariant, ...references, ...preferred, ...tokenRequests, preflight];
};

const withoutUnsendableBody = (request: HostileRequest): HostileRequest =>
  ['GET', 'HEAD', 'DELETE'].includes(request.method) ? { ...request, body: undefined } : request;
const requests = [...hostileRequests(checkoutRequestExample('CustomerId')), ...scenarioRequests()].map(withoutUnsendableBody);
const onSocketOnly = (request: HostileRequest) =>
  request.raw !== undefined || !request.path.startsWith('/') || !http.METHODS.includes(request.method);
const onAnOperation = (request: HostileRequest) => operations.some((operation) => operation.pathPattern.test(new URL(`${apiHost}${request.path}`).pathname));

/** Values made fresh for every answer: an order's id, timestamps, a token's random part and expiry. */
const withoutFreshValues = (body: unknown): unknown => {
  const walk = (value: unknown, key?: string): unknown => {
    if (key === 'created_at' || key === 'updated_at' || key === 'expires') return '<time>';
    if (key === 'access_token' && typeof value === 'string') return value.replace(/_[0-9a-f]+$/, '_<random>');
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, walk(child, name)]));
    return value;
  };
  const copy = walk(body) as Json;
  if (copy?.data?.type === 'order') copy.data.id = '<id>';
  return copy;
};

interface Comparable {
  status?: number;
  contentType?: string;
  body: unknown;
}

const comparable = (status: number | undefined, contentType: string | undefined, text: string | undefined): Comparable => {
  let body: unknown = text;
  try {
    body = withoutFreshValues(JSON.parse(text ?? ''));
  } catch {
    // not JSON: compared as text
  }
  return { status, contentType, body };
};

const fromServer = async (mock: MockServer, request: HostileRequest): Promise<Comparable> => {
  // Generous: a slow answer under load is the robustness test's business; this one compares answers.
  const answer: HostileAnswer = await sendHostile(mock.url, request, 30_000);
  if (answer.failure) return { body: `no answer: ${answer.failure}` };
  return comparable(answer.status, answer.contentType, answer.body);
};

const asFetchRequest = (request: HostileRequest): Request =>
  new Request(`${apiHost}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body && new Uint8Array(request.body),
  });

const fromHandlers = async (request: HostileRequest, handlers = checkoutHandlers()): Promise<Comparable | undefined> => {
  const response = await getResponse(handlers, asFetchRequest(request));
  if (!response) return undefined;
  return comparable(response.status, response.headers.get('content-type') ?? undefined, await response.text());
};

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
}, 60_000);
afterAll(() => mock?.close());

const differences = async (compared: HostileRequest[], handlers = checkoutHandlers()): Promise<Json[]> => {
  const found: Json[] = [];
  for (const request of compared) {
    const [server, handler] = [await fromServer(mock, request), await fromHandlers(request, handlers)];
    if (JSON.stringify(server) !== JSON.stringify(handler)) found.push({ request: request.name, server, handler });
  }
  return found;
};

it('answers every request the mock is tested with exactly as the server mock does', async () => {
  const compared = requests.filter((request) => !onSocketOnly(request) && onAnOperation(request));
  expect(await differences(compared)).toEqual([]);
  // What the test covers, so that a shrinking stream shows.
  expect(compared.length).toBeGreaterThan(200);
  expect(requests.filter(onSocketOnly).map((request) => request.name)).toEqual([
    'method FOO',
    'path *',
    'not HTTP at all',
    'request line with spaces in path',
    'header of 40 KiB',
    'no Host header',
    'an Expect the server cannot meet',
    'content-length that lies',
  ]);
}, 300_000);

it('leaves requests to paths that are neither operation unanswered, for the app’s other handlers', async () => {
  const elsewhere = requests.filter((request) => !onSocketOnly(request) && !onAnOperation(request));
  expect(elsewhere.length).toBeGreaterThan(5);
  for (const request of elsewhere) expect(await fromHandlers(request), request.name).toBeUndefined();
});

it('catches handlers that answer otherwise: an order field of their own, an error where the mock checks out', async () => {
  const valid = requests.filter((request) => request.name === 'CustomerObject, implicit token');
  expect(valid).toHaveLength(1);
  const [ownOrder] = await differences(valid, [checkoutOrder({ order_number: 'not-sent' }), ...checkoutHandlers()]);
  expect(ownOrder.handler.body.data.order_number).toBe('not-sent');
  const [outOfStock] = await differences(valid, [checkoutScenario('insufficient-stock'), ...checkoutHandlers()]);
  expect([outOfStock.server.status, outOfStock.handler.status]).toEqual([201, 400]);
});
