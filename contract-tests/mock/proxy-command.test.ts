// `ep-checkout proxy`: in front of a backend, every request and answer goes through unchanged and
// each way's violations of the contract are logged; a body that is not JSON reaches the backend
// unchecked (Prism would answer it itself). The command parses its flags as `mock` and `verify` do.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { proxyUsage, runProxy } from '../../src/cli/proxy-command.ts';
import { repoRoot } from '../../src/lib/paths.ts';
import { bodyLimitBytes } from '../../src/mock/body-limit.ts';
import { startMockServer, type MockServer } from '../../src/node.ts';
import { startValidatingProxy, type ValidatingProxy } from '../../src/proxy/validating-proxy.ts';
import { checkoutRequestExample, checkoutResponseExample, validator } from './support.ts';


let backend: MockServer;
let brokenBackend: http.Server;
const proxies: { proxy: ValidatingProxy; logged: string[] }[] = [];

const startProxy = async (upstream: string) => {
  const logged: string[] = [];
  const proxy = await startValidatingProxy({ upstream, port: 0, log: (line) => logged.push(line) });
  proxies.push({ proxy, logged });
  return { proxy, logged };
};

beforeAll(async () => {
  backend = await startMockServer({ port: 0 });
  // A backend whose orders break the contract: a 201 with an empty object.
  brokenBackend = http.createServer((request, response) => request.resume().on('end', () => response.writeHead(201, { 'content-type': 'application/json' }).end('{}')));
  await new Promise<void>((resolve) => brokenBackend.listen(0, '127.0.0.1', resolve));
}, 30_000);

afterAll(async () => {
  await Promise.all(proxies.map(({ proxy }) => proxy.close()));
  brokenBackend?.close();
  await backend?.close();
});

const checkout = async (proxyUrl: string, body: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${proxyUrl}/v2/carts/my-cart/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer mock_implicit_proxy', ...headers },
    body,
  });
  return { status: response.status, body: (await response.text()) };
};

describe('in front of the mock', () => {
  test('a valid checkout comes back as the backend answered it, with no violation', async () => {
    const { proxy, logged } = await startProxy(backend.url);
    const answer = await checkout(proxy.url, JSON.stringify(checkoutRequestExample('CustomerObject')));
    expect(answer.status).toBe(201);
    expect(validator.validate('#/components/schemas/OrderResponse', JSON.parse(answer.body))).toEqual([]);
    expect(logged).toEqual(['[PROXY] POST /v2/carts/my-cart/checkout -> 201']);
  });

  test("an invalid body is forwarded, the backend's 400 comes back, and the request's violations are logged", async () => {
    const { proxy, logged } = await startProxy(backend.url);
    const answer = await checkout(proxy.url, '{"data":{}}');
    expect(answer.status).toBe(400);
    expect(validator.validate('#/components/schemas/ErrorResponse', JSON.parse(answer.body))).toEqual([]);
    expect(logged[0]).toBe('[PROXY] POST /v2/carts/my-cart/checkout -> 400');
    expect(logged).toContain("[VALIDATOR] request.body.data: Request body property data must have required property 'billing_address'");
  });

  test('a body that is not JSON reaches the backend unchanged, unchecked, and its answer comes back in the API error shape', async () => {
    const { proxy, logged } = await startProxy(backend.url);
    const answer = await checkout(proxy.url, '{"data": {');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors[0]).toMatchObject({ status: 400, title: 'Malformed JSON' });
    expect(logged).toEqual([expect.stringMatching(/^\[FRONT\] POST \/v2\/carts\/my-cart\/checkout: the body is not JSON; forwarded unchanged to http:\/\/127\.0\.0\.1:\d+, not validated$/)]);
  });
});

test("in front of a backend that breaks the contract, its answer comes back unchanged and the response's violations are logged", async () => {
  const { proxy, logged } = await startProxy(`http://127.0.0.1:${(brokenBackend.address() as AddressInfo).port}`);
  const answer = await checkout(proxy.url, JSON.stringify(checkoutRequestExample('CustomerObject')));
  expect(answer).toEqual({ status: 201, body: '{}' });
  expect(logged).toContain("[VALIDATOR] response.body: Response body must have required property 'data'");
});

