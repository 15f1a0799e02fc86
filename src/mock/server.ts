// The mock: a plain Node HTTP server in front of Prism's HTTP core. Prism checks security and
// headers and picks the declared response; this layer reads bodies safely, validates them with
// field pointers, tells the variant, applies the rules and scenarios Prism cannot, reflects the
// request into the answer, adds CORS, and keeps every error in the API's own shape.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { checkoutPath } from '../lib/openapi.ts';
import { wholeBody } from '../lib/error-source.ts';
import { bundledSpecPath } from '../lib/paths.ts';
import { SpecValidator } from '../lib/spec-validator.ts';
import { errorReply, validationReply, type ErrorReply } from './api-errors.ts';
import { judgeBody, type BodyVerdict } from './body-validation.ts';
import { reflectOrder } from './checkout-order.ts';
import { addCorsHeaders, answerPreflight, corsPolicyFor } from './cors.ts';
import type { NegotiationCacheOptions } from './negotiation-cache.ts';
import { createPrismEngine, type PrismDiagnostic, type PrismInput } from './prism-engine.ts';
import { decodeUtf8, readBody } from './read-body.ts';
import { route } from './router.ts';
import { preferredAnswer } from './prefer.ts';
import { accountManagementHeader, chooseAnswer } from './scenarios.ts';
import { readSpecOperations, type SpecOperation } from './spec-operations.ts';
import { issueToken } from './tokens.ts';

export interface MockServerOptions {
  port?: number;
  host?: string;
  log?: (line: string) => void;
  /** Reuse of Prism's negotiated answers (on by default); `false` lets tests compare against Prism uncached. */
  negotiationCache?: NegotiationCacheOptions | false;
}

export interface MockServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Json = Record<string, any>;

// How a successful answer is made to carry the request's own data, per path of the spec.
const reflectors: Record<string, (example: unknown, body: Json, headers: Record<string, string>) => unknown> = {
  [checkoutPath]: (example, body, headers) => reflectOrder(example, body.data, headers[accountManagementHeader]),
  '/oauth/access_token': (example) => issueToken(example as Json),
};

const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0].trim().toLowerCase();

const firstExample = (operation: SpecOperation, status: number): unknown =>
  operation.responseExamples.get(status)?.values().next().value;

const specErrorReply = (operation: SpecOperation, status: number, fallback: ErrorReply): Reply => {
  const body = firstExample(operation, status);
  return body ? { status, body } : fallback;
};

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

const queryOf = (url: URL): Record<string, string | string[]> => {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
};

// Prism's header and path parameter diagnostics, named as the spec names the parameter, and the
// headers sent empty that their schema refuses (Prism does not validate an empty header).
const parameterErrors = (
  operation: SpecOperation,
  diagnostics: PrismDiagnostic[],
  headers: Record<string, string>,
): ErrorReply | undefined => {
  const specName = (name: string) =>
    [...operation.headerParams, ...operation.pathParams].find((p) => p.toLowerCase() === name.toLowerCase()) ?? name;
  const fromPrism = diagnostics
    .filter((d) => d.path && ['header', 'path', 'query'].includes(d.path[0]))
    .map((d) => ({ parameter: specName(d.path![1] ?? ''), detail: d.message }));
  const empty = [...operation.emptyHeaderErrors]
    .filter(([name]) => headers[name.toLowerCase()] === '')
    .map(([name, why]) => ({ parameter: name, detail: `Request header parameter ${name} ${why}` }));
  const found = [...fromPrism, ...empty];
  if (found.length === 0) return undefined;
  return validationReply(
    found.map(({ parameter, detail }) => ({ status: 400, title: 'Failed Validation', detail, source: parameter })),
  );
};

const parseBody = (
  mediaType: string,
  text: string,
): { ok: true; value: unknown; forPrism: unknown } | { ok: false; reply: Reply } => {
  if (mediaType === 'application/x-www-form-urlencoded') {
    // Prism parses form bodies itself, from the text.
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)), forPrism: text };
  }
  try {
    const value = JSON.parse(text);
    return { ok: true, value, forPrism: value };
  } catch (error) {
    return { ok: false, reply: errorReply(400, 'Malformed JSON', `The request body is not valid JSON: ${(error as Error).message}`) };
  }
};

type RequestBody = { verdict: BodyVerdict; value?: unknown; forPrism?: unknown } | { reply: Reply };

