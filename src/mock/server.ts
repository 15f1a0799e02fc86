// The mock's Node layer: a plain HTTP server that reads a request (within a size limit and a time
// limit), hands its facts to the decision engine (engine.ts) and writes the reply, adding CORS.
// Requests Node itself refuses still get the API's error shape. The caller brings the engine: its
// modules (startMockServer in src/node.ts) or, for `ep-checkout mock`, its prebuilt copy (prebuilt-engine.ts).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { loadBundledSpec } from '../lib/bundled-spec.ts';
import { errorReply } from './api-errors.ts';
import { addCorsHeaders, answerPreflight, corsPolicyFor } from './cors.ts';
import type { createCheckoutEngine, Reply, RequestFacts } from './engine.ts';
import type { NegotiationCacheOptions } from './negotiation-cache.ts';
import { readBody } from './read-body.ts';
import { queryOf } from '../lib/url-query.ts';

export interface MockServerOptions {
  port?: number;
  host?: string;
  log?: (line: string) => void;
  /** Reuse of Prism's negotiated answers (on by default); `false` lets tests compare against Prism uncached. */
  negotiationCache?: NegotiationCacheOptions | false;
  /** How long a request may take to arrive whole (default 15 s); its headers get two thirds of that. */
  requestTimeoutMs?: number;
}

export interface MockServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const flatHeaders = (request: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
  );

// The request target as a URL; a target such as `//x` must stay a path, not become a host.
const requestUrl = (target: string | undefined): URL | undefined => {
  if (!target?.startsWith('/')) return undefined;
  try {
    return new URL(`http://mock.invalid${target}`);
  } catch {
    return undefined;
  }
};

/** The facts of a request for the engine, once its body has arrived; undefined when the client went away. */
const factsOf = async (request: IncomingMessage, url: URL): Promise<RequestFacts | undefined> => {
  const read = await readBody(request);
  if (read.kind === 'aborted') return undefined;
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: queryOf(url),
    headers: flatHeaders(request),
    ...(read.kind === 'read' ? { body: read.bytes } : { bodyTooLarge: true }),
  };
};

const writeJson = (response: ServerResponse, reply: Reply): void => {
  const payload = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
    ...reply.headers,
  });
  response.end(payload);
};

export type EngineFactory = typeof createCheckoutEngine;

/** The mock on a socket, deciding with the engine `createEngine` makes: engine.ts's own, or its prebuilt copy. */
export const serveCheckoutMock = async (createEngine: EngineFactory, options: MockServerOptions = {}): Promise<MockServer> => {
  const { port = 0, host = '127.0.0.1', log = () => {}, negotiationCache, requestTimeoutMs = 15_000 } = options;
  const engine = await createEngine(loadBundledSpec(), { negotiationCache, log });
  const cors = corsPolicyFor(engine.operations);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    let variant = '-';
    response.on('finish', () =>
      log(`${request.method} ${request.url} ${variant} ${response.statusCode} ${(performance.now() - started).toFixed(1)}ms`),
    );
    addCorsHeaders(request, response);
    if (request.method === 'OPTIONS') return answerPreflight(cors, response);
    const url = requestUrl(request.url);
    let reply: Reply | undefined;
    if (!url) reply = errorReply(400, 'Bad Request', 'The request target is not a path');
    else {
      const facts = await factsOf(request, url);
      reply = facts && (await engine.answer(facts));
    }
    if (!reply || response.headersSent || response.destroyed) return;
    variant = reply.variant ?? '-';
    writeJson(response, reply);
  };

  const server = http.createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.round((requestTimeoutMs * 2) / 3),
      // Node looks for timed-out requests only this often (30 s by default), so a timeout fires late by up to this much.
      connectionsCheckingInterval: Math.min(500, requestTimeoutMs / 4),
      // Without a Host header Node would answer 400 with an empty body itself; the mock needs no Host.
      requireHostHeader: false,
    },
    (request, response) => void handle(request, response),
  );
  // Node answers an Expect it cannot meet with an empty 417; this one says why, in the API's shape.
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    writeJson(response, errorReply(417, 'Expectation Failed', `The mock meets only "Expect: 100-continue", not "${request.headers.expect}"`, 'Expect'));
  });
  // Requests Node cannot parse (bad request lines, oversized headers) or that never finish still get the API's error shape.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : timedOut ? 408 : 400;
    const title = http.STATUS_CODES[status] ?? 'Bad Request';
    const detail = timedOut ? `The request did not arrive whole within ${requestTimeoutMs / 1000} s` : 'The request could not be parsed as HTTP';
    const payload = JSON.stringify(errorReply(status, title, detail).body);
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    // An IPv6 address goes in brackets, or the URL would not parse.
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
