// A bounded, seeded stream of hostile requests for the checkout mock: random and truncated JSON,
// wrong types at every field, deep nesting, multi-megabyte bodies, invalid UTF-8, wrong and
// missing content types, odd methods, paths and headers, Accept headers that exclude JSON, and bytes
// that are not HTTP at all. Every one of them deserves a 4xx in the API's error shape, but for a valid
// request with an odd Accept, which deserves its JSON answer as any other, and an ordinary cart that
// happens to be named like a built-in property. The same seed gives the same stream, so the robustness
// test and the comparison with bare Prism send identical requests.
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';

export interface HostileRequest {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent as raw bytes on a socket instead (for requests that are not valid HTTP). */
  raw?: Buffer;
  /**
   * 'success': a valid request that deserves its 2xx JSON answer; 'its own order': a 201 order with
   * the customer the request sent; a number: that status, in the error shape; otherwise any 4xx in the error shape.
   */
  deserves?: 'success' | 'its own order' | number;
  /** How long the answer may take (default: the sender's), for requests that wait for the server's timeout. */
  waitMs?: number;
}

export interface HostileOptions {
  /** The server's request timeout, when requests that never finish should join the stream (they take that long each). */
  requestTimeoutMs?: number;
}

export interface HostileAnswer {
  status?: number;
  contentType?: string;
  body?: string;
  /** Set when no answer came: 'timeout' or the socket error. */
  failure?: string;
}

type Json = Record<string, any>;

// mulberry32: a tiny seeded PRNG, enough for reproducible fuzzing.
const randomSource = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const checkoutPath = '/v2/carts/hostile-cart/checkout';
const jsonHeaders = { 'content-type': 'application/json', authorization: 'Bearer mock_implicit_hostile' };

const leafPaths = (value: unknown, path: string[] = []): string[][] =>
  typeof value === 'object' && value !== null
    ? [path, ...Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...path, key]))]
    : [path];

const withValueAt = (value: Json, path: string[], replacement: unknown): unknown => {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value);
  path.slice(0, -1).reduce((node: Json, key) => node[key], copy)[path.at(-1)!] = replacement;
  return copy;
};

const wrongValuesFor = (value: unknown): unknown[] => {
  const candidates: unknown[] = [null, 0, -1.5, 1e308, true, '', [], {}, ['x'], { x: 1 }, 'x'.repeat(300)];
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  return candidates.filter((candidate) => kind(candidate) !== kind(value));
};

