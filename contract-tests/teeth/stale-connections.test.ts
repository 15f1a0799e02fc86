// verify sends every checkout exactly once, and a kept-alive connection that goes stale cannot fail a
// correct server. A server may drop an idle kept-alive connection just as a client sends a request on it:
// the client then sees the connection reset or closed, and cannot tell whether the order was placed. The
// fronts below put the mock (a correct server) behind that race made certain: a request that comes on a
// connection which already carried one is read to its end and counted (a store may have placed the order),
// and then the connection is reset, or closed, instead of answered. The contract suite must pass through
// them and send each check's checkouts and each token request as often as through a front that drops nothing.
import http from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mockClient } from '../../src/mock/tokens.ts';
import { startMockServer, type MockServer } from '../../src/node.ts';
import { readContractConfig } from '../../src/verify/config.ts';
import { runChecks } from '../../src/verify/run.ts';
import { contractChecks } from '../../src/verify/suite.ts';

/** What a front does with a request that comes on a connection which already carried one. */
type OnReuse = 'answer' | 'reset' | 'close';

type Counts = { checkouts: number; tokenRequests: number; reusedConnections: number };
type Front = Counts & { url: string; close(): Promise<void> };

// Hop-by-hop headers: each side of the front has its own connection.
const endToEnd = ({ connection: _connection, 'keep-alive': _keepAlive, ...headers }: http.IncomingHttpHeaders) => headers;

const startFront = async (upstream: string, onReuse: OnReuse): Promise<Front> => {
  const requestsOn = new WeakMap<Socket, number>();
  const server = http.createServer((incoming, outgoing) => {
    const { socket } = incoming;
    const earlier = requestsOn.get(socket) ?? 0;
    requestsOn.set(socket, earlier + 1);
    if (incoming.method === 'POST' && incoming.url?.endsWith('/checkout')) front.checkouts++;
    if (incoming.url === '/oauth/access_token') front.tokenRequests++;
    if (earlier > 0) front.reusedConnections++;
    if (earlier > 0 && onReuse !== 'answer') {
      incoming.on('end', () => (onReuse === 'reset' ? socket.resetAndDestroy() : socket.destroy())).resume();
      return;
    }
    const forwarded = http.request(new URL(incoming.url!, upstream), { method: incoming.method, headers: endToEnd(incoming.headers), agent: false }, (answer) => {
      outgoing.writeHead(answer.statusCode!, endToEnd(answer.headers));
      answer.pipe(outgoing);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const front: Front = {
    url: `http://127.0.0.1:${port}`,
    checkouts: 0,
    tokenRequests: 0,
    reusedConnections: 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return front;
};

type Run = { checks: string[]; counts: Counts };

/** The contract suite through a front, check by check: each check's outcome and the checkouts the front received during it. */
const runThrough = async (front: Front): Promise<Run> => {
  // Seeded, with few generated bodies: the same requests on every run, several of them within one check.
  const env = { CONTRACT_CLIENT_ID: mockClient.id, CONTRACT_CLIENT_SECRET: mockClient.secret, CONTRACT_SEED: '15', CONTRACT_EXAMPLES: '2' };
  const checks: string[] = [];
  for (const check of contractChecks({ baseUrl: () => front.url, config: readContractConfig(env) })) {
    const before = front.checkouts;
    const [result] = await runChecks([check]);
    checks.push(`${result!.outcome}, ${front.checkouts - before} checkouts: ${check.group} > ${check.name}${result!.message ? `\n${result!.message}` : ''}`);
  }
  const { checkouts, tokenRequests, reusedConnections } = front;
  return { checks, counts: { checkouts, tokenRequests, reusedConnections } };
};

let mock: MockServer;
const fronts: Front[] = [];
const runs = new Map<OnReuse, Run>();

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  await Promise.all(
    (['answer', 'reset', 'close'] as const).map(async (onReuse) => {
      const front = await startFront(mock.url, onReuse);
      fronts.push(front);
      runs.set(onReuse, await runThrough(front));
    }),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(fronts.map((front) => front.close()));
  await mock?.close();
});

describe('stale kept-alive connections', () => {
  test('through a front that drops no connection, every check passes, each fixed check sending one checkout', () => {
    const { checks, counts } = runs.get('answer')!;
    expect(checks.filter((check) => !check.startsWith('passed, '))).toEqual([]);
    // The token endpoint's checks send no checkout; the generated ones send a body each, a few dozen.
    const fixed = checks.filter((check) => !/ generated | one field broken |^passed, 0 checkouts: token endpoint /.test(check));
    expect(fixed.filter((check) => !check.startsWith('passed, 1 checkouts: '))).toEqual([]);
    expect(fixed.length).toBeGreaterThanOrEqual(15);
    expect(counts.checkouts).toBeGreaterThan(checks.length);
    expect(counts.tokenRequests).toBe(2);
  });

  test.each(['reset', 'close'] as const)('through a front that %ss a reused connection, each check sends its checkouts once and passes', (onReuse) => {
    expect(runs.get(onReuse)).toEqual(runs.get('answer'));
  });

  test('no request goes out on a connection that carried one before', () => {
    expect([...runs.values()].map((run) => run.counts.reusedConnections)).toEqual([0, 0, 0]);
  });
});
