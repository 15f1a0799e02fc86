// The validating proxy: in front of a real backend, every request and answer passes through
// Prism's HTTP core in proxy mode (`createInstance` with `isProxy`), which forwards it and checks
// both against the bundled spec; violations are logged, the answer goes back as the backend gave it.
// Prism would answer a JSON request whose body does not parse itself, in its own shape, without
// asking the backend: such a request goes straight to the backend instead, logged as not validated.
// A body over the mock's limit (1 MiB) is not read on, nor forwarded: it is answered 413 in the API's shape.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as prismHttp from '@stoplight/prism-http';
import { bundledSpecPath } from '../lib/paths.ts';
import { queryOf } from '../lib/url-query.ts';
import { readBody } from '../mock/read-body.ts';
import { payloadTooLarge } from '../mock/request-body.ts';
import { forward } from './forward.ts';

export interface ValidatingProxyOptions {
  /** The backend, an http(s) URL. */
  upstream: string;
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

export interface ValidatingProxy {
  url: string;
  close(): Promise<void>;
}

type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };
type Violation = { path?: (string | number)[]; message: string; severity: number | string };
type ProxyOutput = {
  output: { statusCode: number; headers?: Record<string, string | string[]>; body?: unknown };
  validations: { input: Violation[]; output: Violation[] };
};
type ProxyError = { status?: number; title?: string; detail?: string; message?: string };

const isJsonMediaType = (contentType: string | undefined): boolean => /^application\/(.+\+)?json\b/i.test((contentType ?? '').trim());

/** The body as Prism reads it: parsed JSON for a JSON media type, else text; undefined when it is not JSON though it says so. */
const parsedBody = (contentType: string | undefined, body: Buffer): { value: unknown } | undefined => {
  if (body.length === 0) return { value: undefined };
  if (!isJsonMediaType(contentType)) return { value: body.toString('utf8') };
  try {
    return { value: JSON.parse(body.toString('utf8')) };
  } catch {
    return undefined;
  }
};

// Prism's own log lines (forwarding, timings) are left out; warnings and errors are kept.
const prismLogger = (log: (line: string) => void): Record<string, unknown> => {
  const logger: Record<string, unknown> = { child: () => logger };
  for (const level of ['trace', 'debug', 'info', 'success', 'start']) logger[level] = () => {};
  for (const level of ['warn', 'error', 'fatal']) logger[level] = (...args: unknown[]) => log(`[PRISM] ${args.filter((arg) => typeof arg === 'string').join(' ')}`);
  return logger;
};

// Headers that describe the backend's own transfer, not the answer: Node sets its own.
const transferHeaders = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

const violationLines = (side: 'request' | 'response', violations: Violation[]): string[] =>
  violations.map((violation) => `[VALIDATOR] ${[side, ...(violation.path ?? [])].join('.')}: ${violation.message}`);

export const startValidatingProxy = async ({ upstream, port = 4011, host = '127.0.0.1', log = console.log }: ValidatingProxyOptions): Promise<ValidatingProxy> => {
  const operations = await prismHttp.getHttpOperationsFromSpec(bundledSpecPath);
  const config = {
    isProxy: true as const,
    upstream: new URL(upstream),
    upstreamProxy: undefined,
    validateRequest: true,
    validateResponse: true,
    checkSecurity: true,
    errors: false,
    mock: { dynamic: false },
  };
  const prism = prismHttp.createInstance(config as never, { logger: prismLogger(log) as never });

  const handle = async (incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<void> => {
    const read = await readBody(incoming);
    const line = `${incoming.method} ${incoming.url}`;
    if (read.kind === 'aborted') return;
    if (read.kind === 'too-large') {
      log(`[PROXY] ${line} -> ${payloadTooLarge.status}: ${payloadTooLarge.body.errors[0].detail}; not forwarded`);
      outgoing.writeHead(payloadTooLarge.status, { 'content-type': 'application/json' }).end(JSON.stringify(payloadTooLarge.body));
      return;
    }
    const body = Buffer.from(read.bytes);
    const parsed = parsedBody(incoming.headers['content-type'], body);
    if (!parsed) {
      log(`[FRONT] ${line}: the body is not JSON; forwarded unchanged to ${upstream}, not validated`);
      return forward(incoming, body, outgoing, upstream);
    }
    const url = new URL(incoming.url ?? '/', 'http://proxy.invalid');
    const input = {
      method: (incoming.method ?? 'GET').toLowerCase(),
      url: { path: url.pathname, query: queryOf(url) },
      headers: incoming.headers as Record<string, string>,
      body: parsed.value,
    };
    const result = (await prism.request(input as never, operations)()) as Either<ProxyError, ProxyOutput>;
    if (result._tag === 'Left') {
      const status = result.left.status ?? 502;
      log(`[PROXY] ${line} -> ${status}: ${result.left.detail ?? result.left.message ?? result.left.title}`);
      const error = { status, title: result.left.title ?? 'Bad Gateway', detail: result.left.detail ?? result.left.message ?? '' };
      outgoing.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [error] }));
      return;
    }
    const { output, validations } = result.right;
    log(`[PROXY] ${line} -> ${output.statusCode}`);
    for (const violation of [...violationLines('request', validations.input), ...violationLines('response', validations.output)]) log(violation);
    const headers = Object.fromEntries(Object.entries(output.headers ?? {}).filter(([name]) => !transferHeaders.has(name.toLowerCase())));
    const payload = output.body === undefined ? '' : typeof output.body === 'string' ? output.body : JSON.stringify(output.body);
    outgoing.writeHead(output.statusCode, headers).end(payload);
  };

  const server = http.createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: Error) => {
      log(`[PROXY] ${incoming.method} ${incoming.url} failed: ${error.message}`);
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ errors: [{ status: 502, title: 'Bad Gateway', detail: error.message }] }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
