// The proxy's front door. Prism's proxy answers a body that is not JSON itself, with its own
// `{"error":{"code":"invalid_json"}}`, and never forwards it; a watching proxy must not change what the
// backend is asked. So a JSON request whose body does not parse goes straight to the upstream (and
// its answer, in the API's own error shape, back to the client), logged as not validated; every other
// request goes through Prism's validating proxy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyFront = { url: string; close(): Promise<void> };

export type ProxyFrontOptions = {
  port: number;
  /** Prism's validating proxy. */
  prism: string;
  /** The backend itself. */
  upstream: string;
  log: (line: string) => void;
};

const isJsonMediaType = (contentType: string | undefined): boolean => /^application\/(.+\+)?json\b/i.test((contentType ?? '').trim());

const isMalformedJson = (contentType: string | undefined, body: Buffer): boolean => {
  if (body.length === 0 || !isJsonMediaType(contentType)) return false;
  try {
    JSON.parse(body.toString('utf8'));
    return false;
  } catch {
    return true;
  }
};

const readBody = async (request: http.IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Sends the request on to `target` as it came, and its answer back as it came. */
const forward = (incoming: http.IncomingMessage, body: Buffer, outgoing: http.ServerResponse, target: string): void => {
  const url = new URL(incoming.url ?? '/', target);
  const headers = { ...incoming.headers, host: url.host, 'content-length': String(body.length) };
  const onward = http.request(url, { method: incoming.method, headers }, (answer) => {
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(outgoing);
  });
  onward.on('error', (error) => {
    const payload = JSON.stringify({ errors: [{ status: 502, title: 'Bad Gateway', detail: `The proxy could not reach ${target}: ${error.message}` }] });
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'application/json' });
    outgoing.end(payload);
  });
  onward.end(body);
};

export const startProxyFront = async ({ port, prism, upstream, log }: ProxyFrontOptions): Promise<ProxyFront> => {
  const server = http.createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming);
    if (isMalformedJson(incoming.headers['content-type'], body)) {
      log(`[FRONT] ${incoming.method} ${incoming.url}: the body is not JSON; forwarded unchanged to ${upstream}, not validated`);
      forward(incoming, body, outgoing, upstream);
    } else {
      forward(incoming, body, outgoing, prism);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
