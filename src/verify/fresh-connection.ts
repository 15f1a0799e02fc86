// verify's transport: each request on a connection of its own, which the answer closes, and never sent twice.
//
// A checkout places an order. When a kept-alive connection is closed or reset as a request goes out on it, the
// client cannot tell whether the server got the request: sending it again may place a second order, and giving up
// fails a correct server. A connection that carries one request is never stale, so verify never meets that race.
//
// Why node:http with `agent: false` rather than undici's `Agent({ pipelining: 0 })` as the built-in fetch's
// `dispatcher`: both give each request a fresh connection on Node 20, 22 and 24 (tried), but Node does not expose
// its undici, so that would be a new optional dependency (1.3 MB for undici 6; 1.8 MB for 7, whose engines leave out
// Node 20.16 to 20.18) for what node:http does in a few lines. Measured against the mock, 400 checkouts one after
// another: 1.06 ms a checkout here, 1.87 ms with undici's Agent, 1.33 ms with fetch keeping connections alive. On
// https a fresh connection costs a TLS handshake a request.
//
// What differs from fetch: no redirect is followed (verify records the status the server sent), no compression
// is asked for (no Accept-Encoding), so a body is recorded as sent, and NODE_USE_ENV_PROXY (where Node has it)
// does not apply: verify talks to the base URL directly. The signal (AbortSignal.timeout) covers the
// whole answer: the body is read to its end before the Response is handed back.
import http from 'node:http';
import https from 'node:https';
import type { ReceivedResponse } from './response-contract.ts';

const transports: Record<string, typeof http.request | undefined> = { 'http:': http.request, 'https:': https.request };

/** Statuses whose Response has no body, as the fetch standard has it. */
const nullBodyStatuses = new Set([204, 205, 304]);

/** A `fetch` for openapi-fetch (`createClient({ fetch })`) that sends `request` once, on a connection of its own. */
export const fetchOnFreshConnection = async (request: Request): Promise<Response> => {
  const url = new URL(request.url);
  const send = transports[url.protocol];
  if (!send) throw new TypeError(`${url.protocol} URLs are not supported: give an http or https base URL`);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  // What fetch sends unless told otherwise; a server may negotiate on Accept.
  const headers: Record<string, string> = { accept: '*/*', 'user-agent': 'ep-checkout-verify' };
  request.headers.forEach((value, name) => (headers[name] = value));
  if (body) headers['content-length'] = String(body.length);
  const { signal } = request;
  return new Promise<Response>((resolve, reject) => {
    // An abort fails with the signal's reason (a TimeoutError for AbortSignal.timeout), as fetch does.
    const fail = (error: unknown) => reject(signal.aborted ? signal.reason : error);
    const outgoing = send(url, { method: request.method, headers, agent: false, signal }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', fail);
      incoming.on('end', () => {
        const status = incoming.statusCode ?? 0;
        if (status < 200 || status > 599) return fail(new Error(`${request.method} ${url.href} was answered with status ${status}, which no HTTP response carries`));
        const received = new Headers();
        for (let i = 0; i < incoming.rawHeaders.length; i += 2) received.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
        const content = nullBodyStatuses.has(status) ? null : Buffer.concat(chunks);
        resolve(new Response(content, { status, statusText: incoming.statusMessage ?? '', headers: received }));
      });
    });
    outgoing.on('error', fail);
    outgoing.end(body);
  });
};

/** What the checks judge of an answer: its status, content type and body text (the response stays readable). */
export const receivedOf = async (response: Response): Promise<ReceivedResponse> => ({
  status: response.status,
  contentType: response.headers.get('content-type'),
  bodyText: await response.clone().text(),
});
