// The mock's decision pipeline (src/mock/engine.ts), called directly: no server, no socket. Each
// stage is shown to decide what it owns and to rank as the pipeline says; and the pipeline is shown
// to need no Node built-in, so MSW handlers can run it in a browser.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { variantNamed } from '../../src/lib/checkout-variants.ts';
import { repoRoot } from '../../src/lib/paths.ts';
import { createCheckoutEngine, type CheckoutEngine, type Reply } from '../../src/mock/engine.ts';
import { placeOutOfBounds } from '../../src/mock/json-width.ts';
import { chooseAnswer, reservedCartReferences } from '../../src/mock/scenarios.ts';
import { checkoutRequestExample, checkoutResponseExample, validator } from './support.ts';

let engine: CheckoutEngine;
beforeAll(async () => {
  engine = await createCheckoutEngine(validator.spec);
}, 60_000);

const implicit = 'Bearer mock_implicit_dev';
const clientCredentials = 'Bearer mock_client_credentials_dev';

const checkout = (body: unknown, headers: Record<string, string> = {}, reference = 'cart-1'): Promise<Reply> =>
  engine.answer({
    method: 'POST',
    path: `/v2/carts/${encodeURIComponent(reference)}/checkout`,
    headers: { authorization: implicit, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });

const errorsOf = (reply: Reply, status: number): Record<string, any>[] => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(validator.validate('#/components/schemas/ErrorResponse', reply.body), JSON.stringify(reply.body)).toEqual([]);
  return (reply.body as { errors: Record<string, any>[] }).errors;
};

const customerObject = checkoutRequestExample('CustomerObject');

describe('route', () => {
  it('an unknown path -> 404, another method -> 405 with Allow, a broken percent-encoding -> 400 naming the parameter', async () => {
    errorsOf(await engine.answer({ method: 'GET', path: '/v2/carts', headers: {} }), 404);
    const wrongMethod = await engine.answer({ method: 'PUT', path: '/v2/carts/c/checkout', headers: {} });
    errorsOf(wrongMethod, 405);
    expect(wrongMethod.headers).toEqual({ Allow: 'POST' });
    const brokenPath = { method: 'POST', path: '/v2/carts/%E0%A4%A/checkout', headers: { authorization: implicit }, body: '{}' };
    const [error] = errorsOf(await engine.answer(brokenPath), 400);
    expect(error).toMatchObject({ source: 'reference', title: 'format' });
  });
});

describe('body', () => {
  it('bytes and text are the same body', async () => {
    const text = JSON.stringify(customerObject);
    const [fromText, fromBytes] = [await checkout(text), await checkout(new TextEncoder().encode(text))];
    expect([fromText.status, fromBytes.status, fromText.variant, fromBytes.variant]).toEqual([201, 201, 'CustomerObject', 'CustomerObject']);
  });

  it('a content coding the mock does not decode -> 415 naming Content-Encoding; identity is no coding', async () => {
    const gzipped = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);
    const [error] = errorsOf(await checkout(gzipped, { 'content-encoding': 'gzip' }), 415);
    expect(error.source).toBe('Content-Encoding');
    expect(error.detail).toMatch(/gzip/);
    expect((await checkout(customerObject, { 'Content-Encoding': 'identity' })).status).toBe(201);
  });

  it('not UTF-8 -> 400; too large -> 413; not JSON -> 415; malformed JSON -> 400; empty -> 400 naming the request', async () => {
    errorsOf(await checkout(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])), 400);
    errorsOf(await checkout('{"data":{"x":"' + 'x'.repeat(1024 * 1024) + '"}}'), 413);
    errorsOf(await engine.answer({ method: 'POST', path: '/v2/carts/c/checkout', headers: { authorization: implicit }, bodyTooLarge: true }), 413);
    errorsOf(await checkout(customerObject, { 'content-type': 'text/plain' }), 415);
    errorsOf(await checkout('{"data": {'), 400);
    expect(errorsOf(await checkout(''), 400)[0].source).toBe('request');
  });

  it('a body breaking the contract -> 400 naming the field', async () => {
    const body = structuredClone(customerObject);
    delete body.data.billing_address.line_1;
    expect(errorsOf(await checkout(body), 400).map((e) => e.source)).toEqual(['data.billing_address.line_1']);
  });
});

