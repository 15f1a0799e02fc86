// The mock saves Prism work in two ways: it reuses Prism's negotiated answer for an identical
// negotiation (src/mock/negotiation-cache.ts, Prism's `mock` component), and it hands Prism's `route`
// component the one operation the mock already routed to (src/mock/prism-engine.ts). These tests prove neither changes an answer:
// every declared example of every operation, every choice a Prefer header, a reserved reference or a
// variant rule can make, with and without valid bodies, tokens and Accept headers, answered by plain
// Prism and by Prism with both shortcuts (as a cache miss and as a hit) must be identical; and a
// cache whose key leaves out part of the input, or routing to the wrong operation, must be caught.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPrismEngine,
  type MockChoice,
  type OperationRef,
  type PrismAnswer,
  type PrismEngine,
  type PrismInput,
} from '../../src/mock/prism-engine.ts';
import { accountManagementHeader } from '../../src/lib/checkout-variants.ts';
import { loadBundledSpec } from '../../src/lib/spec-validator.ts';
import type { NegotiationCacheOptions } from '../../src/mock/negotiation-cache.ts';
import { reservedCartReferences } from '../../src/mock/scenarios.ts';
import { startMockServer, type MockServer } from '../../src/node.ts';
import { call, headersFor, specOperations, type Answer } from './support.ts';

type Json = Record<string, any>;

interface Operation extends OperationRef {
  /** A path of the operation (its template with the parameters filled in). */
  path: string;
  mediaType?: string;
  requestExamples: Map<string, unknown>;
  /** Every declared status with its example keys. */
  responses: Map<number, string[]>;
}

// From the spec model the mock is built on.
const operations: Operation[] = specOperations.map((operation) => ({
  method: operation.method,
  pathTemplate: operation.pathTemplate,
  path: operation.pathTemplate.replace(/\{[^}]+\}/g, 'cart-1'),
  mediaType: operation.mediaTypes[0],
  requestExamples: operation.requestExamples,
  responses: new Map([...operation.responseExamples].map(([status, examples]) => [status, [...examples.keys()]])),
}));

// Every choice the mock can hand Prism: none, each status alone, each example alone, each pair, and
// ones the spec does not declare (which Prism refuses).
const choicesFor = (operation: Operation): MockChoice[] => [
  {},
  { code: 299 },
  { exampleKey: 'NoSuchExample' },
  ...[...operation.responses].flatMap(([code, keys]) => [{ code }, ...keys.flatMap((exampleKey) => [{ exampleKey }, { code, exampleKey }])]),
];

const bodiesFor = (operation: Operation): { body: unknown; mediaType?: string }[] => {
  const encode = (value: unknown) =>
    operation.mediaType === 'application/x-www-form-urlencoded' ? new URLSearchParams(value as Record<string, string>).toString() : value;
  return [
    ...[...operation.requestExamples.values()].map((value) => ({ body: encode(value), mediaType: operation.mediaType })),
    { body: operation.mediaType === 'application/json' ? { data: { unexpected: true } } : 'grant_type=unknown', mediaType: operation.mediaType },
    { body: undefined },
  ];
};

const authorizations = [undefined, 'Bearer mock_implicit_abc', 'Bearer mock_client_credentials_abc', 'Basic YTpi'];
const accepts = [undefined, 'application/json', 'text/html', '*/*'];

const input = (operation: Operation, body: unknown, mediaType: string | undefined, headers: Record<string, string | undefined>): PrismInput => {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const sent = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  if (mediaType) Object.assign(sent, { 'content-type': mediaType, 'content-length': String(Buffer.byteLength(text)) });
  return { method: operation.method, url: { path: operation.path, query: {} }, headers: sent, body };
};

// Every choice with every body; and with a valid body, every choice with every token, every Accept
// header and the Account Management header (a full cross product would take minutes, not seconds).
const cases = operations.flatMap((operation) => {
  const bodies = bodiesFor(operation);
  const valid = bodies[0];
  const bearer = authorizations[1];
  const inputs = [
    ...bodies.map(({ body, mediaType }) => input(operation, body, mediaType, { authorization: bearer })),
    ...authorizations.map((authorization) => input(operation, valid.body, valid.mediaType, { authorization })),
    ...accepts.map((accept) => input(operation, valid.body, valid.mediaType, { authorization: bearer, accept })),
    input(operation, valid.body, valid.mediaType, { authorization: bearer, [accountManagementHeader.toLowerCase()]: 'member-token' }),
  ];
  return inputs.flatMap((sent) => choicesFor(operation).map((choice) => ({ input: sent, choice, operation })));
});