// Reads, decodes, type-checks, parses and validates the body. Prism only ever sees a body that
// passed validation, which shields it from hostile input.
const readRequestBody = async (
  request: IncomingMessage,
  operation: SpecOperation,
  validator: SpecValidator,
  contentType: string | undefined,
): Promise<RequestBody | undefined> => {
  const read = await readBody(request);
  if (read.kind === 'aborted') return undefined;
  if (read.kind === 'too-large') {
    return { reply: specErrorReply(operation, 413, errorReply(413, 'Payload Too Large', 'The request body is larger than 1 MiB')) };
  }
  const text = decodeUtf8(read.bytes);
  if (text === undefined) return { reply: errorReply(400, 'Malformed body', 'The request body is not valid UTF-8') };
  if (text.length === 0) {
    const missing = { status: 400, title: 'Failed Validation', detail: 'The request body is required', source: wholeBody };
    return { verdict: operation.bodySchemaRef ? { valid: false, errors: [missing] } : { valid: true } };
  }
  const mediaType = mediaTypeOf(contentType);
  if (!operation.mediaTypes.includes(mediaType)) {
    const expected = operation.mediaTypes.join(' or ') || 'no body';
    return { reply: specErrorReply(operation, 415, errorReply(415, 'Unsupported Media Type', `The request body must be sent as ${expected}`)) };
  }
  const parsed = parseBody(mediaType, text);
  if (!parsed.ok) return { reply: parsed.reply };
  const verdict = judgeBody(validator, operation, parsed.value);
  return { verdict, value: parsed.value, forPrism: verdict.valid ? parsed.forPrism : undefined };
};

/** How long a request may take to arrive whole. */
const requestTimeoutMs = 15_000;

export const startMockServer = async (options: MockServerOptions = {}): Promise<MockServer> => {
  const { port = 0, host = '127.0.0.1', log = () => {}, negotiationCache } = options;
  const engine = await createPrismEngine(bundledSpecPath, { negotiationCache });
  const validator = new SpecValidator();
  const operations = readSpecOperations(validator);
  const cors = corsPolicyFor(operations);

  const answer = async (request: IncomingMessage, note: { variant: string }): Promise<Reply | undefined> => {
    const url = requestUrl(request.url);
    if (!url) return errorReply(400, 'Bad Request', 'The request target is not a path');
    const method = request.method ?? 'GET';
    const found = route(operations, method, url.pathname);
    if ('refusal' in found) return found.refusal;
    const { operation, params } = found;

    const headers = flatHeaders(request);
    const body = await readRequestBody(request, operation, validator, headers['content-type']);
    if (!body) return undefined;
    if ('reply' in body) return body.reply;
    const variant = body.verdict.valid ? body.verdict.variant : undefined;
    note.variant = variant ?? '-';

    // Like the API, the mock answers JSON whatever Accept says; Prism would refuse to negotiate instead.
    const { accept: _ignored, ...prismHeaders } = headers;
    const input: PrismInput = { method: method.toLowerCase(), url: { path: url.pathname, query: queryOf(url) }, headers: prismHeaders, body: body.forPrism };
    const preferred = preferredAnswer(headers.prefer, operation);
    const { choice, by, reflect } = chooseAnswer({ variant, headers, params, preferred: preferred.ok ? preferred.choice : {} });

    const result = await engine.answer(input, choice, operation);
    if (result.kind === 'refused') {
      // Every choice was checked against the spec, so a refusal is the mock's fault; Prism's own
      // wording goes to the log, not to the client.
      log(`Prism refused ${method} ${url.pathname} (${JSON.stringify(choice)}): ${result.detail ?? 'no detail'}`);
      return errorReply(500, 'Mock failure', 'The mock could not build the answer to this request');
    }
    // Precedence: security, then the body, then headers and path parameters, then the answer itself.
    if (result.statusCode === 401 && result.diagnostics.some((d) => d.code === 401)) return { status: 401, body: result.body };
    if (!body.verdict.valid) return validationReply(body.verdict.errors);
    const badParameters = parameterErrors(operation, result.diagnostics, headers);
    if (badParameters) return badParameters;
    // An unreadable Prefer header ranks where a readable one does: after the checks, below a variant rule.
    if (!preferred.ok && by !== 'rule') return errorReply(400, 'Invalid Prefer header', preferred.detail, 'Prefer');
    const reflector = reflectors[operation.pathTemplate];
    const reflected =
      reflect && result.statusCode < 300 && variant && reflector ? reflector(result.body, body.value as Json, headers) : result.body;
    return { status: result.statusCode, body: reflected };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    const note = { variant: '-' };
    response.on('finish', () =>
      log(`${request.method} ${request.url} ${note.variant} ${response.statusCode} ${(performance.now() - started).toFixed(1)}ms`),
    );
    addCorsHeaders(request, response);
    if (request.method === 'OPTIONS') return answerPreflight(cors, response);
    let reply: Reply | undefined;
    try {
      reply = await answer(request, note);
    } catch (error) {
      reply = errorReply(500, 'Mock failure', `The mock failed on this request: ${(error as Error).message}`);
    }
    if (!reply || response.headersSent || response.destroyed) return;
    const payload = JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
      ...reply.headers,
    });
    response.end(payload);
  };

  // Without a Host header Node would answer 400 with an empty body itself; the mock needs no Host.
  const server = http.createServer({ requestTimeout: requestTimeoutMs, headersTimeout: 10_000, requireHostHeader: false }, (request, response) => {
    void handle(request, response);
  });
  // Node answers an Expect it cannot meet with an empty 417; this one says why, in the API's shape.
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const reply = errorReply(417, 'Expectation Failed', `The mock meets only "Expect: 100-continue", not "${request.headers.expect}"`, 'Expect');
    const payload = JSON.stringify(reply.body);
    response.writeHead(417, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }).end(payload);
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