describe('bounded work for hostile bodies', () => {
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const timed = async (work: () => unknown): Promise<number> => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };

  // Before the bound, the validator made one error per field per variant: about 9 s on this machine
  // for what takes JSON.parse about 0.1 s. Now the body is refused before it is parsed.
  it('a body of 70,000 fields is refused in less time than it takes to parse it, naming the object', async () => {
    const wide = structuredClone(customerObject);
    for (let i = 0; i < 70_000; i++) wide.data[`f${i}`] = 0;
    const text = JSON.stringify(wide);
    const [error] = errorsOf(await checkout(text), 400);
    expect(error).toEqual(expect.objectContaining({ title: 'Bad Request', source: 'data' }));
    const parsing = median(await Promise.all([0, 1, 2].map(() => timed(() => JSON.parse(text)))));
    const answering: number[] = [];
    for (let round = 0; round < 3; round++) answering.push(await timed(() => checkout(text)));
    expect(median(answering)).toBeLessThan(parsing + 20);
  }, 30_000);

  it('an object of up to 1,000 fields is judged as usual, each unknown field named', async () => {
    const body = structuredClone(customerObject);
    for (let i = 0; i < 990; i++) body.data.customer[`f${i}`] = 0;
    const errors = errorsOf(await checkout(body), 400);
    expect(errors[0].source).toBe('data.customer.f0');
  });

  it('the bounds are found in the text, naming the object at fault; strings are not structure', () => {
    const wide = (text: string) => placeOutOfBounds(text, { width: 1000, depth: 64 });
    const entries = (count: number) => Array.from({ length: count }, (_, i) => `"f${i}":0`).join(',');
    expect(wide(`{"data":{"billing_address":{${entries(1001)}}}}`)).toEqual({ path: ['data', 'billing_address'], breaks: 'width' });
    expect(wide(`{"data":{"list":[0,[${Array(1001).fill(0).join(',')}]]}}`)).toEqual({ path: ['data', 'list', 1], breaks: 'width' });
    expect(wide(`{"a\\\"b":{"c,d":{${entries(1001)}}}}`)?.path).toEqual(['a"b', 'c,d']);
    expect(wide(`${'{"a":'.repeat(50)}{${entries(1001)}}${'}'.repeat(50)}`)?.path).toHaveLength(50);
    expect(wide(`${'['.repeat(65)}${']'.repeat(65)}`)).toEqual({ path: Array(64).fill(0), breaks: 'depth' });
    expect(wide(`{"data":{${entries(1000)}}}`)).toBeUndefined();
    expect(wide(`{"data":"${','.repeat(5000)}${'['.repeat(100)}"}`)).toBeUndefined();
  });

  it('a token request of 70,000 form fields is refused the same way', async () => {
    const form = Array.from({ length: 70_000 }, (_, i) => `f${i}=0`).join('&');
    const reply = await engine.answer({ method: 'POST', path: '/oauth/access_token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(errorsOf(reply, 400)[0].source).toBe('request');
  });

  it('nesting 100,000 deep is refused before it is parsed, naming where it went too deep', async () => {
    const deep = `{"data":{"customer":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`;
    const [error] = errorsOf(await checkout(deep), 400);
    expect(error.source).toBe(`data.customer${'.a'.repeat(62)}`);
  });
});

describe('security', () => {
  const unauthorized = checkoutResponseExample(401, 'Unauthorized');

  it.each([
    ['no Authorization', undefined],
    ['not Bearer', 'Basic dXNlcjpwYXNz'],
    ['a bearer token the mock never issued', 'Bearer any-token'],
    ['an expired-looking token', 'Bearer expired-token'],
    ['a prefix alone', 'Bearer mock_implicit_'],
    ['another grant', 'Bearer mock_password_dev'],
  ])('%s -> 401 with the spec\'s Unauthorized example', async (_, authorization) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    const reply = await engine.answer({ method: 'POST', path: '/v2/carts/c/checkout', headers, body: JSON.stringify(customerObject) });
    expect(reply).toMatchObject({ status: 401, body: unauthorized });
  });

  it('tokens of the forms the mock mints are accepted, fetched or hand-typed', async () => {
    for (const authorization of [implicit, clientCredentials, 'Bearer mock_client_credentials_5c1d0a']) {
      expect((await checkout(customerObject, { authorization })).status, authorization).toBe(201);
    }
  });

  it('401 outranks a broken body; the token endpoint needs no token', async () => {
    expect((await checkout({ data: {} }, { authorization: 'Bearer any-token' })).status).toBe(401);
    const form = 'grant_type=implicit&client_id=storefront';
    const reply = await engine.answer({ method: 'POST', path: '/oauth/access_token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(reply.status).toBe(200);
    expect((reply.body as { access_token: string }).access_token).toMatch(/^mock_implicit_[0-9a-f]{40}$/);
  });
});

describe('parameters', () => {
  it('a header breaking its schema, a header sent empty, a reference over 255 characters -> 400 naming each', async () => {
    expect(errorsOf(await checkout(customerObject, { 'x-moltin-currency': 'usd' }), 400).map((e) => e.source)).toEqual(['X-MOLTIN-CURRENCY']);
    expect(errorsOf(await checkout(customerObject, { 'x-moltin-customer-token': '' }), 400).map((e) => e.source)).toEqual(['X-Moltin-Customer-Token']);
    expect(errorsOf(await checkout(customerObject, {}, 'c'.repeat(256)), 400).map((e) => e.source)).toEqual(['reference']);
    expect((await checkout(customerObject, {}, 'c'.repeat(255))).status).toBe(201);
  });

  it('body errors outrank parameter errors', async () => {
    const errors = errorsOf(await checkout({ data: {} }, { 'x-moltin-currency': 'usd' }), 400);
    expect(errors.every((e) => e.source !== 'X-MOLTIN-CURRENCY')).toBe(true);
  });
});

describe('the answer: variant rule, Prefer, reserved reference, reflection', () => {
  it('a variant rule outranks Prefer, which outranks a reserved reference', async () => {
    const account = variantNamed('account');
    const { status, example } = account.refusals.wrongGrant!;
    const [rule] = errorsOf(await checkout(checkoutRequestExample(account.exampleKey), { prefer: 'code=404' }, 'missing'), status);
    expect(rule).toEqual(checkoutResponseExample(status, example).errors[0]);
    expect(errorsOf(await checkout(customerObject, { prefer: 'code=400, example=CurrencyMismatch' }, 'missing'), 400)).toEqual(
      checkoutResponseExample(400, 'CurrencyMismatch').errors,
    );
    expect(errorsOf(await checkout(customerObject, {}, 'missing'), 404)).toEqual(checkoutResponseExample(404, 'CartNotFound').errors);
  });

  // With the references in a plain object these named a property every object has, and each
  // answered the spec's first example order verbatim instead of the order of the request.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('a cart named %s is an ordinary cart', async (reference) => {
    expect(chooseAnswer({ variant: 'CustomerObject', headers: {}, params: { reference }, preferred: {} }).by).toBe('variant');
    const reply = await checkout(customerObject, {}, reference);
    expect(reply.status).toBe(201);
    expect((reply.body as any).data.customer).toEqual(customerObject.data.customer);
    expect((reply.body as any).data.id).not.toBe(checkoutResponseExample(201, 'CustomerObject').data.id);
  });

  it('every reserved reference answers its example', async () => {
    for (const [reference, { code, exampleKey }] of reservedCartReferences) {
      expect(errorsOf(await checkout(customerObject, {}, reference), code)).toEqual(checkoutResponseExample(code, exampleKey).errors);
    }
  });

  it('a 201 carries what the request sent, and names its variant', async () => {
    const reply = await checkout(checkoutRequestExample('CustomerId'));
    expect(reply).toMatchObject({ status: 201, variant: 'CustomerId' });
    expect((reply.body as any).data.customer.id).toBe(checkoutRequestExample('CustomerId').data.customer.id);
  });
});