/**
 * Each case answered by plain Prism (no cache, routing among all operations), then twice by the
 * engine under test given the operation the mock routed to (a cache miss, then a hit); the cases that differ.
 */
const differences = async (
  tested: PrismEngine,
  plain: PrismEngine,
  { stopAtFirst = false, routedTo = (operation: Operation): OperationRef => operation } = {},
): Promise<string[]> => {
  const found: string[] = [];
  for (const { input: sent, choice, operation } of cases) {
    const expected: PrismAnswer = await plain.answer(structuredClone(sent), choice);
    for (const round of ['miss', 'hit']) {
      const actual = await tested.answer(structuredClone(sent), choice, routedTo(operation));
      try {
        expect(actual).toEqual(expected);
      } catch {
        found.push(`${round}: ${sent.method} ${sent.url.path} ${JSON.stringify(sent.headers)} ${JSON.stringify(choice)}`);
        if (stopAtFirst) return found;
      }
    }
  }
  return found;
};

const engineWith = (negotiationCache: NegotiationCacheOptions | false) => createPrismEngine(loadBundledSpec(), { negotiationCache });

type KeyOf = NonNullable<NegotiationCacheOptions['keyOf']>;

// Keys that each leave out one part of what Prism's negotiation reads.
const brokenKeys: [string, KeyOf][] = [
  ['the example key', ({ resource, config, input }) => JSON.stringify([resource.id, config.code, input.validations])],
  ['the status', ({ resource, config, input }) => JSON.stringify([resource.id, config.exampleKey, input.validations])],
  ['the validation results', ({ resource, config }) => JSON.stringify([resource.id, config.code, config.exampleKey])],
  ['the Accept header', ({ resource, config, input }) => JSON.stringify([resource.id, config.code, config.exampleKey, input.validations])],
];

describe("Prism's answers with the mock's shortcuts and without", () => {
  let uncached: PrismEngine;
  let cached: PrismEngine;
  // One engine for every broken key (starting an engine costs more than a comparison): each test
  // sets the key it breaks, and the key's name keeps its entries apart from the other tests'.
  let broken: PrismEngine;
  let brokenKey: [string, KeyOf] = brokenKeys[0];
  beforeAll(async () => {
    [uncached, cached, broken] = await Promise.all([
      engineWith(false),
      engineWith({}),
      engineWith({ keyOf: (request) => `${brokenKey[0]}: ${brokenKey[1](request)}` }),
    ]);
  });

  it('are identical for every declared example, choice, body, token and Accept header', async () => {
    expect(cases.length).toBeGreaterThan(500);
    expect(await differences(cached, uncached)).toEqual([]);
    // The hits really came from the cache: its answers are frozen, Prism's own are not.
    const sample = cases.find(({ input, choice }) => input.body && choice.exampleKey === 'CustomerObject')!;
    const hit = await cached.answer(structuredClone(sample.input), sample.choice);
    const fresh = await uncached.answer(structuredClone(sample.input), sample.choice);
    expect(hit.kind === 'output' && Object.isFrozen(hit.body)).toBe(true);
    expect(fresh.kind === 'output' && Object.isFrozen(fresh.body)).toBe(false);
  }, 60_000);

  it.each(brokenKeys)('catch a cache whose key leaves out %s', async (name, keyOf) => {
    brokenKey = [name, keyOf];
    expect(await differences(broken, uncached, { stopAtFirst: true })).toHaveLength(1);
  }, 60_000);

  it('catch routing narrowed to the wrong operation', async () => {
    const other = (operation: Operation) => operations.find((candidate) => candidate !== operation)!;
    expect(await differences(cached, uncached, { stopAtFirst: true, routedTo: other })).toHaveLength(1);
  });
});

