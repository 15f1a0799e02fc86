// A seeded stream of hostile requests (see scripts/mock/hostile-requests.ts): every answer must be
// a 4xx in the API's error shape (a valid request under an odd Accept, or to a cart named like a
// built-in property: its JSON answer), none a 5xx, none missing, requests that never finish answered
// 408 when the mock's timeout says; afterwards a valid checkout still works. Both builds of the
// engine get the stream: its own modules (startMockServer) and the prebuilt one `ep-checkout mock`
// runs, whose stand-ins for what the engine never runs would throw if a request reached them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled } from '../../scripts/compiled.mjs';
import { flawOf, hostileRequests, sendHostile } from '../../scripts/mock/hostile-requests.ts';
import { createCheckoutEngine } from '../../src/mock/engine.ts';
import { loadPrebuiltEngine } from '../../src/mock/prebuilt-engine.ts';
import { serveCheckoutMock, type EngineFactory, type MockServer } from '../../src/mock/server.ts';
import { checkout, checkoutRequestExample, validator } from './support.ts';

// Short, so the requests that never finish take little of the test's time; they must be answered within a second of it.
const requestTimeoutMs = 1500;

const isErrorShape = (body: unknown) => validator.validate('#/components/schemas/ErrorResponse', body).length === 0;

const engines: [string, () => Promise<EngineFactory>][] = [
  ["the engine's own modules", async () => createCheckoutEngine],
  ['the prebuilt engine', async () => (ensureCompiled(), loadPrebuiltEngine())],
];

describe.each(engines)('%s', (_, engineFactory) => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await serveCheckoutMock(await engineFactory(), { requestTimeoutMs });
  }, 120_000);
  afterAll(() => mock?.close());

  it('answers every hostile request as it deserves, never with a 5xx, then still checks out', async () => {
    const requests = hostileRequests(checkoutRequestExample('CustomerId'), undefined, { requestTimeoutMs });
    expect(requests.length).toBeGreaterThan(150);
    expect(requests.filter((request) => request.headers.accept !== undefined).length).toBeGreaterThan(10);
    const flaws: string[] = [];
    for (const request of requests) {
      const flaw = flawOf(request, await sendHostile(mock.url, request), isErrorShape);
      if (flaw) flaws.push(`${request.name}: ${flaw}`);
    }
    expect(flaws).toEqual([]);
    const after = await checkout(mock, checkoutRequestExample('CustomerId'));
    expect(after.status, after.text).toBe(201);
  }, 60_000);
});