// Every module the engine loads, followed through its relative imports: none may use Node's own
// modules or globals, or a bundler could not take the engine to a browser.
describe('no Node built-in in the pipeline', () => {
  const nodeOnly = [/from ['"]node:/, /from ['"](fs|path|os|http|https|net|crypto|module|url|stream|zlib)['"]/, /\bBuffer\b/, /\bcreateRequire\b/, /\brequire\.cache\b/, /\bprocess\./, /\b__dirname\b/];
  const reachable = (entry: string): string[] => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s+['"](\.[^'"]+)['"]/gms)) {
        visit(path.resolve(path.dirname(file), specifier));
      }
    };
    visit(entry);
    return [...seen];
  };

  it('src/mock/engine.ts and every module it imports', () => {
    const files = reachable(path.join(repoRoot, 'src/mock/engine.ts'));
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return nodeOnly.filter((pattern) => pattern.test(text)).map((pattern) => `${path.relative(repoRoot, file)}: ${pattern}`);
    });
    expect(offending).toEqual([]);
  });

  it('the check finds a Node built-in where there is one', () => {
    const offending = reachable(path.join(repoRoot, 'src/mock/server.ts')).filter((file) =>
      nodeOnly.some((pattern) => pattern.test(fs.readFileSync(file, 'utf8'))),
    );
    expect(offending.map((file) => path.relative(repoRoot, file))).toEqual(expect.arrayContaining(['src/mock/server.ts', 'src/lib/bundled-spec.ts']));
  });
});