export const hostileRequests = (validBody: Json, seed = 3, options: HostileOptions = {}): HostileRequest[] => {
  const random = randomSource(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const valid = JSON.stringify(validBody);
  const post = (name: string, body: Buffer | string, headers: Record<string, string> = jsonHeaders, path = checkoutPath): HostileRequest => ({
    name,
    method: 'POST',
    path,
    headers,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
  });
  const requests: HostileRequest[] = [];

  for (let i = 0; i < 30; i++) {
    const cut = 1 + Math.floor(random() * (valid.length - 1));
    requests.push(post(`truncated JSON at ${cut}`, valid.slice(0, cut)));
  }
  const alphabet = '{}[]":,.-+0123456789eEtrufalsn\\ ab\n';
  for (let i = 0; i < 30; i++) {
    const length = 1 + Math.floor(random() * 200);
    requests.push(post(`random JSON-ish text #${i}`, Array.from({ length }, () => pick([...alphabet])).join('')));
  }
  for (const path of leafPaths(validBody)) {
    const replacement = pick(wrongValuesFor(path.reduce((node: any, key) => node[key], validBody)));
    requests.push(post(`wrong type at /${path.join('/')}: ${JSON.stringify(replacement).slice(0, 20)}`, JSON.stringify(withValueAt(validBody, path, replacement))));
  }
  for (const depth of [1_000, 100_000, 400_000]) {
    requests.push(post(`${depth} nested arrays`, '['.repeat(depth) + ']'.repeat(depth)));
    requests.push(post(`${depth} nested objects under data.customer`, `{"data":{"customer":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`));
  }
  const bigString = (bytes: number) => JSON.stringify({ data: { ...validBody.data, customer: { id: 'x'.repeat(bytes) } } });
  requests.push(post('2 MiB valid-looking JSON', bigString(2 * 1024 * 1024)));
  requests.push(post('5 MiB valid-looking JSON', bigString(5 * 1024 * 1024)));
  requests.push(post('3 MiB of spaces', ' '.repeat(3 * 1024 * 1024)));
  requests.push(post('1 MiB + 1 byte', ' '.repeat(1024 * 1024) + '{'));
  const badBytes = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];
  for (let i = 0; i < 12; i++) {
    const at = Math.floor(random() * valid.length);
    const bytes = Buffer.from(pick(badBytes));
    requests.push(post(`invalid UTF-8 ${bytes.toString('hex')} at ${at}`, Buffer.concat([Buffer.from(valid.slice(0, at)), bytes, Buffer.from(valid.slice(at))])));
  }
  const contentTypes = ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json, text/plain', ';;;', 'application/', 'application/json; charset=utf-16'];
  for (const contentType of contentTypes) requests.push(post(`content type ${contentType}`, contentType.includes('utf-16') ? Buffer.from(valid, 'utf16le') : valid, { ...jsonHeaders, 'content-type': contentType }));
  requests.push(post('no content type', valid, { authorization: jsonHeaders.authorization }));
  requests.push(post('no content type, form body', 'a=1&b=2', { authorization: jsonHeaders.authorization }));
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'FOO']) {
    requests.push({ name: `method ${method}`, method, path: checkoutPath, headers: jsonHeaders, body: Buffer.from(valid) });
  }
  const oddPaths = ['/', '/v2', '/v2/carts//checkout', '/v2/carts/%FF/checkout', '/v2/carts/%E0%A4%A/checkout', '/v2/carts/%00/checkout/', '/v2/carts/checkout', '*', `/v2/carts/${'a'.repeat(300)}/checkout`, '/v2/carts/a/checkout/extra', '/../../etc/passwd', '/v2/carts/a%2Fb/checkout/', '/%', '//', '/v2/carts/%/checkout', '/oauth/access_token/x'];
  for (const path of oddPaths) requests.push(post(`path ${path.slice(0, 40)}`, valid, jsonHeaders, path));
  // The mock reads Prefer only; Prism's __code and __example query parameters are ignored, as any query is.
  for (const prefer of ['code=', 'code=99999', 'code=abc', 'example=Nope', 'code=201, example=Nope', 'code=500', 'code=200', 'foo', ';;;', 'code=404, code=400']) {
    requests.push(post(`Prefer ${prefer}`, valid, { ...jsonHeaders, prefer }));
  }
  // The API answers JSON whatever Accept says (docs/decisions.md); Prism alone would refuse to negotiate.
  for (const accept of ['application/vnd.api+json', 'text/html', 'application/xml', 'application/json;q=0', 'text/*', 'image/png;q=1, */*;q=0', '', ',,;q=x']) {
    requests.push({ ...post(`Accept ${accept}, valid body`, valid, { ...jsonHeaders, accept }), deserves: 'success' });
    requests.push(post(`Accept ${accept}, invalid body`, '{"data":{}}', { ...jsonHeaders, accept }));
  }
  requests.push({ ...post('Accept text/html, token request', 'grant_type=implicit&client_id=x', { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, '/oauth/access_token'), deserves: 'success' });
  requests.push(post('X-MOLTIN-CURRENCY lowercase', valid, { ...jsonHeaders, 'x-moltin-currency': 'usd' }));
  requests.push(post('Authorization Bearer of spaces', valid, { ...jsonHeaders, authorization: `Bearer${' '.repeat(500)}` }));
  requests.push(post('Authorization Basic', valid, { ...jsonHeaders, authorization: 'Basic Zm9vOmJhcg==' }));
  requests.push(post('token request as JSON', '{"grant_type":"implicit"}', jsonHeaders, '/oauth/access_token'));
  requests.push(post('token request with unknown grant', 'grant_type=password&client_id=x', { 'content-type': 'application/x-www-form-urlencoded' }, '/oauth/access_token'));
  requests.push(post('token request with invalid UTF-8', Buffer.from([0x67, 0x3d, 0xff]), { 'content-type': 'application/x-www-form-urlencoded' }, '/oauth/access_token'));
  requests.push(post('token request of 2 MiB', `grant_type=implicit&client_id=${'x'.repeat(2 * 1024 * 1024)}`, { 'content-type': 'application/x-www-form-urlencoded' }, '/oauth/access_token'));
  // Cart references named like properties every JavaScript object has are ordinary carts.
  for (const reference of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    requests.push({ ...post(`cart named ${reference}`, valid, jsonHeaders, `/v2/carts/${reference}/checkout`), deserves: 'its own order' });
  }
  // A body of 70,000 fields (about 740 KB): refused in about the time a plain invalid body takes, not one error per field per variant.
  const wide = structuredClone(validBody);
  for (let i = 0; i < 70_000; i++) wide.data[`f${i}`] = 0;
  requests.push({ ...post('70,000 fields in data', JSON.stringify(wide)), deserves: 400 });
  // A content coding the mock does not decode: 415, not "not valid UTF-8".
  requests.push({ ...post('gzip-encoded body', zlib.gzipSync(valid), { ...jsonHeaders, 'content-encoding': 'gzip' }), deserves: 415 });
  requests.push({ ...post('br-encoded body', zlib.brotliCompressSync(valid), { ...jsonHeaders, 'content-encoding': 'br' }), deserves: 415 });
  const raw = (name: string, text: string): HostileRequest => ({ name, method: 'RAW', path: '', headers: {}, raw: Buffer.from(text) });
  if (options.requestTimeoutMs !== undefined) {
    // Requests that never finish get their 408 when the server's timeout says, not up to 30 s later.
    const waitMs = options.requestTimeoutMs + 1000;
    requests.push({ ...raw('a body that never finishes', `POST ${checkoutPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"data":`), deserves: 408, waitMs });
    requests.push({ ...raw('headers that never finish', `POST ${checkoutPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n`), deserves: 408, waitMs });
  }
  requests.push(raw('not HTTP at all', 'GARBAGE\r\n\r\n'));
  requests.push(raw('request line with spaces in path', 'POST /v2/carts/a b/checkout HTTP/1.1\r\nHost: x\r\n\r\n'));
  requests.push(raw('header of 40 KiB', `POST ${checkoutPath} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40 * 1024)}\r\n\r\n`));
  requests.push(raw('no Host header', `POST ${checkoutPath} HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`));
  requests.push(raw('an Expect the server cannot meet', `POST ${checkoutPath} HTTP/1.1\r\nHost: x\r\nExpect: foo\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`));
  requests.push(raw('content-length that lies', `POST ${checkoutPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`));
  return requests;
};