// The same proof through HTTP: the scenarios a frontend uses, sent to a mock with the cache and to
// one without. Values made fresh for every request (order id, timestamps, tokens) are set aside.
describe('the mock with and without the cache', () => {
  let cached: MockServer;
  let uncached: MockServer;
  beforeAll(async () => {
    [cached, uncached] = await Promise.all([startMockServer(), startMockServer({ negotiationCache: false })]);
  });
  afterAll(async () => {
    await Promise.all([cached?.close(), uncached?.close()]);
  });

  const withoutFreshValues = (answer: Answer): Json => {
    const body = structuredClone(answer.body ?? answer.text);
    if (body?.data?.type === 'order') {
      body.data.id = '(fresh)';
      body.data.meta.timestamps = '(fresh)';
      for (const item of body.included?.items ?? []) item.meta.timestamps = '(fresh)';
    }
    if (typeof body?.access_token === 'string') Object.assign(body, { access_token: '(fresh)', expires: '(fresh)' });
    const headers = Object.fromEntries([...answer.headers].filter(([name]) => !['date', 'keep-alive', 'connection'].includes(name)));
    return { status: answer.status, headers, body };
  };

  const checkoutOperation = operations.find((operation) => operation.path.includes('checkout'))!;
  const customerObject = checkoutOperation.requestExamples.get('CustomerObject');
  const bearer = { Authorization: 'Bearer mock_implicit_abc' };
  // Per variant its example, its rules and the reserved references; every Prefer choice and Accept
  // header with one variant (the answer to those does not depend on which).
  interface Scenario {
    name: string;
    reference?: string;
    body: unknown;
    headers: Record<string, string>;
  }
  const scenarios: Scenario[] = [
    ...[...checkoutOperation.requestExamples].flatMap(([variant, body]): Scenario[] => [
      { name: `${variant} example`, body, headers: headersFor(variant) },
      { name: `${variant} example, implicit token, no AM header (variant rules)`, body, headers: { Authorization: 'Bearer mock_implicit_abc' } },
      { name: `${variant}, Prefer code=201`, body, headers: { ...bearer, Prefer: 'code=201' } },
      ...[...reservedCartReferences.keys()].map((reference) => ({ name: `${variant}, reference ${reference}`, reference, body, headers: bearer })),
    ]),
    ...[...checkoutOperation.responses].flatMap(([code, keys]): Scenario[] => [
      { name: `Prefer code=${code}`, body: customerObject, headers: { ...bearer, Prefer: `code=${code}` } },
      ...keys.map((key) => ({ name: `Prefer code=${code}, example=${key}`, body: customerObject, headers: { ...bearer, Prefer: `code=${code}, example=${key}` } })),
    ]),
    ...accepts.map((accept): Scenario => ({ name: `Accept ${accept}`, body: customerObject, headers: { ...bearer, ...(accept && { Accept: accept }) } })),
    { name: 'no token', body: customerObject, headers: {} },
    { name: 'invalid body', body: { data: { customer: { name: 'x' } } }, headers: bearer },
    { name: 'unreadable Prefer', body: customerObject, headers: { ...bearer, Prefer: 'code=abc' } },
    { name: 'undeclared Prefer example', body: customerObject, headers: { ...bearer, Prefer: 'example=Nope' } },
  ];

  it('answer every checkout scenario alike', async () => {
    const send = (mock: MockServer, scenario: Scenario) =>
      call(`${mock.url}/v2/carts/${scenario.reference ?? 'cart-1'}/checkout`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...scenario.headers },
        body: JSON.stringify(scenario.body),
      });
    for (const scenario of scenarios) {
      const expected = withoutFreshValues(await send(uncached, scenario));
      for (const round of ['miss', 'hit']) expect(withoutFreshValues(await send(cached, scenario)), `${scenario.name} (${round})`).toEqual(expected);
    }
  }, 60_000);

  it('answer every token request alike', async () => {
    const tokenOperation = operations.find((operation) => operation.path === '/oauth/access_token')!;
    const forms = [...tokenOperation.requestExamples.values(), { grant_type: 'password' }, {}] as Record<string, string>[];
    for (const form of forms) {
      const send = (mock: MockServer) => call(`${mock.url}/oauth/access_token`, { method: 'POST', body: new URLSearchParams(form) });
      const expected = withoutFreshValues(await send(uncached));
      for (const round of ['miss', 'hit']) expect(withoutFreshValues(await send(cached)), `${JSON.stringify(form)} (${round})`).toEqual(expected);
    }
  });
});