describe('a body over the limit', () => {
  // A backend that counts what reaches it and accepts everything: a forwarded body would come back 201.
  let reached = 0;
  let countingBackend: http.Server;
  beforeAll(async () => {
    countingBackend = http.createServer((request, response) => {
      reached += 1;
      request.resume().on('end', () => response.writeHead(201, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((resolve) => countingBackend.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => void countingBackend?.close());

  // Valid JSON one byte over 1 MiB, declared by Content-Length or streamed in chunks with no length.
  const envelope = (note: string) => JSON.stringify({ data: { note } });
  const oversized = envelope('x'.repeat(bodyLimitBytes + 1 - envelope('').length));
  const chunked = (text: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
        controller.close();
      },
    });

  test.each([
    ['with Content-Length', () => ({ body: oversized })],
    ['streamed without a length', () => ({ body: chunked(oversized), duplex: 'half' })],
  ])('%s is answered 413 in the API error shape, never forwarded', async (_, bodyOf) => {
    expect(Buffer.byteLength(oversized)).toBe(bodyLimitBytes + 1);
    expect(() => JSON.parse(oversized)).not.toThrow();
    const { proxy, logged } = await startProxy(`http://127.0.0.1:${(countingBackend.address() as AddressInfo).port}`);
    const before = reached;
    const response = await fetch(`${proxy.url}/v2/carts/my-cart/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer mock_implicit_proxy' },
      ...(bodyOf() as RequestInit),
    });
    const text = await response.text();
    expect(response.status, text).toBe(413);
    const answer = JSON.parse(text);
    expect(validator.validate('#/components/schemas/ErrorResponse', answer)).toEqual([]);
    expect(answer).toEqual(checkoutResponseExample(413, 'PayloadTooLarge'));
    expect(reached - before, 'requests that reached the backend').toBe(0);
    expect(logged).toEqual(['[PROXY] POST /v2/carts/my-cart/checkout -> 413: The request body is larger than 1 MiB; not forwarded']);
  });
});

describe('ep-checkout proxy', () => {
  test.each([
    [[], /^proxy needs --upstream <http\(s\) URL of the backend>$/],
    [['--upstream', 'ftp://example.org'], /^--upstream must be an http\(s\) URL, not "ftp:\/\/example\.org"$/],
    [['--upstream', 'http://127.0.0.1:1', '--port', 'x'], /^--port must be a whole number from 0 to 65535, not "x"$/],
    [['--upstream', 'http://127.0.0.1:1', '--errors'], /^Unknown option '--errors'/],
  ])('%j is a usage error', async (args, message) => {
    await expect(runProxy(args)).rejects.toThrow(expect.objectContaining({ name: 'UsageError', message: expect.stringMatching(message) }));
  });

  // Spawning the command through tsx takes seconds on a busy machine: one run for a usage error, one for a proxy.
  const cli = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src', 'cli.ts'), 'proxy', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });

  test('a usage error exits 2 with one line; --help is listed', async () => {
    const child = cli(['--upstream', 'nope']);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr.trim().split('\n')).toEqual(['ep-checkout: --upstream must be an http(s) URL, not "nope"']);
    expect(proxyUsage).toMatch(/^Usage: ep-checkout proxy --upstream URL/);
  }, 120_000);

  test('starts, forwards a checkout, and stops on SIGTERM', async () => {
    const child = cli(['--upstream', backend.url, '--port', '0']);
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        const listening = /listening on (http:\/\/\S+),/.exec(output)?.[1];
        if (listening) resolve(listening);
      });
      child.once('exit', (code) => reject(new Error(`ep-checkout proxy exited with ${code}: ${output}`)));
    });
    expect((await checkout(url, JSON.stringify(checkoutRequestExample('CustomerId')))).status).toBe(201);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