const sendRaw = (base: URL, bytes: Buffer, timeoutMs: number): Promise<HostileAnswer> =>
  new Promise((resolve) => {
    const socket = net.connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    const finish = (answer: HostileAnswer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish({ failure: 'timeout' }));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => (chunks.length ? socket.emit('end') : finish({ failure: error.message })));
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      const contentType = /\r\ncontent-type: ([^\r]*)/i.exec(head)?.[1];
      finish(Number.isNaN(status) ? { failure: `no HTTP answer: ${JSON.stringify(text.slice(0, 60))}` } : { status, contentType, body: rest.join('\r\n\r\n') });
    });
    socket.write(bytes);
  });

/** Sends one hostile request to `baseUrl`, giving up after `timeoutMs`. */
export const sendHostile = (baseUrl: string, request: HostileRequest, defaultTimeoutMs = 3000): Promise<HostileAnswer> => {
  const base = new URL(baseUrl);
  const timeoutMs = request.waitMs ?? defaultTimeoutMs;
  if (request.raw) return sendRaw(base, request.raw, timeoutMs);
  return new Promise((resolve) => {
    const outgoing = http.request(
      { host: base.hostname, port: base.port, method: request.method, path: request.path, headers: request.headers, agent: false, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, contentType: response.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', (error) => resolve({ status: response.statusCode, failure: error.message }));
      },
    );
    outgoing.on('timeout', () => {
      outgoing.destroy();
      resolve({ failure: 'timeout' });
    });
    outgoing.on('error', (error) => resolve({ failure: error.message }));
    outgoing.end(request.body);
  });
};

/**
 * Why an answer is not what the request deserves (a 4xx in the API's error shape, or for a valid request
 * a 2xx in JSON), or undefined when it is.
 */
export const flawOf = (request: HostileRequest, answer: HostileAnswer, isErrorShape: (body: unknown) => boolean): string | undefined => {
  if (answer.failure) return `no answer (${answer.failure})`;
  const { deserves } = request;
  const [low, high] =
    typeof deserves === 'number' ? [deserves, deserves] : deserves === 'success' ? [200, 299] : deserves === 'its own order' ? [201, 201] : [400, 499];
  if (answer.status === undefined || answer.status < low || answer.status > high) return `status ${answer.status}`;
  if (!/^application\/json/.test(answer.contentType ?? '')) return `content type ${answer.contentType}`;
  try {
    const body = JSON.parse(answer.body ?? '');
    if (deserves === 'its own order') {
      const sent: Json = JSON.parse(request.body?.toString('utf8') ?? '{}').data?.customer ?? {};
      const echoed = Object.entries(sent).every(([field, value]) => JSON.stringify(body?.data?.customer?.[field]) === JSON.stringify(value));
      return echoed ? undefined : `not the order of the request: ${answer.body?.slice(0, 80)}`;
    }
    return deserves === 'success' || isErrorShape(body) ? undefined : `body not in the error shape: ${answer.body?.slice(0, 80)}`;
  } catch {
    return `body not JSON: ${answer.body?.slice(0, 80)}`;
  }
};
